import type { GraphStore } from '../store/GraphStore';
import { hsdsValidator } from './hsdsSchemas';
import { formatLine, importHsds, type ImportReport } from './importHsds';
import { loadDirectorySnapshot } from './loadDirectorySnapshot';
import { readHsdsSource } from './readHsdsSource';
import { toHsdsDataset } from './toHsds';
import { writeHsdsExport } from './writeHsdsExport';

/**
 * What `npm run hsds:export` and `npm run hsds:import` do, over a store the
 * caller opened, printing through `log` (the CLIs in src/cli are argument
 * parsing around these; tests call them directly on both stores).
 */
export async function runHsdsExport(
  store: GraphStore,
  options: { outDir: string; includeProspective: boolean; now?: Date; log: (line: string) => void },
): Promise<{ organizations: number; services: number; files: string[] }> {
  const started = Date.now();
  const snapshot = await loadDirectorySnapshot(store, options.now ?? new Date());
  const dataset = toHsdsDataset(snapshot, { includeProspective: options.includeProspective });
  const files = writeHsdsExport(dataset, options.outDir, hsdsValidator());
  options.log(
    `hsds:export: ${dataset.organizations.length} organizations, ${dataset.services.length} services, ${dataset.serviceAtLocations.length} service_at_locations, ` +
      `${dataset.taxonomyTerms.length} taxonomy terms → ${options.outDir}/json and ${options.outDir}/csv (${Date.now() - started} ms)` +
      (options.includeProspective ? '; prospective organisations and planned services included' : ''),
  );
  return { organizations: dataset.organizations.length, services: dataset.services.length, files };
}

export async function runHsdsImport(
  store: GraphStore,
  options: { path: string; dryRun: boolean; now?: () => Date; log: (line: string) => void },
): Promise<ImportReport> {
  const validator = hsdsValidator();
  const set = readHsdsSource(options.path, validator);
  const total = set.organizations.length + set.services.length;
  options.log(`hsds:import: ${options.path}: ${set.organizations.length} organizations and ${set.services.length} services to check${options.dryRun ? ' (dry run: nothing is written)' : ''}`);
  const every = Math.max(1, Math.ceil(total / 10));
  const report = await importHsds({ store, now: options.now ?? (() => new Date()) }, set, {
    dryRun: options.dryRun,
    validator,
    onProgress: (done, all) => {
      if (done % every === 0 || done === all) options.log(`hsds:import: ${done}/${all} records checked`);
    },
  });
  for (const line of report.lines) options.log(formatLine(line));
  const c = (x: ImportReport['organizations']) => `${x.created} ${options.dryRun ? 'to create' : 'created'}, ${x.updated} ${options.dryRun ? 'to update' : 'updated'}, ${x.unchanged} unchanged, ${x.failed} failed`;
  options.log(`hsds:import: organizations: ${c(report.organizations)}`);
  options.log(`hsds:import: services: ${c(report.services)}`);
  options.log(`hsds:import: other records (taxonomies, terms, locations, service_at_locations; validated, not stored on their own): ${report.otherRecords.valid} valid, ${report.otherRecords.failed} failed`);
  const errors = report.lines.filter((l) => l.level === 'error').length;
  options.log(errors === 0 ? 'hsds:import: done, no record refused' : `hsds:import: done, ${errors} problem(s) listed above; the records they name were not written`);
  return report;
}
