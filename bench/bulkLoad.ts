import neo4j, { type Driver } from 'neo4j-driver';
import type { EntityKind } from '../src/domain/ids';
import { ENTITY_SCHEMAS, type EntityMap } from '../src/domain/model';
import { generateSynthetic } from '../src/seed/generateSynthetic';
import { seedStore, type SeedCounts, type SeedTarget } from '../src/seed/seedStore';
import type { SyntheticWorld } from '../src/seed/syntheticWorld';
import { toProps } from '../src/store/neo4j/entityProps';

export interface SeedTiming {
  households: number;
  /** Wall time of the whole seedStore call (generation, validation, every kind, their edges). */
  totalMs: number;
  /** Time spent inside the store's bulk write (insertNew on a first load, else upsertMany), per kind. */
  upsertMs: Partial<Record<EntityKind, number>>;
  counts: SeedCounts;
  /** Which bulk write seedStore used: insertNew (first load into an empty store) or upsertMany; absent in older results. */
  path?: 'insertNew' | 'upsertMany';
}

/**
 * seedStore into `store`, timing each bulk write by kind. `path: 'upsertMany'` hides the store's insertNew
 * from seedStore (the path of a reseed, and of every seed before issue 13 item 5), to compare the two.
 */
export async function timedSeed(
  store: SeedTarget,
  options: { households: number; seed: number; world: SyntheticWorld; log: (line: string) => void; path?: 'insertNew' | 'upsertMany' },
): Promise<SeedTiming> {
  const upsertMs: Partial<Record<EntityKind, number>> = {};
  let path: SeedTiming['path'] = 'upsertMany';
  const timed = async <T>(kind: EntityKind, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    upsertMs[kind] = (upsertMs[kind] ?? 0) + performance.now() - started;
    return result;
  };
  const target: SeedTarget = {
    upsertCategories: (rows) => store.upsertCategories(rows),
    putSeedRun: (run) => store.putSeedRun(run),
    upsertMany: (kind, rows) => timed(kind, () => store.upsertMany(kind, rows)),
  };
  const { insertNew, getSeedRun, list } = store;
  if (options.path !== 'upsertMany' && insertNew && getSeedRun && list) {
    target.getSeedRun = getSeedRun.bind(store);
    target.list = list.bind(store);
    target.insertNew = (kind, rows, insertOptions) => {
      path = 'insertNew';
      return timed(kind, () => insertNew.call(store, kind, rows, insertOptions));
    };
  }
  const started = performance.now();
  const counts = await seedStore(target, {
    households: options.households,
    seed: options.seed,
    world: options.world,
    log: options.log,
    progressEvery: options.households >= 500_000 ? 100_000 : 50_000,
  });
  return { households: options.households, totalMs: performance.now() - started, upsertMs, counts, path };
}

/**
 * The floor: the same synthetic household rows (same seed, same properties as
 * the adapter writes them) in one plain UNWIND … CREATE per batch of 5,000,
 * with the LIVES_IN edge and, for a loan, the BORROWS_FROM edge, under a label
 * of its own. No MERGE, no validation, no version counter: the least work that
 * puts the same households and edges into Neo4j over the same driver.
 */
export const FLOOR_CYPHER = `UNWIND $rows AS r
CREATE (h:BenchHousehold) SET h = r.props
WITH h, r
MATCH (v:Village {id: r.villageId})
CREATE (h)-[:LIVES_IN]->(v)
WITH h, r
CALL (h, r) {
  MATCH (p:Person {id: r.creditOfficerId})
  CREATE (h)-[:BORROWS_FROM]->(p)
}
RETURN count(*) AS written`;

export const FLOOR_BATCH = 5_000;

export async function floorLoad(
  driver: Driver,
  options: { households: number; seed: number; world: SyntheticWorld; log: (line: string) => void },
): Promise<{ households: number; writeMs: number }> {
  let writeMs = 0;
  let written = 0;
  let nextReport = 100_000;
  for (const batch of generateSynthetic({ households: options.households, seed: options.seed, world: options.world, batchSize: FLOOR_BATCH })) {
    if (batch.kind !== 'Household') continue;
    const started = performance.now();
    const rows = batch.rows.map((h) => ({ props: toProps('Household', h), villageId: h.villageId, creditOfficerId: h.loan?.creditOfficerId ?? null }));
    const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.executeWrite((tx) => tx.run(FLOOR_CYPHER, { rows }));
    } finally {
      await session.close();
    }
    writeMs += performance.now() - started;
    written += batch.rows.length;
    if (written >= nextReport) {
      options.log(`floor: ${written.toLocaleString('en-US')}/${options.households.toLocaleString('en-US')} households (${Math.round((written * 1000) / writeMs).toLocaleString('en-US')}/s)`);
      nextReport += 100_000;
    }
  }
  return { households: written, writeMs };
}

/**
 * What this machine's Neo4j does with the least possible work: `nodes` bare
 * nodes holding one id each, no edges, no index, in transactions of 5,000.
 */
export async function nodeProbe(driver: Driver, nodes: number): Promise<{ nodes: number; writeMs: number }> {
  let writeMs = 0;
  for (let first = 1; first <= nodes; first += FLOOR_BATCH) {
    const last = Math.min(nodes, first + FLOOR_BATCH - 1);
    const started = performance.now();
    const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.executeWrite((tx) => tx.run('UNWIND range($first, $last) AS i CREATE (:BenchProbe {id: i})', { first: neo4j.int(first), last: neo4j.int(last) }));
    } finally {
      await session.close();
    }
    writeMs += performance.now() - started;
  }
  return { nodes, writeMs };
}

/**
 * The CPU ceilings of a seed in this process, with no database at all:
 * generating the synthetic rows (generateSynthetic), and validating the
 * household rows with the domain schema as upsertMany does (zod).
 */
export function seedCeilings(households: number, seed: number, world: SyntheticWorld): { households: number; generateMs: number; validateMs: number } {
  let started = performance.now();
  const rows: Array<EntityMap['Household']> = [];
  for (const batch of generateSynthetic({ households, seed, world })) {
    if (batch.kind === 'Household') rows.push(...batch.rows);
  }
  const generateMs = performance.now() - started;
  started = performance.now();
  for (const row of rows) ENTITY_SCHEMAS.Household.parse(row);
  return { households, generateMs, validateMs: performance.now() - started };
}
