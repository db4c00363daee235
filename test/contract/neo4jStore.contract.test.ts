import neo4j, { type Driver } from 'neo4j-driver';
import { loadConfig } from '../../src/config/config';
import type { Household } from '../../src/domain/model';
import { HuzhuError } from '../../src/errors/HuzhuError';
import type { GraphStore } from '../../src/store/GraphStore';
import { Neo4jStore } from '../../src/store/neo4j/Neo4jStore';
import { aHousehold, aNeed, aReferralFor, aService, smallNetwork, storeNetwork, type SmallNetwork } from '../support/builders';
import { describeNeo4j } from '../support/describeNeo4j';
import { asNeo4jStore as asNeo4jStoreOf, neo4jTestStoreOptions } from '../support/neo4jTestStore';
import { describeGraphStoreContract } from './graphStoreContract';

/**
 * The Neo4j tier: the shared GraphStore contract against a real Neo4j, then
 * what only a database shared by several API instances can show (concurrent
 * writers, edges in the graph, a database that is down).
 *
 * Runs when NEO4J_URI is set (`NEO4J_AUTH=none npm run neo4j:start`, then
 * NEO4J_URI=bolt://127.0.0.1:7687). Unset, jest counts its tests as skipped;
 * in CI (CI=true) an unset NEO4J_URI fails the run instead (describeNeo4j).
 */
const config = loadConfig();

