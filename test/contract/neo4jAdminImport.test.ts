/**
 * The neo4j-admin import route (issue 13 item 5): a seed written as CSV and imported into a new database
 * reads back through the port exactly as the same seed loaded by seedStore, and the adapter's init() on the
 * imported database finds the layout current (no upgrade). Runs against NEO4J_URI (the seedStore load) and a
 * second Neo4j the test starts on the imported data (bolt port NEO4J_ADMIN_IMPORT_PORT, default NEO4J_URI's
 * port + 10), so it needs the launcher built (tools/neo4j). All records are synthetic.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminImport } from '../../src/cli/neo4jAdminImport';
import { repoPath } from '../../src/repoPath';
import { seedStore } from '../../src/seed/seedStore';
import { loadSyntheticWorld } from '../../src/seed/syntheticWorld';
import { Neo4jStore } from '../../src/store/neo4j/Neo4jStore';
import { SCHEMA_VERSION } from '../../src/store/neo4j/schemaUpgrade';
import { describeNeo4j } from '../support/describeNeo4j';
import { neo4jTestStoreOptions } from '../support/neo4jTestStore';
import { dumpSeededStore } from '../support/storeDump';

const SEED = { households: 300, seed: 21 };

describeNeo4j('Neo4j admin import route', (uri) => {
  const port = Number(process.env['NEO4J_ADMIN_IMPORT_PORT'] ?? Number(new URL(uri.replace(/^bolt/, 'http')).port || 7687) + 10);
  const dataDir = join(tmpdir(), `huzhu-admin-import-${process.pid}`);
  const stop = () => spawnSync(process.execPath, [repoPath('tools/neo4j/stop.mjs')], { env: { ...process.env, NEO4J_DATA_DIR: dataDir }, encoding: 'utf8' });

  afterAll(() => {
    stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('imports a seed that reads back through the port as seedStore loads it', async () => {
    const seeded = new Neo4jStore(neo4jTestStoreOptions(uri));
    let expected: Record<string, unknown>;
    try {
      await seeded.init();
      await seeded.deleteAllForTests();
      await seedStore(seeded, { ...SEED, world: loadSyntheticWorld() });
      expected = await dumpSeededStore(seeded, { contexts: 50 });
    } finally {
      await seeded.close();
    }

    const report = await adminImport({ dataDir, ...SEED, port });
    expect(report.importMs).toBeGreaterThan(0);
    const imported = new Neo4jStore({ ...neo4jTestStoreOptions(`bolt://127.0.0.1:${port}`) });
    try {
      await imported.init();
      expect(imported.lastSchemaUpgrade).toMatchObject({ fromVersion: SCHEMA_VERSION, toVersion: SCHEMA_VERSION });
      expect(imported.lastCounterBackfill).toMatchObject({ villages: 0, services: 0 });
      expect(imported.lastSearchBackfill).toMatchObject({ records: 0 });
      const actual = await dumpSeededStore(imported, { contexts: 50 });
      expect((actual['records'] as Record<string, unknown[]>)['Household']).toHaveLength(SEED.households);
      expect(actual).toEqual(expected);
      expect(await imported.getSeedRun()).toMatchObject({ status: 'COMPLETE', households: SEED.households, seed: SEED.seed });
    } finally {
      await imported.close();
    }
  }, 600_000);
});
