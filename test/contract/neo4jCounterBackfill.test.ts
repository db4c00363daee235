import neo4j, { type Driver } from 'neo4j-driver';
import { loadConfig } from '../../src/config/config';
import { Neo4jStore } from '../../src/store/neo4j/Neo4jStore';
import { aReferralFor, smallNetwork, storeNetwork } from '../support/builders';
import { describeNeo4j } from '../support/describeNeo4j';

/**
 * Issue 13 item 2, upgrading: a database written before the Village and
 * Service counters existed (simulated by removing them) gets them at the next
 * init(), computed once from its households and referrals; a second init()
 * computes nothing. Synthetic data only.
 */
const config = loadConfig();

describeNeo4j('Neo4j counters on an upgraded database', (uri) => {
  const options = {
    uri,
    user: config.NEO4J_USER,
    ...(config.NEO4J_PASSWORD ? { password: config.NEO4J_PASSWORD } : {}),
    database: config.NEO4J_DATABASE,
    timeoutMs: 20_000,
  };
  let driver: Driver;
  beforeAll(() => {
    driver = neo4j.driver(uri, config.NEO4J_PASSWORD ? neo4j.auth.basic(config.NEO4J_USER, config.NEO4J_PASSWORD) : undefined);
  });
  afterAll(async () => {
    await driver.close();
  });

  it('computes missing counters at init, the same as the writes kept them, and only once', async () => {
    const writer = new Neo4jStore(options);
    await writer.init();
    await writer.deleteAllForTests();
    const net = smallNetwork();
    await storeNetwork(writer, net);
    const { referral } = await writer.createReferral(aReferralFor(net.needs[0], net.services[1]));
    await writer.transitionReferral(referral.id, 'SENT', { status: 'DECLINED', at: '2025-01-02T00:00:00.000Z', actorId: net.people[2].id, reason: 'NO_CAPACITY', note: null }, 'OPEN');
    await writer.createReferral(aReferralFor(net.needs[1], net.services[1]));
    const kept = await writer.networkCounters();
    await writer.close();

    // Today's layout before this change: no counter properties.
    await driver.executeQuery(
      'MATCH (v:Village) REMOVE v.householdCount, v.vulnerableHouseholdCount WITH count(*) AS n ' +
        'MATCH (s:Service) REMOVE s.referralsSent, s.referralsAccepted, s.referralsResolved, s.referralsDeclined, s.referralsDeclinedNoCapacity',
      {},
      { database: config.NEO4J_DATABASE },
    );

    const upgraded = new Neo4jStore(options);
    try {
      await upgraded.init();
      expect(upgraded.lastCounterBackfill).toMatchObject({ villages: net.villages.length, services: net.services.length });
      expect(await upgraded.networkCounters()).toEqual(kept);
      expect(kept.services.find((s) => s.serviceId === net.services[1].id)?.trackRecord).toEqual({ sent: 2, accepted: 0, resolved: 0, declined: 0, declinedNoCapacity: 1 });
      await upgraded.init();
      expect(upgraded.lastCounterBackfill).toMatchObject({ villages: 0, services: 0 });
      expect(await upgraded.networkCounters()).toEqual(kept);
    } finally {
      await upgraded.close();
    }
  }, 60_000);
});
