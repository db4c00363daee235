import neo4j, { type Driver } from 'neo4j-driver';
import { loadConfig } from '../../src/config/config';
import { ENTITY_KINDS, type EntityKind } from '../../src/domain/ids';
import { MAX_BULK_PAGE } from '../../src/store/GraphStore';
import { Neo4jStore } from '../../src/store/neo4j/Neo4jStore';
import { SCHEMA_VERSION } from '../../src/store/neo4j/schemaUpgrade';
import { aReferralFor, aRelationship, smallNetwork, storeNetwork } from '../support/builders';
import { describeNeo4j } from '../support/describeNeo4j';
import { LAYOUT_1_STATEMENTS } from '../support/neo4jLayout1';
import { neo4jTestStoreOptions } from '../support/neo4jTestStore';

/**
 * Issue 13 item 4, upgrading: a database in the layout the previous version
 * wrote (stakeholder relationships as [:LINK {type}], person assignments as
 * [:SERVES]/[:MEMBER_OF], no schema marker; test/support/neo4jLayout1.ts) is
 * rewritten at the next init() into typed relationships, in batches, and every
 * record reads back through the port exactly as before; a second init() moves
 * nothing. Synthetic data only.
 */
const config = loadConfig();

describeNeo4j('Neo4j layout upgrade at start-up (typed relationships)', (uri) => {
  const options = { ...neo4jTestStoreOptions(uri), schemaUpgradeBatchSize: 2 };
  let driver: Driver;
  const run = async (query: string, params: Record<string, unknown> = {}) =>
    (await driver.executeQuery(query, params, { database: config.NEO4J_DATABASE })).records.map((r) => r.toObject());
  const count = async (query: string, params: Record<string, unknown> = {}) => Number((await run(query, params))[0]?.['n'] ?? -1);

  beforeAll(() => {
    driver = neo4j.driver(uri, config.NEO4J_PASSWORD ? neo4j.auth.basic(config.NEO4J_USER, config.NEO4J_PASSWORD) : undefined);
  });
  afterAll(async () => {
    await driver.close();
  });

  /** Every record of every kind, through the port. */
  async function everyRecord(store: Neo4jStore): Promise<Record<EntityKind, unknown[]>> {
    const all = {} as Record<EntityKind, unknown[]>;
    for (const kind of ENTITY_KINDS) all[kind] = (await store.list(kind, {}, { first: MAX_BULK_PAGE })).items;
    return all;
  }

  it('rewrites [:LINK] into typed relationships, renames person edges, loses nothing, and is idempotent', async () => {
    const writer = new Neo4jStore(options);
    await writer.init();
    await writer.deleteAllForTests();
    const net = smallNetwork();
    await storeNetwork(writer, net);
    const [, , socialWorker] = net.people;
    const [station] = net.organizations;
    // A MEMBER_OF relationship beside the social worker's own organisation edge, like the SERVES one beside the
    // development officer's village (smallNetwork): the two kinds of edge must stay apart through the upgrade.
    const memberOf = aRelationship({ fromId: socialWorker.id, toId: station.id, type: 'MEMBER_OF', status: 'ESTABLISHED' });
    await writer.create('Relationship', memberOf);
    await writer.createReferral(aReferralFor(net.needs[0], net.services[1]));
    const before = await everyRecord(writer);
    const countersBefore = await writer.networkCounters();
    await writer.close();
    expect(before.Relationship).toHaveLength(net.relationships.length + 1);

    // Today's layout (the code before this change).
    for (const statement of LAYOUT_1_STATEMENTS) await run(statement);
    const relationships = before.Relationship.length;
    expect(await count('MATCH ()-[r:LINK]->() RETURN count(r) AS n')).toBe(relationships);
    const personEdges = await count('MATCH (:Person)-[r:SERVES|MEMBER_OF]->() WHERE r.id IS NULL RETURN count(r) AS n');
    expect(personEdges).toBeGreaterThan(0);
    expect(await count('MATCH (s:HuzhuSchema) RETURN count(s) AS n')).toBe(0);

    const upgraded = new Neo4jStore(options);
    try {
      await upgraded.init();
      expect(upgraded.lastSchemaUpgrade).toMatchObject({ fromVersion: 1, toVersion: SCHEMA_VERSION, relationships, personEdges, services: net.services.length, unknownLinks: 0 });
      // Batches of 2: more than one transaction per step, and a last short one.
      expect(upgraded.lastSchemaUpgrade?.batches).toBeGreaterThanOrEqual(Math.ceil(relationships / 2) + Math.ceil(personEdges / 2));

      expect(await everyRecord(upgraded)).toEqual(before);
      expect(await upgraded.networkCounters()).toEqual(countersBefore);
      for (const rel of net.relationships) expect(await upgraded.findRelationship(rel.fromId, rel.toId, rel.type)).toEqual(rel);
      expect(await upgraded.list('Relationship', { nodeId: socialWorker.id, type: 'MEMBER_OF' }, { first: 10 })).toMatchObject({ items: [memberOf], totalCount: 1 });

      expect(await count('MATCH ()-[r:LINK]->() RETURN count(r) AS n')).toBe(0);
      expect(await count('MATCH ()-[r]->() WHERE r.id IS NOT NULL AND r.type IS NOT NULL RETURN count(r) AS n')).toBe(0);
      expect(await count('MATCH (:Person)-[r:SERVES|MEMBER_OF]->() WHERE r.id IS NULL RETURN count(r) AS n')).toBe(0);
      expect(await count('MATCH (:Person)-[r:ASSIGNED_TO|WORKS_FOR]->() RETURN count(r) AS n')).toBe(personEdges);
      // The service areas as plain properties, from areaJson (the bureau's service serves townships[1]).
      expect(await run('MATCH (s:Service {id: $id}) RETURN s.areaKind AS kind, s.areaTownshipIds AS townships', { id: net.services[1].id })).toEqual([
        { kind: 'TOWNSHIPS', townships: [net.townships[1].id] },
      ]);
      expect(await count("MATCH (s:HuzhuSchema {name: 'graph'}) RETURN s.version AS n")).toBe(SCHEMA_VERSION);
      const constraints = (await run('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names'))[0]?.['names'] as string[];
      expect(constraints).toEqual(expect.arrayContaining(['rel_knows_id', 'rel_member_of_ends', 'huzhu_schema_name']));
      expect(constraints).not.toContain('link_id');
      // The per-type constraints hold on the upgraded data: a second MEMBER_OF between the same two is refused.
      await expect(upgraded.create('Relationship', { ...memberOf, id: aRelationship().id })).rejects.toMatchObject({ code: 'CONFLICT' });

      await upgraded.init();
      expect(upgraded.lastSchemaUpgrade).toMatchObject({ fromVersion: SCHEMA_VERSION, toVersion: SCHEMA_VERSION, relationships: 0, personEdges: 0, services: 0, batches: 0 });
      expect(await everyRecord(upgraded)).toEqual(before);
    } finally {
      await upgraded.close();
    }
  }, 120_000);

  it('version 2 → current: draws the reference edges a children-first write left out (3) and gives borrowers loanOfficerId (4), so place and officer filters read them', async () => {
    const store = new Neo4jStore(options);
    try {
      await store.init();
      await store.deleteAllForTests();
      const net = smallNetwork();
      await storeNetwork(store, net);
      const township = net.townships[0].id;
      const village = net.villages[0].id;
      const officer = net.households.find((h) => h.loan)?.loan?.creditOfficerId as string;
      const ids = async (kind: 'Household' | 'Need', filter: Record<string, string>) =>
        (await store.list(kind, filter, { first: MAX_BULK_PAGE })).items.map((r) => r.id);
      const expected = {
        byTownship: await ids('Household', { townshipId: township }),
        byVillage: await ids('Household', { villageId: village }),
        borrowers: await ids('Household', { creditOfficerId: officer }),
        needs: await ids('Need', { townshipId: township }),
      };
      expect(expected.byTownship.length).toBeGreaterThan(0);
      expect(expected.borrowers.length).toBeGreaterThan(0);
      expect(expected.needs.length).toBeGreaterThan(0);
      // What version 2's upsertMany left when children came before their parents: no edge to a later target.
      await run('MATCH (:Household)-[r:LIVES_IN|BORROWS_FROM]->() DELETE r');
      await run('MATCH (:Need)-[r:OF_HOUSEHOLD]->() DELETE r');
      await run('MATCH (:Village)-[r:IN_TOWNSHIP]->() DELETE r');
      // Version 2 kept the loan's officer only inside loanJson.
      await run('MATCH (h:Household) REMOVE h.loanOfficerId');
      await run("MERGE (s:HuzhuSchema {name: 'graph'}) SET s.version = 2");
      expect(await ids('Household', { townshipId: township })).toEqual([]);

      await store.init();
      expect(store.lastSchemaUpgrade).toMatchObject({ fromVersion: 2, toVersion: SCHEMA_VERSION, relationships: 0, personEdges: 0 });
      expect(store.lastSchemaUpgrade?.edgeTargets).toBeGreaterThanOrEqual(net.villages.length + net.households.length);
      expect(store.lastSchemaUpgrade?.loanOfficers).toBe(net.households.filter((h) => h.loan).length);
      expect(await count('MATCH (h:Household) WHERE h.loanJson IS NOT NULL AND h.loanOfficerId IS NULL RETURN count(h) AS n')).toBe(0);
      expect(await ids('Household', { townshipId: township })).toEqual(expected.byTownship);
      expect(await ids('Household', { villageId: village })).toEqual(expected.byVillage);
      expect(await ids('Household', { creditOfficerId: officer })).toEqual(expected.borrowers);
      expect(await ids('Need', { townshipId: township })).toEqual(expected.needs);
      // MERGE: no edge twice (one LIVES_IN per household).
      expect(await count('MATCH (h:Household)-[r:LIVES_IN]->() WITH h, count(r) AS c WHERE c > 1 RETURN count(h) AS n')).toBe(0);
    } finally {
      await store.close();
    }
  }, 120_000);

  it('place filters that start from an anchor count each household once, even beside a second LIVES_IN edge', async () => {
    const store = new Neo4jStore(options);
    try {
      await store.init();
      await store.deleteAllForTests();
      const net = smallNetwork();
      await storeNetwork(store, net);
      const household = net.households[0];
      const village = net.villages.find((v) => v.id === household.villageId)!;
      const before = await store.list('Household', { townshipId: village.townshipId }, { first: MAX_BULK_PAGE });
      // An edge drawn twice (two concurrent upserts of one household could leave one).
      await run('MATCH (h:Household {id: $id})-[:LIVES_IN]->(v:Village) CREATE (h)-[:LIVES_IN]->(v)', { id: household.id });
      expect(await count('MATCH (:Household {id: $id})-[r:LIVES_IN]->() RETURN count(r) AS n', { id: household.id })).toBe(2);
      const after = await store.list('Household', { townshipId: village.townshipId }, { first: MAX_BULK_PAGE });
      expect(after.items.map((h) => h.id)).toEqual(before.items.map((h) => h.id));
      expect(after.totalCount).toBe(before.totalCount);
    } finally {
      await store.close();
    }
  }, 120_000);
});