describeNeo4j('the Neo4j adapter', (uri) => {
  const options = neo4jTestStoreOptions(uri);
  const asNeo4jStore = (store: GraphStore): Neo4jStore => asNeo4jStoreOf(store, 'neo4jStore.contract');
  const factory = {
    async create(): Promise<GraphStore> {
      const store = new Neo4jStore(options);
      await store.init();
      return store;
    },
    reset: (store: GraphStore) => asNeo4jStore(store).deleteAllForTests(),
    destroy: (store: GraphStore) => store.close(),
  };

  describeGraphStoreContract(`neo4j at ${uri}`, factory);

  describe(`Neo4jStore on a shared database (${uri})`, () => {
    let store: Neo4jStore;
    let driver: Driver;
    let net: SmallNetwork;

    /** A raw count, to see the graph itself rather than what the port shows of it. */
    async function count(cypher: string, params: Record<string, unknown> = {}): Promise<number> {
      const result = await driver.executeQuery(cypher, params, { database: config.NEO4J_DATABASE });
      const value: unknown = result.records[0]?.get('n');
      return neo4j.isInt(value) ? value.toNumber() : Number(value);
    }

    beforeAll(async () => {
      store = asNeo4jStore(await factory.create());
      driver = neo4j.driver(uri, config.NEO4J_PASSWORD ? neo4j.auth.basic(config.NEO4J_USER, config.NEO4J_PASSWORD) : undefined);
    });
    afterAll(async () => {
      await store.close();
      await driver.close();
    });
    beforeEach(async () => {
      await store.deleteAllForTests();
      net = smallNetwork();
      await storeNetwork(store, net);
    });

    describe('concurrent writers', () => {
      it('lets exactly one of 16 concurrent creates with the same householdCode win; the others name it', async () => {
        const code = 'HH-RACE-0001';
        const attempts = Array.from({ length: 16 }, () => aHousehold({ villageId: net.villages[0].id, householdCode: code }));
        const results = await Promise.allSettled(attempts.map((h) => store.create('Household', h)));

        const winners = results.filter((r): r is PromiseFulfilledResult<Household> => r.status === 'fulfilled');
        expect(winners).toHaveLength(1);
        const winnerId = winners[0]?.value.id;
        for (const r of results) {
          if (r.status === 'rejected') {
            expect(r.reason).toBeInstanceOf(HuzhuError);
            expect(r.reason).toMatchObject({ code: 'CONFLICT', details: { existingId: winnerId } });
          }
        }
        expect(await count('MATCH (h:Household {householdCode: $code}) RETURN count(h) AS n', { code })).toBe(1);
      });

      it('books the last unit of capacity once when 8 referrals race for it', async () => {
        const service = aService({ organizationId: net.organizations[1].id, capacity: 1 });
        await store.create('Service', service);
        const needs = Array.from({ length: 8 }, () => aNeed({ householdId: net.households[0].id }));
        await store.upsertMany('Need', needs);

        const results = await Promise.allSettled(needs.map((need) => store.createReferral(aReferralFor(need, service))));

        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const losers = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(losers.map((r) => (r.reason as HuzhuError).code)).toEqual(Array(7).fill('CAPACITY_EXHAUSTED'));
        const [stored] = await store.getMany('Service', [service.id]);
        expect(stored?.activeReferrals).toBe(1);
      });

      it('stores one referral when 8 requests with the same idempotency key race; all get it back', async () => {
        const target = net.services[1];
        const attempts = Array.from({ length: 8 }, () =>
          aReferralFor(net.needs[0], target, { idempotencyKey: 'race-key-1' }),
        );

        const results = await Promise.all(attempts.map((r) => store.createReferral(r)));

        expect(results.filter((r) => r.created)).toHaveLength(1);
        expect(new Set(results.map((r) => r.referral.id)).size).toBe(1);
        expect(await count('MATCH (r:Referral {idempotencyKey: $key}) RETURN count(r) AS n', { key: 'race-key-1' })).toBe(1);
        const [stored] = await store.getMany('Service', [target.id]);
        expect(stored?.activeReferrals).toBe(target.activeReferrals + 1);
      });

      it('lets one of two concurrent updates from the same version win', async () => {
        const current = net.households[2];
        const edits = ['A', 'B'].map((tag) => ({
          ...current,
          head: { ...current.head, name: `edited ${tag} (synthetic)` },
          version: current.version + 1,
        }));

        const results = await Promise.allSettled(edits.map((h) => store.update('Household', h, { expectedVersion: current.version })));

        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const loser = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(loser?.reason).toMatchObject({ code: 'CONFLICT' });
      });
    });

    describe('the graph', () => {
      it('draws every reference as an edge: household → village → township, need → household', async () => {
        const h = net.households[0];
        expect(
          await count(
            'MATCH (:Household {id: $h})-[:LIVES_IN]->(:Village {id: $v})-[:IN_TOWNSHIP]->(:Township {id: $t}) RETURN count(*) AS n',
            { h: h.id, v: h.villageId, t: net.villages[0].townshipId },
          ),
        ).toBe(1);
        expect(await count('MATCH (:Need)-[r:OF_HOUSEHOLD]->(:Household) RETURN count(r) AS n')).toBe(net.needs.length);
      });

      it('draws the loan as a BORROWS_FROM edge to the credit officer', async () => {
        const borrower = net.households[1];
        expect(
          await count('MATCH (:Household {id: $h})-[:BORROWS_FROM]->(:Person {id: $p}) RETURN count(*) AS n', {
            h: borrower.id,
            p: borrower.loan?.creditOfficerId,
          }),
        ).toBe(1);
      });

      it('stores a relationship as one edge of its own Neo4j type between its stakeholders, the type not a property', async () => {
        const rel = net.relationships[0];
        expect(
          await count('MATCH (:Stakeholder {id: $from})-[r {id: $id}]->(:Stakeholder {id: $to}) WHERE type(r) = $type AND r.type IS NULL RETURN count(r) AS n', {
            from: rel.fromId,
            to: rel.toId,
            id: rel.id,
            type: rel.type,
          }),
        ).toBe(1);
        expect(await count('MATCH ()-[r:LINK]->() RETURN count(r) AS n')).toBe(0);
      });

      it("draws a person's assignments as ASSIGNED_TO and WORKS_FOR, so SERVES and MEMBER_OF edges are only recorded relationships", async () => {
        const assigned = net.people.find((p) => p.villageIds.length > 0 && p.organizationId !== null) ?? net.people.find((p) => p.villageIds.length > 0);
        if (!assigned) throw new Error('smallNetwork has no person assigned to a village');
        expect(await count('MATCH (:Person {id: $p})-[:ASSIGNED_TO]->(:Village) RETURN count(*) AS n', { p: assigned.id })).toBe(new Set(assigned.villageIds).size);
        expect(await count('MATCH (:Person)-[r:SERVES|MEMBER_OF]->() WHERE r.id IS NULL RETURN count(r) AS n')).toBe(0);
      });

      it('moves a relationship to its new Neo4j type when an update changes its type', async () => {
        const rel = net.relationships[0];
        const retyped = { ...rel, type: rel.type === 'KNOWS' ? ('WORKS_WITH' as const) : ('KNOWS' as const) };
        await store.update('Relationship', retyped);
        expect(await count('MATCH ()-[r {id: $id}]->() RETURN count(r) AS n', { id: rel.id })).toBe(1);
        expect(await count('MATCH ()-[r {id: $id}]->() WHERE type(r) = $type RETURN count(r) AS n', { id: rel.id, type: retyped.type })).toBe(1);
        expect(await store.findRelationship(rel.fromId, rel.toId, retyped.type)).toEqual(retyped);
        expect(await store.findRelationship(rel.fromId, rel.toId, rel.type)).toBeNull();
        await store.update('Relationship', rel);
      });

      it('moves the LIVES_IN edge when a household moves village', async () => {
        const h = net.households[0];
        const moved = { ...h, villageId: net.villages[2].id, version: h.version + 1 };
        await store.update('Household', moved, { expectedVersion: h.version });

        expect(await count('MATCH (:Household {id: $h})-[r:LIVES_IN]->() RETURN count(r) AS n', { h: h.id })).toBe(1);
        expect(
          await count('MATCH (:Household {id: $h})-[:LIVES_IN]->(:Village {id: $v}) RETURN count(*) AS n', {
            h: h.id,
            v: net.villages[2].id,
          }),
        ).toBe(1);
      });

      it('seeding twice creates no node and no edge twice', async () => {
        const nodes = await count('MATCH (n) RETURN count(n) AS n');
        const edges = await count('MATCH ()-[r]->() RETURN count(r) AS n');

        await storeNetwork(store, net);

        expect(await count('MATCH (n) RETURN count(n) AS n')).toBe(nodes);
        expect(await count('MATCH ()-[r]->() RETURN count(r) AS n')).toBe(edges);
      });

      it('refuses a relationship whose end does not exist (its edge needs both ends)', async () => {
        const dangling = { ...net.relationships[0], id: 'rel_dangling1', toId: 'per_doesnotexist' };
        await expect(store.upsertMany('Relationship', [dangling])).rejects.toMatchObject({
          code: 'NOT_FOUND',
          path: [0, 'toId'],
        });
      });
    });

    describe('a database that is down', () => {
      it('fails a call with UNAVAILABLE within its timeout instead of hanging', async () => {
        // Port 1 on localhost: nothing listens, so every connection attempt is refused.
        const down = new Neo4jStore({ ...options, uri: 'bolt://127.0.0.1:1', timeoutMs: 1500 });
        const started = Date.now();
        try {
          await expect(down.ping()).rejects.toMatchObject({
            code: 'UNAVAILABLE',
            message: expect.stringMatching(/^the graph database is unavailable: /),
          });
          // Not a speed claim: it proves the call gives up near its timeout instead of hanging on the
          // driver's 30 s connection default; the slack absorbs a loaded CI machine.
          expect(Date.now() - started).toBeLessThan(1500 + 5000);
        } finally {
          await down.close();
        }
      });
    });
  });
});
