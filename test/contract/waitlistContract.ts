/**
 * Waiting lists in the GraphStore contract (issue 14 item 3), run against
 * every adapter (memoryWaitlist.contract.test.ts, neo4jWaitlist.contract.test.ts):
 * joins are idempotent, the order is urgency → vulnerability → time, a
 * released unit is offered to exactly one need, once, in the release's own
 * write, and concurrent joins, releases and claims keep the order and lose
 * nothing. Expected orders come from how each fixture is built, never from an
 * adapter's output. All records are synthetic.
 */
import { ACTION_LIMIT_HOURS } from '../../src/domain/referralLifecycle';
import type { Household, Need, Referral, Service, Urgency } from '../../src/domain/model';
import type { WaitlistEntry } from '../../src/domain/WaitlistEntry';
import { HuzhuError } from '../../src/errors/HuzhuError';
import type { GraphStore } from '../../src/store/GraphStore';
import { aHousehold, aNeed, anOrganization, aReferralFor, aService, aTownship, aVillage, aWaitlistEntry } from '../support/builders';
import type { GraphStoreFactory } from './graphStoreContract';

const T0 = Date.parse('2026-12-01T08:00:00.000Z');
const at = (minutes: number): string => new Date(T0 + minutes * 60_000).toISOString();

export function describeWaitlistContract(adapterName: string, factory: GraphStoreFactory): void {
  describe(`GraphStore waiting-list contract (${adapterName})`, () => {
    let store: GraphStore;
    let villageId: string;
    let organizationId: string;

    beforeAll(async () => {
      store = await factory.create();
    });
    afterAll(async () => {
      await factory.destroy(store);
    });
    beforeEach(async () => {
      await factory.reset(store);
      const township = aTownship();
      const village = aVillage({ townshipId: township.id });
      const organization = anOrganization({ townshipId: township.id });
      await store.upsertMany('Township', [township]);
      await store.upsertMany('Village', [village]);
      await store.upsertMany('Organization', [organization]);
      villageId = village.id;
      organizationId = organization.id;
    });

    /** A full service: `capacity` units, each held by a SENT referral of a need of its own (returned, to release later). */
    async function aFullService(capacity: number): Promise<{ service: Service; holders: Referral[] }> {
      const service = await store.create('Service', aService({ organizationId, capacity }));
      const holders: Referral[] = [];
      for (let i = 0; i < capacity; i++) {
        const { need } = await aFamilyWithNeed('LOW', 0);
        holders.push((await store.createReferral(aReferralFor(need, service, { createdAt: at(-60), updatedAt: at(-60) }))).referral);
      }
      return { service, holders };
    }

    /** A household whose stored vulnerabilityScore is `vulnerability`, with one OPEN need of `urgency`. */
    async function aFamilyWithNeed(urgency: Urgency, vulnerability: number): Promise<{ household: Household; need: Need }> {
      const household = aHousehold({ villageId, vulnerabilityScore: vulnerability });
      await store.upsertMany('Household', [household]);
      const need = aNeed({ householdId: household.id, urgency });
      await store.upsertMany('Need', [need]);
      return { household, need };
    }

    async function join(serviceId: string, family: { household: Household; need: Need }, joinedAt: string): Promise<{ entry: WaitlistEntry; created: boolean }> {
      return store.joinWaitlist(aWaitlistEntry(family.need, family.household, serviceId, { joinedAt }));
    }

    function release(referral: Referral, when: string): Promise<Referral> {
      return store.transitionReferral(referral.id, 'SENT', { status: 'CANCELLED', at: when, actorId: 'per_test', reason: 'DECLINED_BY_FAMILY', note: null }, 'OPEN');
    }

    async function codeOf(work: Promise<unknown>): Promise<string> {
      try {
        await work;
        return 'OK';
      } catch (error) {
        if (error instanceof HuzhuError) return error.code;
        throw error;
      }
    }

    it('joins a need once: a second join returns the first entry as stored and adds nothing', async () => {
      const { service } = await aFullService(1);
      const family = await aFamilyWithNeed('HIGH', 2);
      const first = await join(service.id, family, at(0));
      const again = await join(service.id, family, at(5));
      expect(first.created).toBe(true);
      expect(again).toEqual({ entry: first.entry, created: false });
      expect(await store.listWaitlist(service.id)).toEqual([first.entry]);
      expect(await store.waitlistEntriesOfNeeds([family.need.id])).toEqual([first.entry]);
    });

    it('refuses a join while the service has a free place, or for a need that is not OPEN', async () => {
      const service = await store.create('Service', aService({ organizationId, capacity: 1 }));
      const family = await aFamilyWithNeed('HIGH', 2);
      await expect(join(service.id, family, at(0))).rejects.toMatchObject({ code: 'CONFLICT', path: ['serviceId'] });
      const { service: full } = await aFullService(1);
      const closed = await aFamilyWithNeed('HIGH', 2);
      await store.update('Need', { ...closed.need, status: 'CLOSED' });
      await expect(join(full.id, closed, at(0))).rejects.toMatchObject({ code: 'CONFLICT', path: ['needId'] });
      expect(await store.listWaitlist(full.id)).toEqual([]);
    });

    it('orders the list by urgency, then vulnerability, then the time each need joined', async () => {
      const { service } = await aFullService(1);
      // Built in the intended order: CRITICAL first whatever its vulnerability; among HIGH the more vulnerable
      // household; among equals the earlier join; LOW last although its household is the most vulnerable.
      const critical = await aFamilyWithNeed('CRITICAL', 0);
      const highVulnerableEarly = await aFamilyWithNeed('HIGH', 5);
      const highVulnerableLate = await aFamilyWithNeed('HIGH', 5);
      const highLessVulnerable = await aFamilyWithNeed('HIGH', 2);
      const low = await aFamilyWithNeed('LOW', 9);
      await join(service.id, low, at(0));
      await join(service.id, highVulnerableLate, at(20));
      await join(service.id, critical, at(30));
      await join(service.id, highLessVulnerable, at(1));
      await join(service.id, highVulnerableEarly, at(10));
      const list = await store.listWaitlist(service.id);
      expect(list.map((e) => e.needId)).toEqual([critical, highVulnerableEarly, highVulnerableLate, highLessVulnerable, low].map((f) => f.need.id));
      expect(list.every((e) => e.status === 'WAITING')).toBe(true);
    });

    it('offers a released unit to the first waiting need in the release itself, reserved for its urgency’s action limit', async () => {
      const { service, holders } = await aFullService(2);
      const first = await aFamilyWithNeed('HIGH', 1);
      const second = await aFamilyWithNeed('MEDIUM', 1);
      await join(service.id, second, at(0));
      await join(service.id, first, at(1));
      await release(holders[0] as Referral, at(10));
      const list = await store.listWaitlist(service.id);
      expect(list.map((e) => [e.needId, e.status])).toEqual([
        [first.need.id, 'OFFERED'],
        [second.need.id, 'WAITING'],
      ]);
      expect(list[0]).toMatchObject({ offeredAt: at(10), offerExpiresAt: at(10 + ACTION_LIMIT_HOURS.HIGH * 60) });
      // The next release offers the next need, never the one already offered.
      await release(holders[1] as Referral, at(20));
      expect((await store.listWaitlist(service.id)).map((e) => [e.needId, e.status, e.offeredAt])).toEqual([
        [first.need.id, 'OFFERED', at(10)],
        [second.need.id, 'OFFERED', at(20)],
      ]);
    });

    it('keeps an offered unit for its need: another need’s referral is refused, the offered need’s takes it and leaves the list', async () => {
      const { service, holders } = await aFullService(1);
      const waiting = await aFamilyWithNeed('HIGH', 1);
      const outsider = await aFamilyWithNeed('CRITICAL', 9);
      await join(service.id, waiting, at(0));
      await release(holders[0] as Referral, at(10));
      expect(await codeOf(store.createReferral(aReferralFor(outsider.need, service, { createdAt: at(11), updatedAt: at(11) })))).toBe('CAPACITY_EXHAUSTED');
      const confirmed = await store.createReferral(aReferralFor(waiting.need, service, { createdAt: at(12), updatedAt: at(12) }));
      expect(confirmed.created).toBe(true);
      expect(await store.listWaitlist(service.id)).toEqual([]);
      const [after] = await store.getMany('Service', [service.id]);
      expect(after?.activeReferrals).toBe(1);
    });

    it('removes a referred need’s WAITING entries on other lists', async () => {
      const { service: a, holders } = await aFullService(1);
      const { service: b } = await aFullService(1);
      const family = await aFamilyWithNeed('HIGH', 1);
      await join(a.id, family, at(0));
      await join(b.id, family, at(0));
      await release(holders[0] as Referral, at(5));
      await store.createReferral(aReferralFor(family.need, a, { createdAt: at(6), updatedAt: at(6) }));
      expect(await store.waitlistEntriesOfNeeds([family.need.id])).toEqual([]);
    });

    it('passes a lapsed offer, or the offer of a need that leaves, to the next need', async () => {
      const { service, holders } = await aFullService(1);
      const first = await aFamilyWithNeed('CRITICAL', 1);
      const second = await aFamilyWithNeed('HIGH', 1);
      const third = await aFamilyWithNeed('LOW', 1);
      for (const [i, family] of [first, second, third].entries()) await join(service.id, family, at(i));
      await release(holders[0] as Referral, at(10));
      // Before the offer lapses nothing moves; after it lapses the offer goes to the next need.
      expect(await store.settleWaitlist(service.id, at(10 + ACTION_LIMIT_HOURS.CRITICAL * 60 - 1))).toEqual([]);
      const lapsedAt = at(10 + ACTION_LIMIT_HOURS.CRITICAL * 60);
      const offers = await store.settleWaitlist(service.id, lapsedAt);
      expect(offers.map((e) => e.needId)).toEqual([second.need.id]);
      expect((await store.listWaitlist(service.id)).map((e) => [e.needId, e.status])).toEqual([
        [second.need.id, 'OFFERED'],
        [third.need.id, 'WAITING'],
      ]);
      expect(await store.leaveWaitlist(service.id, second.need.id, lapsedAt)).toMatchObject({ needId: second.need.id, status: 'OFFERED' });
      expect((await store.listWaitlist(service.id)).map((e) => [e.needId, e.status])).toEqual([[third.need.id, 'OFFERED']]);
      expect(await store.leaveWaitlist(service.id, second.need.id, lapsedAt)).toBeNull();
    });

    it('offers more units when the capacity is raised', async () => {
      const { service } = await aFullService(1);
      const family = await aFamilyWithNeed('MEDIUM', 1);
      await join(service.id, family, at(0));
      await store.setServiceCapacity(service.id, 2);
      expect((await store.listWaitlist(service.id)).map((e) => e.status)).toEqual(['OFFERED']);
    });

    it('under 10 concurrent joins, releases and claims: nothing lost, each release offers one need once, the queue keeps its order', async () => {
      const { service, holders } = await aFullService(3);
      // Three CRITICAL needs wait before the race: the three releases are theirs, whatever joins around them.
      const ahead = [await aFamilyWithNeed('CRITICAL', 3), await aFamilyWithNeed('CRITICAL', 2), await aFamilyWithNeed('CRITICAL', 1)];
      for (const family of ahead) await join(service.id, family, at(0));
      const racing: Array<{ household: Household; need: Need }> = [];
      for (let i = 0; i < 7; i++) racing.push(await aFamilyWithNeed(i % 2 === 0 ? 'HIGH' : 'MEDIUM', i));
      const outsiders = [await aFamilyWithNeed('CRITICAL', 9), await aFamilyWithNeed('HIGH', 9)];

      const results = await Promise.all([
        ...racing.map((family, i) => codeOf(join(service.id, family, at(1 + i)))),
        // The same need joining twice at once: one entry.
        codeOf(join(service.id, racing[0] as { household: Household; need: Need }, at(1))),
        ...holders.map((referral, i) => codeOf(release(referral, at(2 + i)))),
        ...outsiders.map((family, i) => codeOf(store.createReferral(aReferralFor(family.need, service, { createdAt: at(3 + i), updatedAt: at(3 + i) })))),
      ]);
      expect(results.slice(0, 8 + holders.length)).toEqual(Array(8 + holders.length).fill('OK'));
      // The units released are owed to the queue: a need off the list gets none.
      expect(results.slice(8 + holders.length)).toEqual(['CAPACITY_EXHAUSTED', 'CAPACITY_EXHAUSTED']);

      const list = await store.listWaitlist(service.id);
      expect(list).toHaveLength(10);
      expect(new Set(list.map((e) => e.needId)).size).toBe(10);
      expect(list.filter((e) => e.status === 'OFFERED').map((e) => e.needId).sort()).toEqual(ahead.map((f) => f.need.id).sort());
      const queue = list.filter((e) => e.status === 'WAITING');
      // Built so: HIGH (i = 0, 2, 4, 6) before MEDIUM (1, 3, 5), and within each the more vulnerable (higher i) first.
      expect(queue.map((e) => e.needId)).toEqual([6, 4, 2, 0, 5, 3, 1].map((i) => (racing[i] as { need: Need }).need.id));
      const [after] = await store.getMany('Service', [service.id]);
      expect(after?.activeReferrals).toBe(0);

      // The three offered needs confirm at once: each takes its reserved unit, and the service is full again.
      const confirmed = await Promise.all(ahead.map((family, i) => store.createReferral(aReferralFor(family.need, service, { createdAt: at(10 + i), updatedAt: at(10 + i) }))));
      expect(confirmed.every((c) => c.created)).toBe(true);
      const [full] = await store.getMany('Service', [service.id]);
      expect(full?.activeReferrals).toBe(3);
      expect((await store.listWaitlist(service.id)).map((e) => e.needId)).toEqual(queue.map((e) => e.needId));
    });
  });
}
