import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { HSDS_SCHEMA_DIR, createHsdsValidator, newAjv, problemsOf } from '../../src/hsds/hsdsSchemas';
import { TABLES, toTables } from '../../src/hsds/hsdsTabular';
import { loadDirectorySnapshot } from '../../src/hsds/loadDirectorySnapshot';
import { organizationSummary, serviceSummary, toHsdsDataset } from '../../src/hsds/toHsds';
import type { HsdsDataset } from '../../src/hsds/hsdsTypes';
import { MemoryStore } from '../../src/store/memory/MemoryStore';
import { HSDS_TEST_NOW, storeRealDirectory } from '../support/hsdsDirectory';

/**
 * Issue 14 item 1, done when: every record of a full export validates against
 * the compiled HSDS 3.0 schemas (schema/hsds/3.0/compiled, ajv). The full
 * export includes prospective organisations and planned services.
 */
function compiled(name: string): ValidateFunction {
  return newAjv().compile(JSON.parse(readFileSync(join(HSDS_SCHEMA_DIR, '3.0', 'compiled', `${name}.json`), 'utf8')) as object);
}

describe('a full HSDS export against the compiled schemas', () => {
  let data: HsdsDataset;
  const validators: Record<string, ValidateFunction> = {};
  beforeAll(async () => {
    const store = new MemoryStore({ dataDir: null });
    await store.init();
    await storeRealDirectory(store);
    data = toHsdsDataset(await loadDirectorySnapshot(store, HSDS_TEST_NOW), { includeProspective: true });
    await store.close();
    for (const name of ['service', 'organization', 'service_at_location', 'service_list', 'organization_list', 'service_at_location_list']) validators[name] = compiled(name);
  }, 120_000);

  const failures = (v: ValidateFunction, records: readonly unknown[]) =>
    records.flatMap((r, i) => (v(r) ? [] : [{ i, id: (r as { id: string }).id, problems: problemsOf(v.errors ?? []) }]));

  it('exports the whole real directory (sanity: not an empty pass)', () => {
    expect(data.organizations.length).toBeGreaterThanOrEqual(30);
    expect(data.services.length).toBeGreaterThanOrEqual(20);
    expect(data.serviceAtLocations.length).toBeGreaterThan(0);
    expect(data.services.some((s) => (s.capacities ?? []).length > 0)).toBe(true);
    expect(data.services.some((s) => s.service_areas?.some((a) => a.extent_type === 'geojson'))).toBe(true);
  });

  it('every service validates against compiled/service.json, and its one-to-one form against service_list.json', () => {
    expect(failures(validators['service']!, data.services)).toEqual([]);
    expect(failures(validators['service_list']!, data.services.map(serviceSummary))).toEqual([]);
  });

  it('every organisation validates against compiled/organization.json and organization_list.json', () => {
    expect(failures(validators['organization']!, data.organizations)).toEqual([]);
    expect(failures(validators['organization_list']!, data.organizations.map(organizationSummary))).toEqual([]);
  });

  it('every service_at_location validates against compiled/service_at_location.json and its list form', () => {
    expect(failures(validators['service_at_location']!, data.serviceAtLocations)).toEqual([]);
    expect(failures(validators['service_at_location_list']!, data.serviceAtLocations)).toEqual([]);
  });

  it('taxonomies, terms and the 3.1-dev capacities validate against their schemas', () => {
    const v = createHsdsValidator();
    expect(data.taxonomies.flatMap((t) => v.validate('taxonomy', t))).toEqual([]);
    expect(data.taxonomyTerms.flatMap((t) => v.validate('taxonomy_term', t))).toEqual([]);
    expect(data.services.flatMap((s) => (s.capacities ?? []).flatMap((c) => v.validate('service_capacity', c)))).toEqual([]);
  });

  it('every row of the tabular form validates against its object schema', () => {
    const v = createHsdsValidator();
    const tables = toTables(data);
    const problems = TABLES.flatMap(({ schema, file }) =>
      (tables.get(file) ?? []).flatMap((row, i) => {
        const flat = Object.fromEntries(Object.entries(row).filter(([, x]) => x === null || typeof x !== 'object'));
        const checked = schema === 'service_capacity' ? { ...flat, unit: (row as { unit: unknown }).unit } : flat;
        return v.validate(schema, checked).map((p) => `${file} row ${i}: ${p.path} ${p.reason}`);
      }),
    );
    expect(problems).toEqual([]);
    expect((tables.get('services.csv') ?? []).length).toBe(data.services.length);
  });

  it('the validator refuses what the schemas refuse (the check is not vacuous)', () => {
    const v = validators['service']!;
    expect(v({ ...data.services[0], status: 'open' })).toBe(false);
    expect(v({ ...data.services[0], id: 'not-a-uuid' })).toBe(false);
    const { name: _name, ...nameless } = data.organizations[0]!;
    void _name;
    expect(validators['organization']!(nameless)).toBe(false);
  });
});
