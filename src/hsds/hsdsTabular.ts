import type { HsdsObjectSchema, HsdsSchemaName, HsdsValidator } from './hsdsSchemas';
import { emptyRecordSet, type HsdsRecordSet, type SourcedRecord } from './hsdsRecords';
import type { HsdsDataset, HsdsLocation } from './hsdsTypes';

/**
 * The HSDS tabular form: one CSV per object (services.csv, phones.csv …, the
 * `path` of each schema in schema/hsds/3.0, and the 3.1-dev
 * service_capacity.csv and units.csv), linked by id columns, described by a
 * Frictionless datapackage.json. Written from a dataset, and read back (CSV
 * files or the tabular JSON form, { "services.csv": [...] }) into nested
 * records for the same import as the JSON form.
 */
export const TABLES: ReadonlyArray<{ schema: HsdsSchemaName; file: string }> = [
  { schema: 'organization', file: 'organizations.csv' },
  { schema: 'organization_identifier', file: 'organization_identifiers.csv' },
  { schema: 'service', file: 'services.csv' },
  { schema: 'phone', file: 'phones.csv' },
  { schema: 'contact', file: 'contacts.csv' },
  { schema: 'schedule', file: 'schedules.csv' },
  { schema: 'service_area', file: 'service_areas.csv' },
  { schema: 'location', file: 'locations.csv' },
  { schema: 'service_at_location', file: 'service_at_location.csv' },
  { schema: 'attribute', file: 'attributes.csv' },
  { schema: 'taxonomy', file: 'taxonomies.csv' },
  { schema: 'taxonomy_term', file: 'taxonomy_terms.csv' },
  { schema: 'service_capacity', file: 'service_capacity.csv' },
  { schema: 'unit', file: 'units.csv' },
];

/** Tables Huzhu never writes but reads (and validates) in a partner's datapackage. */
const READ_ONLY_TABLES: ReadonlyArray<{ schema: HsdsSchemaName; file: string }> = [
  { schema: 'address', file: 'addresses.csv' },
  { schema: 'language', file: 'languages.csv' },
  { schema: 'accessibility', file: 'accessibility.csv' },
  { schema: 'funding', file: 'funding.csv' },
  { schema: 'cost_option', file: 'cost_options.csv' },
  { schema: 'program', file: 'programs.csv' },
  { schema: 'required_document', file: 'required_documents.csv' },
  { schema: 'metadata', file: 'metadata.csv' },
  { schema: 'meta_table_description', file: 'meta_table_descriptions.csv' },
];

export type Row = Record<string, unknown>;
export type Tables = Map<string, Row[]>;

/** The columns of a table: the schema's properties that are not arrays or nested objects. */
export function columnsOf(schema: HsdsObjectSchema): string[] {
  return Object.entries(schema.properties)
    .filter(([, p]) => p.$ref === undefined && p.type !== 'array' && p.type !== 'object')
    .map(([name]) => name);
}

/** A dataset flattened into its tables (every row once, in dataset order). */
export function toTables(dataset: HsdsDataset): Tables {
  const tables: Tables = new Map(TABLES.map((t) => [t.file, []]));
  const seen = new Set<string>();
  const push = (file: string, row: object) => {
    const r = row as Row;
    const key = `${file}/${String(r['id'])}`;
    if (seen.has(key)) return;
    seen.add(key);
    (tables.get(file) as Row[]).push(r);
  };
  const attributes = (list: ReadonlyArray<object> | undefined) => list?.forEach((a) => push('attributes.csv', a));
  const location = (l: HsdsLocation) => {
    push('locations.csv', l);
    attributes(l.attributes);
  };
  for (const org of dataset.organizations) {
    push('organizations.csv', org);
    org.organization_identifiers?.forEach((i) => push('organization_identifiers.csv', i));
    org.locations?.forEach(location);
    attributes(org.attributes);
  }
  for (const s of dataset.services) {
    push('services.csv', s);
    s.phones?.forEach((p) => push('phones.csv', p));
    s.contacts?.forEach((c) => push('contacts.csv', c));
    s.schedules?.forEach((x) => push('schedules.csv', x));
    s.service_areas?.forEach((a) => push('service_areas.csv', a));
    for (const sal of s.service_at_locations ?? []) {
      push('service_at_location.csv', sal);
      if (sal.location) location(sal.location);
    }
    attributes(s.attributes);
    for (const c of s.capacities ?? []) {
      push('service_capacity.csv', c);
      push('units.csv', c.unit);
    }
  }
  dataset.taxonomies.forEach((t) => push('taxonomies.csv', t));
  dataset.taxonomyTerms.forEach((t) => push('taxonomy_terms.csv', t));
  return tables;
}

