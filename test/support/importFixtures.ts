import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditActor } from '../../src/services/audit';
import type { ImportScope } from '../../src/services/householdImport';

/** The household-import fixtures (synthetic; test/fixtures/import/makeImportFixtures.ts writes them). */
export function importFixture(name: 'households-gbk.csv' | 'households-template.xlsx' | 'households-bad-rows.csv'): Buffer {
  return readFileSync(join(__dirname, '../fixtures/import', name));
}

export const TEST_IMPORT_ACTOR: AuditActor = { actorId: 'test-importer', role: 'COORDINATOR', purpose: 'CASE_MANAGEMENT', correlationId: 'test-import' };

/** An importer who may write every village (or those `mayWrite` allows) and read every household. */
export function anImportScope(overrides: Partial<ImportScope> = {}): ImportScope {
  return { actor: TEST_IMPORT_ACTOR, mayWriteVillage: async () => true, mayReadHousehold: async () => true, ...overrides };
}

/** A CSV (UTF-8) from a header and rows. */
export function csvOf(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string>>): Buffer {
  return Buffer.from([header, ...rows].map((r) => r.join(',')).join('\n') + '\n', 'utf8');
}
