import neo4j, { type Driver } from 'neo4j-driver';
import { loadConfig } from '../../src/config/config';
import { Neo4jStore } from '../../src/store/neo4j/Neo4jStore';
import { recordNeed, registerHousehold } from '../../src/services/households';
import type { ServiceContext } from '../../src/services/ServiceContext';
import { aCategory, aTownship, aVillage } from '../support/builders';
import { describeNeo4j } from '../support/describeNeo4j';

/**
 * Issue 13 item 3, on a real Neo4j: coordinators writing to different
 * households do not write one shared node. Ten writers, each registering 20
 * households in its own village and recording a need for each (with
 * idempotency keys, as the console sends them), run at once; afterwards
 * nothing is lost, the network version has not moved, and every node the
 * writers did not create is as it was except each writer's own village, whose
 * household counters moved by exactly its own households. (Households of one
 * village do share that village: its counters, like its LIVES_IN edges, take
 * the village's lock for the instant of the write.)
 *
 * Synthetic data only.
 */
const config = loadConfig();
const WRITERS = 10;
const PER_WRITER = 20;

describeNeo4j('concurrent writers on distinct households (Neo4j)', (uri) => {
  let store: Neo4jStore;
  let driver: Driver;

  beforeAll(async () => {
    store = new Neo4jStore({
      uri,
      user: config.NEO4J_USER,
      ...(config.NEO4J_PASSWORD ? { password: config.NEO4J_PASSWORD } : {}),
      database: config.NEO4J_DATABASE,
      timeoutMs: 20_000,
    });
    await store.init();
    driver = neo4j.driver(uri, config.NEO4J_PASSWORD ? neo4j.auth.basic(config.NEO4J_USER, config.NEO4J_PASSWORD) : undefined);
  });
  afterAll(async () => {
    await store.close();
    await driver.close();
  });

  /** Every node the writers may not create, by elementId: labels and properties. */
  async function sharedNodes(): Promise<Map<string, { labels: string[]; props: Record<string, unknown> }>> {
    const result = await driver.executeQuery(
      'MATCH (n) WHERE NOT (n:Household OR n:Need OR n:IdempotencyKey OR n:AuditEvent) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props',
      {},
      { database: config.NEO4J_DATABASE },
    );
    return new Map(
      result.records.map((r) => [r.get('id') as string, { labels: (r.get('labels') as string[]).sort(), props: plain(r.get('props') as Record<string, unknown>) }]),
    );
  }

  async function count(cypher: string, params: Record<string, unknown> = {}): Promise<number> {
    const result = await driver.executeQuery(cypher, params, { database: config.NEO4J_DATABASE });
    return Number(result.records[0]?.get('n'));
  }

  it(`${WRITERS} writers × ${PER_WRITER} registerHousehold + recordNeed: nothing lost, no shared node written`, async () => {
    await store.deleteAllForTests();
    const township = aTownship();
    await store.create('Township', township);
    const villages = Array.from({ length: WRITERS }, () => aVillage({ townshipId: township.id }));
    await store.upsertMany('Village', villages);
    await store.upsertCategories([aCategory()]);

    const versionBefore = await store.version();
    const before = await sharedNodes();
    const ctx: ServiceContext = { store, now: () => new Date() };

    await Promise.all(
      villages.map(async (village, writer) => {
        for (let i = 0; i < PER_WRITER; i += 1) {
          const household = await registerHousehold(ctx, {
            villageId: village.id,
            size: 2,
            markers: i % 2 === 0 ? ['DIBAO'] : [],
            head: { name: `并发户主${writer}-${i}(synthetic)` },
            idempotencyKey: `concurrent-writers:${writer}:${i}:household`,
          });
          await recordNeed(ctx, { householdId: household.id, category: 'MEDICAL', urgency: 'MEDIUM', idempotencyKey: `concurrent-writers:${writer}:${i}:need` });
        }
      }),
    );

    // Nothing lost.
    expect(await count('MATCH (h:Household) RETURN count(h) AS n')).toBe(WRITERS * PER_WRITER);
    expect(await count('MATCH (:Need)-[:OF_HOUSEHOLD]->(:Household) RETURN count(*) AS n')).toBe(WRITERS * PER_WRITER);
    const counters = await store.networkCounters();
    for (const village of villages) {
      expect(counters.villages.find((v) => v.villageId === village.id)).toEqual({ villageId: village.id, households: PER_WRITER, vulnerable: PER_WRITER / 2 });
    }

    // No shared node written: the network version stands, and every other node is unchanged but each village's own counters.
    expect(await store.version()).toBe(versionBefore);
    expect(counters.version).toBe(versionBefore);
    const after = await sharedNodes();
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    const villageIds = new Set(villages.map((v) => v.id));
    for (const [id, node] of after) {
      const was = before.get(id);
      if (node.labels.includes('Village') && villageIds.has(String(node.props['id']))) {
        expect(without(node.props, COUNTERS)).toEqual(without(was?.props ?? {}, COUNTERS));
        expect(was?.props['householdCount']).toBe(0);
        expect(node.props['householdCount']).toBe(PER_WRITER);
      } else {
        expect(node).toEqual(was);
      }
    }
  }, 120_000);
});

const COUNTERS = ['householdCount', 'vulnerableHouseholdCount'];

function without(props: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([k]) => !keys.includes(k)));
}

/** Neo4j integers and points as plain values, so snapshots compare with toEqual. */
function plain(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, neo4j.isInt(v) ? v.toNumber() : v instanceof neo4j.types.Point ? `${v.x},${v.y}` : v]));
}