/** RFC 4180 CSV of the rows under the given columns (UTF-8, CRLF, quoted where needed). */
export function toCsv(rows: readonly Row[], columns: readonly string[]): string {
  const cell = (v: unknown) => {
    if (v === undefined || v === null) return '';
    const s = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n';
}

/** The Frictionless tabular datapackage descriptor of the tables written. */
export function datapackage(validator: HsdsValidator, files: readonly string[]): object {
  return {
    profile: 'tabular-data-package',
    name: 'huzhu-hsds',
    title: '互助网络服务目录 (Huzhu directory), HSDS 3.0',
    licenses: [{ name: 'CC-BY-SA-4.0', path: 'https://creativecommons.org/licenses/by-sa/4.0/', title: 'HSDS schemas: Open Referral, CC BY-SA 4.0' }],
    resources: TABLES.filter((t) => files.includes(t.file)).map((t) => {
      const schema = validator.schemaOf(t.schema);
      return {
        name: t.file.replace(/\.csv$/, ''),
        path: t.file,
        profile: 'tabular-data-resource',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        schema: { fields: columnsOf(schema).map((name) => ({ name, type: fieldType(schema.properties[name] ?? {}) })) },
      };
    }),
  };
}

/**
 * Tables → records: each row typed by its schema (numbers from CSV text; an
 * empty cell is an absent field), checked against the schema of its object and
 * its `tabular_required` columns, then nested under its parent. A bad row makes
 * its parent organisation or service fail with it (nothing of it is written).
 * `sourceOf(file, i)` labels a row in report lines.
 */
export function readTables(tables: ReadonlyMap<string, readonly Row[]>, validator: HsdsValidator, sourceOf: (file: string, index: number) => string): HsdsRecordSet {
  const set = emptyRecordSet();
  const typed = new Map<string, Array<{ row: Row; source: string; ok: boolean }>>();
  for (const { schema, file } of [...TABLES, ...READ_ONLY_TABLES]) {
    const rows = tables.get(file);
    if (!rows) continue;
    const objectSchema = validator.schemaOf(schema);
    typed.set(
      file,
      rows.map((raw, i) => {
        const row = typeRow(raw, objectSchema);
        const source = sourceOf(file, i);
        const problems = [
          ...validator.validate(schema, schema === 'service_capacity' ? { unit: { id: row['unit_id'], name: 'unit' }, ...row } : row),
          ...(objectSchema.tabular_required ?? []).filter((c) => row[c] === undefined).map((c) => ({ path: `/${c}`, reason: 'is required in the tabular form' })),
        ];
        if (problems.length > 0) set.unreadable.push(...problems.map((p) => ({ source, reason: `${p.path || '/'} ${p.reason}` })));
        return { row, source, ok: problems.length === 0 };
      }),
    );
  }
  for (const file of tables.keys()) {
    if (![...TABLES, ...READ_ONLY_TABLES].some((t) => t.file === file)) set.notes.push({ source: file, note: 'not an HSDS 3.0 table: left aside' });
  }
  const rowsOf = (file: string) => typed.get(file) ?? [];
  const byParent = (file: string, column: string) => {
    const map = new Map<string, Array<{ row: Row; source: string; ok: boolean }>>();
    for (const r of rowsOf(file)) {
      const key = r.row[column];
      if (typeof key === 'string') map.set(key, [...(map.get(key) ?? []), r]);
    }
    return map;
  };
  const terms = new Map(rowsOf('taxonomy_terms.csv').map((r) => [r.row['id'], r.row]));
  const attributesByLink = byParent('attributes.csv', 'link_id');
  const attributesOf = (id: unknown, failed: string[]) =>
    (attributesByLink.get(String(id)) ?? []).map((a) => {
      if (!a.ok) failed.push(a.source);
      const term = terms.get(a.row['taxonomy_term_id']);
      return term ? { ...a.row, taxonomy_term: term } : a.row;
    });
  const locations = new Map(rowsOf('locations.csv').map((r) => [r.row['id'], r]));
  const locationOf = (id: unknown, failed: string[]) => {
    const l = locations.get(id);
    if (!l) return undefined;
    if (!l.ok) failed.push(l.source);
    const attributes = attributesOf(l.row['id'], failed);
    return { ...l.row, ...(attributes.length > 0 ? { attributes } : {}) } as unknown as HsdsLocation;
  };
  const children = (file: string, column: string) => {
    const map = byParent(file, column);
    return (id: unknown, failed: string[]) =>
      (map.get(String(id)) ?? []).map((r) => {
        if (!r.ok) failed.push(r.source);
        return r.row;
      });
  };
  const identifiersOf = children('organization_identifiers.csv', 'organization_id');
  const orgLocations = byParent('locations.csv', 'organization_id');
  // A service's location names its organisation too; it belongs to the service_at_location, not to the organisation.
  const salLocations = new Set(rowsOf('service_at_location.csv').map((r) => r.row['location_id']));
  for (const o of rowsOf('organizations.csv')) {
    const failed: string[] = [];
    const record: Row = { ...o.row };
    const identifiers = identifiersOf(o.row['id'], failed);
    const locs = (orgLocations.get(String(o.row['id'])) ?? []).filter((l) => !salLocations.has(l.row['id'])).map((l) => locationOf(l.row['id'], failed));
    const attributes = attributesOf(o.row['id'], failed);
    if (identifiers.length > 0) record['organization_identifiers'] = identifiers;
    if (locs.length > 0) record['locations'] = locs;
    if (attributes.length > 0) record['attributes'] = attributes;
    if (o.ok) push(set.organizations, 'organization', record, o.source, failed);
  }
  const phonesOf = children('phones.csv', 'service_id');
  const contactsOf = children('contacts.csv', 'service_id');
  const schedulesOf = children('schedules.csv', 'service_id');
  const areasOf = children('service_areas.csv', 'service_id');
  const salsOf = children('service_at_location.csv', 'service_id');
  const capacitiesOf = children('service_capacity.csv', 'service_id');
  const units = new Map(rowsOf('units.csv').map((r) => [r.row['id'], r]));
  for (const s of rowsOf('services.csv')) {
    const failed: string[] = [];
    const id = s.row['id'];
    const record: Row = { ...s.row };
    const lists: Array<[string, Row[]]> = [
      ['phones', phonesOf(id, failed)],
      ['contacts', contactsOf(id, failed)],
      ['schedules', schedulesOf(id, failed)],
      ['service_areas', areasOf(id, failed)],
      ['service_at_locations', salsOf(id, failed).map((sal) => ({ ...sal, ...(locationOf(sal['location_id'], failed) ? { location: locationOf(sal['location_id'], []) } : {}) }))],
      ['attributes', attributesOf(id, failed)],
      [
        'capacities',
        capacitiesOf(id, failed).map((c) => {
          const unit = units.get(c['unit_id']);
          if (unit && !unit.ok) failed.push(unit.source);
          return { ...c, unit: unit ? unit.row : { id: c['unit_id'], name: '' } };
        }),
      ],
    ];
    for (const [key, list] of lists) if (list.length > 0) record[key] = list;
    if (s.ok) push(set.services, 'service', record, s.source, failed);
  }
  for (const [file, schema] of [['taxonomies.csv', 'taxonomy'], ['taxonomy_terms.csv', 'taxonomy_term']] as const) {
    for (const r of rowsOf(file)) if (r.ok) set.others.push({ schema, record: r.row, source: r.source, problems: [] });
  }
  return set;
}

// Private:

function push(list: SourcedRecord[], schema: HsdsSchemaName, record: Row, source: string, failedRows: string[]): void {
  list.push({ schema, record, source, problems: [...new Set(failedRows)].map((row) => ({ path: '', reason: `a row it depends on failed: ${row}` })) });
}

function typeRow(raw: Row, schema: HsdsObjectSchema): Row {
  const row: Row = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined || value === null || value === '') continue;
    const type = schema.properties[key]?.type;
    if (typeof value === 'string' && (type === 'number' || type === 'integer')) {
      const n = Number(value);
      row[key] = value.trim() !== '' && Number.isFinite(n) ? n : value;
    } else if ((typeof value === 'number' || typeof value === 'boolean') && type === 'string') {
      // The tabular form is text: a JSON rendering of a CSV may write a code such as 1234567 as a number.
      row[key] = String(value);
    } else if (typeof value === 'string' && type === 'boolean') {
      row[key] = value === 'true' ? true : value === 'false' ? false : value;
    } else {
      row[key] = value;
    }
  }
  return row;
}

function fieldType(p: { type?: string; format?: string }): string {
  if (p.type === 'number' || p.type === 'integer' || p.type === 'boolean') return p.type;
  if (p.format === 'date-time') return 'datetime';
  if (p.format === 'date') return 'date';
  return 'string';
}
