import { HuzhuError } from '../../../src/errors/HuzhuError';
import { coverage, mostVulnerableHouseholds, suppressSmallCells, whatIf } from '../../../src/services/coverage';
import { MemoryStore } from '../../../src/store/memory/MemoryStore';
import { BUILT_AT, aReferralFor, anAssistance, smallNetwork, storeNetwork, type SmallNetwork } from '../../support/builders';

const SIX_HOURS_LATER = new Date(Date.parse(BUILT_AT) + 6 * 3_600_000).toISOString();

async function aStoredNetwork(): Promise<{ store: MemoryStore; network: SmallNetwork; ctx: { store: MemoryStore; now: () => Date } }> {
  const store = new MemoryStore({ dataDir: null });
  const network = smallNetwork();
  await storeNetwork(store, network);
  return { store, network, ctx: { store, now: () => new Date(SIX_HOURS_LATER) } };
}

async function rejection(promise: Promise<unknown>): Promise<HuzhuError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof HuzhuError)) throw new Error(`expected a HuzhuError, got ${String(error)}`);
  return error;
}

describe('coverage (service over a store)', () => {
  it('reports the stored network: only v1 has an ESTABLISHED liaison; v1 and v2 reach the NGO medical service through their people, v3 reaches no service', async () => {
    const { ctx, network } = await aStoredNetwork();
    const report = suppressSmallCells(await coverage(ctx, {}), { suppress: false });
    const [v1, v2, v3] = network.villages;
    // v2 has no liaison (a credit officer and a development officer are not liaisons); v3's liaison has no tie to the network yet.
    expect(report.summary).toMatchObject({ villagesTotal: 3, villagesCovered: 1, householdsCovered: 2, householdsTotal: 6 });
    expect(report.villages.map((v) => [v.villageId, v.covered, v.liaisonStatus])).toEqual([
      [v1.id, true, 'ESTABLISHED'],
      [v2.id, false, 'NONE'],
      [v3.id, false, 'PROSPECTIVE'],
    ].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)));
    expect(report.targets.find((t) => t.key === 'VILLAGES_COVERED')?.missing.villages.map((v) => v.villageId)).toEqual([v3.id]);
    const v3Gaps = report.gaps.filter((g) => g.villageId === v3.id).map((g) => [g.category, g.cause]);
    expect(v3Gaps).toHaveLength(3);
    expect(v3Gaps).toEqual(
      expect.arrayContaining([
        ['MEDICAL', 'NO_ESTABLISHED_PATH'],
        ['ELDERLY_CARE', 'NO_ESTABLISHED_PATH'],
        ['EDUCATION', 'NO_ACTIVE_SERVICE'],
      ]),
    );
    expect(report.gaps.some((g) => g.villageId === v1.id && g.category === 'MEDICAL')).toBe(false);
    expect(report.gaps.some((g) => g.villageId === v2.id && g.category === 'MEDICAL')).toBe(false);
    expect(report.targets.find((t) => t.key === 'OFFICERS_TRAINED')?.current).toBe(1);
  });

  it('counts a most-vulnerable family as supported once a referral of its urgent medical need is under way, or help is recorded', async () => {
    const { store, ctx, network } = await aStoredNetwork();
    const target = async (args: Record<string, unknown> = {}) =>
      suppressSmallCells(await coverage(ctx, args), { suppress: false }).targets.find((t) => t.key === 'MOST_VULNERABLE_SUPPORTED')!;
    const supported = async () => (await target()).current;
    expect(await supported()).toBe(0);

    const [elderlyNeedOfH1, , , medicalNeedOfH4] = network.needs;
    const h4 = medicalNeedOfH4.householdId;
    const gapOf = async (householdId: string) => (await target()).missing.families.find((f) => f.householdId === householdId)?.gap;
    expect(await gapOf(h4)).toBe('NOT_REFERRED');
    const { referral } = await store.createReferral(aReferralFor(medicalNeedOfH4, network.services[0]));
    expect(await supported()).toBe(0); // SENT is not support yet
    expect(await gapOf(h4)).toBe('REFERRAL_PENDING');
    await store.transitionReferral(referral.id, 'SENT', { status: 'ACCEPTED', at: SIX_HOURS_LATER, actorId: 'per_test', reason: null, note: null }, null);
    expect(await supported()).toBe(0); // accepted, not yet under way
    await store.transitionReferral(referral.id, 'ACCEPTED', { status: 'IN_PROGRESS', at: SIX_HOURS_LATER, actorId: 'per_test', reason: null, note: null }, null);
    expect(await supported()).toBe(1);
    expect(await gapOf(h4)).toBeUndefined();

    await store.create('Assistance', anAssistance({ needId: elderlyNeedOfH1.id }));
    expect(await supported()).toBe(2);
    // Outside the reporting period the same help does not count.
    const earlier = await target({ periodFrom: '2020-01-01', periodTo: '2020-12-31' });
    expect(earlier.current).toBe(0);
    expect(earlier.missing.families.find((f) => f.householdId === h4)?.gap).toBe('OUTSIDE_PERIOD');
  });

  it('refuses a reporting period that ends before it starts', async () => {
    const { ctx } = await aStoredNetwork();
    expect(await rejection(coverage(ctx, { periodFrom: '2025-06-01', periodTo: '2025-01-01' }))).toMatchObject({ code: 'BAD_USER_INPUT', path: ['periodFrom'] });
  });

  it('times the response of accepted referrals and groups outcomes by the need category and the family township', async () => {
    const { store, ctx, network } = await aStoredNetwork();
    const { referral } = await store.createReferral(aReferralFor(network.needs[1], network.services[0]));
    await store.transitionReferral(referral.id, 'SENT', { status: 'ACCEPTED', at: SIX_HOURS_LATER, actorId: 'per_test', reason: null, note: null }, null);
    const report = suppressSmallCells(await coverage(ctx, {}), { suppress: false });
    expect(report.responseTimes.byCategory).toEqual([
      expect.objectContaining({ key: 'MEDICAL', response: { count: 1, medianHours: 6, p90Hours: 6, suppressed: false } }),
    ]);
    expect(report.responseTimes.byTownship.map((r) => r.key)).toEqual([network.townships[0].id]);
    expect(report.referralOutcomes.byStatus.find((s) => s.status === 'ACCEPTED')?.count).toBe(1);
    const elsewhere = suppressSmallCells(await coverage(ctx, { townshipId: network.townships[1].id }), { suppress: false });
    expect(elsewhere.referralOutcomes.total).toBe(0);
  });

  it('refuses an unknown township (NOT_FOUND), category or distance (BAD_USER_INPUT) at the argument', async () => {
    const { ctx } = await aStoredNetwork();
    expect(await rejection(coverage(ctx, { townshipId: 'twp_999999999999' }))).toMatchObject({ code: 'NOT_FOUND', path: ['townshipId'] });
    expect(await rejection(coverage(ctx, { category: 'ASTROLOGY' }))).toMatchObject({ code: 'BAD_USER_INPUT', path: ['category'] });
    expect(await rejection(coverage(ctx, { maxDistanceKm: -1 }))).toMatchObject({ code: 'BAD_USER_INPUT', path: ['maxDistanceKm'] });
  });
});

