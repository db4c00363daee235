import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HsdsValidator } from './hsdsSchemas';
import { TABLES, columnsOf, datapackage, toCsv, toTables } from './hsdsTabular';
import type { HsdsDataset } from './hsdsTypes';

/**
 * Write a dataset under `outDir`: json/ (organizations.json, services.json,
 * service_at_locations.json, taxonomies.json, taxonomy_terms.json: arrays of
 * full records, as the API's /{type}/{id} answers) and csv/ (the tabular
 * datapackage: one CSV per table and datapackage.json). Returns the files written.
 */
export function writeHsdsExport(dataset: HsdsDataset, outDir: string, validator: HsdsValidator): string[] {
  const written: string[] = [];
  const json = join(outDir, 'json');
  const csv = join(outDir, 'csv');
  mkdirSync(json, { recursive: true });
  mkdirSync(csv, { recursive: true });
  const files: Array<[string, unknown]> = [
    ['organizations.json', dataset.organizations],
    ['services.json', dataset.services],
    ['service_at_locations.json', dataset.serviceAtLocations],
    ['taxonomies.json', dataset.taxonomies],
    ['taxonomy_terms.json', dataset.taxonomyTerms],
  ];
  for (const [name, value] of files) {
    writeFileSync(join(json, name), `${JSON.stringify(value, null, 2)}\n`);
    written.push(join(json, name));
  }
  const tables = toTables(dataset);
  const names: string[] = [];
  for (const { schema, file } of TABLES) {
    const rows = tables.get(file) ?? [];
    writeFileSync(join(csv, file), toCsv(rows, columnsOf(validator.schemaOf(schema))));
    names.push(file);
    written.push(join(csv, file));
  }
  writeFileSync(join(csv, 'datapackage.json'), `${JSON.stringify(datapackage(validator, names), null, 2)}\n`);
  written.push(join(csv, 'datapackage.json'));
  return written;
}
