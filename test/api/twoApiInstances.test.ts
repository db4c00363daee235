import { loadConfig } from '../../src/config/config';
import { Neo4jStore } from '../../src/store/neo4j/Neo4jStore';
import { smallNetwork, storeNetwork, type SmallNetwork } from '../support/builders';
import { describeNeo4j } from '../support/describeNeo4j';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * Issue 13 item 2, "safe with several API processes": two API instances, each
 * with its own Neo4jStore (its own driver) and so its own network-view cache,
 * over one Neo4j. Each instance has read (and cached) the network before the
 * other writes; the next read through it must show the write:
 * - a stakeholder write (linkStakeholders) through one: the other's network
 *   metrics count the new link (the projection is re-read at the new network version);
 * - a household write (registerHousehold) through one: the other's coverage
 *   counts the household (the village counters are read fresh per request).
 *
 * Synthetic data only.
 */
const config = loadConfig();

const METRICS = '{ networkMetrics(top: 1) { nodes links } }';
const COVERAGE = '{ coverage { networkVersion summary { householdsTotal } } }';
const LINK = 'mutation($f: ID!, $t: ID!) { linkStakeholders(input: { fromId: $f, toId: $t, type: KNOWS, status: ESTABLISHED }) { id } }';
const REGISTER = 'mutation($v: ID!) { registerHousehold(input: { villageId: $v, size: 2, head: { name: "双实例户主(synthetic)" } }) { id } }';

interface Metrics {
  networkMetrics: { nodes: number; links: number };
}
interface Coverage {
  coverage: { networkVersion: number; summary: { householdsTotal: number } };
}

describeNeo4j('two API instances over one Neo4j', (uri) => {
  const options = {
    uri,
    user: config.NEO4J_USER,
    ...(config.NEO4J_PASSWORD ? { password: config.NEO4J_PASSWORD } : {}),
    database: config.NEO4J_DATABASE,
    timeoutMs: 20_000,
  };
  let storeA: Neo4jStore;
  let storeB: Neo4jStore;
  let a: TestServer;
  let b: TestServer;
  let admin: string;
  let net: SmallNetwork;

  beforeAll(async () => {
    storeA = new Neo4jStore(options);
    storeB = new Neo4jStore(options);
    await storeA.init();
    await storeB.init();
    await storeA.deleteAllForTests();
    net = smallNetwork();
    await storeNetwork(storeA, net);
    a = await startTestServer(storeA);
    b = await startTestServer(storeB);
    admin = await a.token({ sub: 'test-admin', role: 'ADMIN' });
  }, 60_000);
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await storeA?.close();
    await storeB?.close();
  });

  async function metricsVia(server: TestServer): Promise<Metrics['networkMetrics']> {
    const res = await server.gql<Metrics>(METRICS, {}, admin);
    expect(res.errors).toBeUndefined();
    return res.data!.networkMetrics;
  }
  async function coverageVia(server: TestServer): Promise<Coverage['coverage']> {
    const res = await server.gql<Coverage>(COVERAGE, {}, admin);
    expect(res.errors).toBeUndefined();
    return res.data!.coverage;
  }

  it('a stakeholder write through one instance is in the next network read through the other', async () => {
    const before = await metricsVia(b); // b has built and cached its view
    expect(await metricsVia(a)).toEqual(before);
    const res = await a.gql(LINK, { f: net.people[2].id, t: net.people[4].id }, admin);
    expect(res.errors).toBeUndefined();
    expect(await metricsVia(b)).toEqual({ nodes: before.nodes, links: before.links + 1 });
  });

  it('a household write through one instance changes the coverage counts read through the other, without a new network version', async () => {
    const before = await coverageVia(b);
    expect(before.summary.householdsTotal).toBe(net.households.length);
    const res = await a.gql(REGISTER, { v: net.villages[0].id }, admin);
    expect(res.errors).toBeUndefined();
    const after = await coverageVia(b);
    expect(after.summary.householdsTotal).toBe(before.summary.householdsTotal + 1);
    expect(after.networkVersion).toBe(before.networkVersion);
  });
});