describe('mostVulnerableHouseholds', () => {
  it('ranks households by their vulnerability score, highest first', async () => {
    const { ctx, network } = await aStoredNetwork();
    const [h1, , h3, h4, h5] = network.households;
    const ranked = await mostVulnerableHouseholds(ctx, {}, { all: true });
    expect(ranked.map((h) => h.id)).toEqual([h4, h1, h5, h3].map((h) => h.id));
    expect(ranked.map((h) => h.vulnerabilityScore)).toEqual([11, 9, 6, 3]);
    expect((await mostVulnerableHouseholds(ctx, { limit: 2 }, { all: true })).map((h) => h.id)).toEqual([h4.id, h1.id]);
  });

  it('ranks within the caller’s townships or villages', async () => {
    const { ctx, network } = await aStoredNetwork();
    const [, , h3, h4, h5] = network.households;
    expect((await mostVulnerableHouseholds(ctx, {}, { townshipIds: [network.townships[1].id] })).map((h) => h.id)).toEqual([h5.id]);
    expect((await mostVulnerableHouseholds(ctx, {}, { villageIds: [network.villages[1].id] })).map((h) => h.id)).toEqual([h4.id, h3.id]);
  });

  it('refuses a limit outside 1..100', async () => {
    const { ctx } = await aStoredNetwork();
    expect(await rejection(mostVulnerableHouseholds(ctx, { limit: 0 }, { all: true }))).toMatchObject({ code: 'BAD_USER_INPUT', path: ['limit'] });
  });
});

describe('whatIf (service over a store)', () => {
  it('writes nothing: the store version is the same after a scenario', async () => {
    const { store, ctx, network } = await aStoredNetwork();
    const before = await store.version();
    const result = await whatIf(ctx, {
      changes: [
        { kind: 'SET_RELATIONSHIP_STATUS', relationshipId: network.relationships[2].id, status: 'ESTABLISHED' },
        // v3's liaison gets to know the bureau, whose service covers v3's township.
        { kind: 'ADD_RELATIONSHIP', fromId: network.people[1].id, toId: network.organizations[2].id, type: 'KNOWS' },
        { kind: 'SET_SERVICE_CAPACITY', serviceId: network.services[0].id, capacity: 50 },
        { kind: 'ADD_ORGANIZATION', name: 'what-if camp (synthetic)' },
      ],
    });
    expect(result.newlyCoveredVillages.map((v) => v.villageId)).toEqual([network.villages[2].id]);
    expect(await store.version()).toBe(before);
    const [stored] = await store.getMany('Service', [network.services[0].id]);
    expect(stored?.capacity).toBe(2);
    expect(await store.getMany('Organization', ['org_whatif-4'])).toEqual([null]);
    expect(await store.findRelationship(network.people[1].id, network.organizations[2].id, 'KNOWS')).toBeNull();
  });

  it('reports a bad change at its path', async () => {
    const { ctx } = await aStoredNetwork();
    const error = await rejection(whatIf(ctx, { changes: [{ kind: 'SET_SERVICE_CAPACITY', serviceId: 'svc_ghost', capacity: 1 }] }));
    expect(error).toMatchObject({ code: 'NOT_FOUND', path: ['changes', 0, 'serviceId'] });
  });
});
