import { idFromKey } from '../../src/domain/ids';
import type { Household, Need } from '../../src/domain/model';
import { seedStore } from '../../src/seed/seedStore';
import { listAll } from '../../src/services/listAll';
import type { GraphStore } from '../../src/store/GraphStore';
import { aNeed, aReferralFor } from '../support/builders';
import { storesUnderTest } from '../support/storesUnderTest';
import { startTestServer, type TestServer } from '../support/testServer';
import { nonEmpty } from '../support/nonEmpty';

/**
 * Issue 5 over HTTP on the seeded Dayi network (real places and
 * organisations, 2,000 synthetic households): where the network stands
 * against its targets, its gaps, its single points of failure, and what a
 * new service would change — on every store adapter, with the same answers.
 */
const COVERAGE = `query($townshipId: ID, $category: String) {
  coverage(townshipId: $townshipId, category: $category) {
    networkVersion
    definition
    summary { villagesTotal villagesCovered villagesFullyCovered householdsTotal householdsCovered suppressed }
    targets {
      key label target current met counts suppressed
      definition { key version zh en }
      missing {
        shortBy summary familiesOneLiaisonAway familiesWithheld suppressed
        villages { villageId villageName liaisonStatus liaisonIds households }
        families { householdId rank gap reason needIds }
      }
    }
    byCategory { category core villagesTotal villagesCovered villagesAtCapacity householdsCovered suppressed }
    byTownship { township { id name } townshipId townshipName villagesTotal villagesCovered householdsCovered categories { category villagesCovered } suppressed }
    gapCount
    gaps(first: 1000) { village { id displayName } villageName townshipName category kind cause households vulnerableHouseholds suppressed }
    referralOutcomes { total byStatus { status count } byReason { reason count } suppressed }
    responseTimes {
      overall { key response { count medianHours p90Hours suppressed } resolution { count medianHours p90Hours suppressed } }
      byCategory { key label response { count medianHours p90Hours suppressed } }
      byTownship { key label response { count medianHours suppressed } }
    }
  }
}`;

const VILLAGES = `{ coverage { villages(first: 200) { villageId villageName covered liaisonStatus categoriesReached categoriesMissing households suppressed } } }`;

const METRICS = `{
  networkMetrics(top: 5) {
    nodes links density nodesByKind { kind count }
    degree { node { id label kind } degree value }
    betweenness { exact sampleSize maxStandardError top { node { id label } value standardError } }
    components { count largest sizes }
    isolated { id kind label }
    brokers { node { id label kind } betweenness piecesIfRemoved bridgedTownships { id name } }
    singlePointsOfFailure {
      articulationPoints analysed
      points(first: 50) { node { id label kind } pieces cutOffCount cutOff(first: 5) { id label } villagesLosingAccess householdsLosingAccess summary lostAccess { category households villages { villageId villageName townshipName } } }
    }
  }
}`;

const WHAT_IF = `query($changes: [WhatIfChange!]!) {
  whatIf(changes: $changes) {
    changes
    before { villagesCovered householdsCovered targets { key current } network { nodes links articulationPoints } }
    after { villagesCovered householdsCovered targets { key current } network { nodes links articulationPoints } }
    newlyCoveredVillages { villageId villageName townshipName households }
    byCategory { category villagesBefore villagesAfter householdsBefore householdsAfter householdsNewlyCovered newlyCovered { villageId villageName townshipId village { id } } noLongerCovered { villageId } }
    gapsClosed { villageId category kind }
    gapsOpened { villageId category kind }
  }
}`;

interface Row {
  [key: string]: unknown;
}
interface CoverageData {
  coverage: {
    networkVersion: number;
    summary: Row & { villagesTotal: number; villagesCovered: number; householdsCovered: number };
    targets: Array<{
      key: string;
      target: number;
      current: number | null;
      met: boolean;
      counts: string;
      suppressed: boolean;
      definition: { key: string; version: string; zh: string; en: string };
      missing: {
        shortBy: number | null;
        summary: string;
        familiesOneLiaisonAway: number | null;
        familiesWithheld: boolean;
        villages: Array<{ villageId: string; villageName: string; liaisonStatus: string; liaisonIds: string[]; households: number | null }>;
        families: Array<{ householdId: string; rank: number; gap: string; reason: string; needIds: string[] }>;
      };
    }>;
    byCategory: Array<{ category: string; core: boolean; villagesTotal: number; villagesCovered: number; householdsCovered: number | null }>;
    byTownship: Array<{ township: { id: string; name: string }; townshipId: string; villagesTotal: number; villagesCovered: number; categories: Array<{ category: string; villagesCovered: number }> }>;
    gapCount: number;
    gaps: Array<{ village: { id: string; displayName: string }; villageName: string; townshipName: string; category: string; kind: string; cause: string | null; households: number | null; vulnerableHouseholds: number | null; suppressed: boolean }>;
    referralOutcomes: { total: number | null; byStatus: Array<{ status: string; count: number | null }> };
    responseTimes: {
      overall: { response: { count: number | null; medianHours: number | null; p90Hours: number | null; suppressed: boolean } };
      byCategory: Array<{ key: string; response: { count: number | null; medianHours: number | null } }>;
    };
  };
}
type VillageRow = { villageId: string; villageName: string; covered: boolean; liaisonStatus: string; categoriesReached: string[]; categoriesMissing: string[]; households: number | null; suppressed: boolean };

interface MetricsData {
  networkMetrics: {
    nodes: number;
    density: number;
    betweenness: { exact: boolean; sampleSize: number };
    brokers: Array<{ node: { label: string; kind: string } }>;
    singlePointsOfFailure: {
      articulationPoints: number;
      analysed: number;
      points: Array<{ node: { id: string; label: string; kind: string }; summary: string; villagesLosingAccess: number; lostAccess: Array<{ category: string; villages: Array<{ villageId: string }> }> }>;
    };
  };
}
interface WhatIfData {
  whatIf: {
    changes: string[];
    before: { villagesCovered: number };
    after: { villagesCovered: number };
    byCategory: Array<{ category: string; villagesBefore: number; villagesAfter: number; householdsBefore: number; householdsAfter: number; householdsNewlyCovered: number; newlyCovered: Array<{ villageId: string; villageName: string; townshipId: string; village: { id: string } }> }>;
    gapsClosed: Array<{ villageId: string; category: string; kind: string }>;
    gapsOpened: unknown[];
  };
}

/** The seeded store plus, for the five most vulnerable families, an urgent medical need sent to the insurance bureau; four of them accepted and now under way. */
async function seededWithReferrals(store: GraphStore): Promise<void> {
  await seedStore(store, { households: 2000, seed: 7 });
  const [service] = await store.getMany('Service', ['svc_ltc-insurance-application']);
  if (!service) throw new Error('the seed no longer holds svc_ltc-insurance-application; pick another MEDICAL service');
  const top: Household[] = await store.topVulnerableHouseholds(5, {});
  for (const [i, household] of top.entries()) {
    // Fixed ids, so the report (which names the families' needs) is the same on every store.
    const need: Need = aNeed({ id: idFromKey('Need', `coverage-test-${i + 1}`), householdId: household.id, category: 'MEDICAL', urgency: 'HIGH' });
    await store.create('Need', need);
    const { referral } = await store.createReferral(aReferralFor(need, service));
    if (i < 4) {
      const acceptedAt = new Date(Date.parse(referral.transitions[0]!.at) + (i + 1) * 12 * 3_600_000).toISOString();
      await store.transitionReferral(referral.id, 'SENT', { status: 'ACCEPTED', at: acceptedAt, actorId: 'per_test', reason: null, note: null }, null);
      // Help under way within the reporting period (the twelve months up to now): what MOST_VULNERABLE_SUPPORTED counts.
      const startedAt = new Date(Date.now() - (i + 1) * 3_600_000).toISOString();
      await store.transitionReferral(referral.id, 'ACCEPTED', { status: 'IN_PROGRESS', at: startedAt, actorId: 'per_test', reason: null, note: null }, null);
    }
  }
}

const reportsByStore = new Map<string, unknown>();
const adapters = storesUnderTest();

describe.each(adapters)('coverage, network metrics and what-if on the seeded Dayi network ($name store)', (adapter) => {
  let store: GraphStore;
  let server: TestServer;
  let admin: string;
  let designer: string;
  let report: CoverageData['coverage'];
  let villages: VillageRow[];

  beforeAll(async () => {
    store = await adapter.open();
    await seededWithReferrals(store);
    server = await startTestServer(store);
    admin = await server.token({ sub: 'test-admin', role: 'ADMIN' });
    designer = await server.token({ sub: 'test-designer', role: 'DESIGNER' });
    const res = await server.gql<CoverageData>(COVERAGE, {}, admin);
    expect(res.errors).toBeUndefined();
    report = res.data!.coverage;
    reportsByStore.set(adapter.name, report);
    const rows = await server.gql<{ coverage: { villages: VillageRow[] } }>(VILLAGES, {}, admin);
    expect(rows.errors).toBeUndefined();
    villages = rows.data!.coverage.villages;
  }, 180_000);
  afterAll(async () => {
    await server.stop();
    await adapter.close(store);
  });

  it('reports the four targets with their current values', async () => {
    const people = await listAll(store, 'Person', { role: 'COMMUNITY_DEVELOPMENT_OFFICER' });
    const trained = people.filter((p) => p.trainedAt !== null).length;
    const byKey = Object.fromEntries(report.targets.map((t) => [t.key, t]));
    expect(Object.keys(byKey)).toEqual(['VILLAGES_COVERED', 'FAMILIES_COVERED', 'MOST_VULNERABLE_SUPPORTED', 'OFFICERS_TRAINED']);
    expect(byKey['VILLAGES_COVERED']).toMatchObject({ target: 20, current: report.summary.villagesCovered });
    expect(byKey['VILLAGES_COVERED']!.met).toBe(report.summary.villagesCovered >= 20);
    // 2,000 synthetic households cannot reach the 10,000-family target.
    expect(byKey['FAMILIES_COVERED']).toMatchObject({ target: 10_000, current: report.summary.householdsCovered, met: false });
    expect(report.summary.householdsCovered).toBeGreaterThan(0);
    expect(report.summary.householdsCovered).toBeLessThanOrEqual(2000);
    expect(byKey['MOST_VULNERABLE_SUPPORTED']).toMatchObject({ target: 20, current: 4, met: false });
    expect(byKey['OFFICERS_TRAINED']).toMatchObject({ target: 20, current: trained, met: trained >= 20 });
    for (const t of nonEmpty(report.targets, 'target')) expect(t.counts).not.toBe('');
  });

  it('counts 24 villages covered on the seed, by the network\'s own measure (an ESTABLISHED liaison or volunteer), not 147', async () => {
    expect(report.summary.villagesTotal).toBe(147);
    expect(report.summary.villagesCovered).toBe(24);
    const target = report.targets.find((t) => t.key === 'VILLAGES_COVERED')!;
    expect(target).toMatchObject({ current: 24, met: true, definition: { key: 'VILLAGES_COVERED' } });
    expect(target.definition.zh).toMatch(/联络人或志愿者/);
    expect(target.definition.en).toMatch(/ESTABLISHED/);
    // Counted independently: villages with a LIAISON or VOLUNTEER assigned whose ties include an ESTABLISHED one.
    const people = [...(await listAll(store, 'Person', { role: 'LIAISON' })), ...(await listAll(store, 'Person', { role: 'VOLUNTEER' }))];
    const relationships = await listAll(store, 'Relationship');
    const established = new Set(
      people
        .filter((p) => relationships.some((r) => (r.fromId === p.id || r.toId === p.id) && r.status === 'ESTABLISHED'))
        .flatMap((p) => p.villageIds),
    );
    expect(villages.filter((v) => v.covered).map((v) => v.villageId).sort()).toEqual([...established].sort());
  });

  it('counts as covered families only those registered in a covered village', async () => {
    const coveredIds = new Set(villages.filter((v) => v.covered).map((v) => v.villageId));
    const households = await listAll(store, 'Household');
    const expected = households.filter((h) => coveredIds.has(h.villageId)).length;
    expect(report.summary.householdsCovered).toBe(expected);
    expect(report.targets.find((t) => t.key === 'FAMILIES_COVERED')).toMatchObject({ current: expected, missing: { shortBy: 10_000 - expected } });
    expect(expected).toBeLessThan(households.length);
  });

  it('names the villages one liaison away: 10 with a liaison BUILDING, then 6 PROSPECTIVE', () => {
    const away = report.targets.find((t) => t.key === 'VILLAGES_COVERED')!.missing.villages;
    expect(away.map((v) => v.liaisonStatus)).toEqual([...Array<string>(10).fill('BUILDING'), ...Array<string>(6).fill('PROSPECTIVE')]);
    for (const v of away) {
      expect(v.liaisonIds.length).toBeGreaterThan(0);
      expect(villages.find((r) => r.villageId === v.villageId)).toMatchObject({ covered: false, liaisonStatus: v.liaisonStatus });
    }
    const families = report.targets.find((t) => t.key === 'FAMILIES_COVERED')!.missing;
    expect(families.familiesOneLiaisonAway).toBe(away.reduce((sum, v) => sum + (v.households ?? 0), 0));
  });

  it('shows per village which of MEDICAL, ELDERLY_CARE and EDUCATION it reaches through ESTABLISHED links', () => {
    expect(villages).toHaveLength(147);
    for (const v of villages) {
      expect([...v.categoriesReached, ...v.categoriesMissing].sort()).toEqual(['EDUCATION', 'ELDERLY_CARE', 'MEDICAL']);
      expect(v.villageName.length).toBeGreaterThan(0);
    }
    const medical = report.byCategory.find((c) => c.category === 'MEDICAL')!.villagesCovered;
    expect(villages.filter((v) => v.categoriesReached.includes('MEDICAL'))).toHaveLength(medical);
  });

  it('lists the top-20 families without support and why, to an admin', () => {
    const target = report.targets.find((t) => t.key === 'MOST_VULNERABLE_SUPPORTED')!;
    expect(target.definition.en).toMatch(/IN_PROGRESS or RESOLVED/);
    expect(target.missing.families).toHaveLength(16);
    expect(target.missing.familiesWithheld).toBe(false);
    const ranks = target.missing.families.map((f) => f.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    // The fifth most vulnerable family's referral was sent, not yet accepted.
    expect(target.missing.families[0]).toMatchObject({ rank: 5, gap: 'REFERRAL_PENDING' });
    for (const f of target.missing.families) expect(f.reason).toMatch(/\p{Script=Han}.* \/ [a-z]/u);
  });

  it('reports coverage per category over all 147 villages, EDUCATION lagging far behind', () => {
    const core = report.byCategory.filter((c) => c.core).map((c) => c.category).sort();
    expect(core).toEqual(['DISABILITY', 'EDUCATION', 'ELDERLY_CARE', 'EMPLOYMENT', 'MEDICAL']);
    for (const c of nonEmpty(report.byCategory, 'category row')) expect(c.villagesTotal).toBe(147);
    const covered = (code: string) => report.byCategory.find((c) => c.category === code)!.villagesCovered;
    expect(covered('MEDICAL')).toBeGreaterThan(100);
    expect(covered('EDUCATION')).toBeLessThan(covered('MEDICAL'));
    expect(report.byTownship).toHaveLength(11);
    expect(report.byTownship.reduce((sum, t) => sum + t.villagesTotal, 0)).toBe(147);
    expect(report.byTownship[0]!.township.name).toBe(report.byTownship[0]!.township.name.trim());
  });

  it('ranks the gaps by the vulnerable households they affect, with village and township names', () => {
    expect(report.gapCount).toBeGreaterThan(0);
    expect(report.gaps).toHaveLength(Math.min(report.gapCount, 1000));
    const vulnerable = report.gaps.map((g) => g.vulnerableHouseholds ?? 0);
    expect(vulnerable).toEqual([...vulnerable].sort((a, b) => b - a));
    const first = report.gaps[0]!;
    expect(first.villageName).toBe(first.village.displayName);
    expect(first.townshipName).toMatch(/(街道|镇)$/);
    expect(['NO_SERVICE', 'AT_CAPACITY']).toContain(first.kind);
    expect(report.gaps.some((g) => g.category === 'EDUCATION' && g.kind === 'NO_SERVICE')).toBe(true);
  });

  it('reports referral outcomes and response times from the referrals sent', () => {
    const status = Object.fromEntries(report.referralOutcomes.byStatus.map((s) => [s.status, s.count]));
    expect(report.referralOutcomes.total).toBe(5);
    // Four accepted and then under way; one still waiting.
    expect(status).toMatchObject({ SENT: 1, ACCEPTED: 0, IN_PROGRESS: 4 });
    // Accepted after 12, 24, 36 and 48 hours.
    expect(report.responseTimes.overall.response).toEqual({ count: 4, medianHours: 30, p90Hours: 44.4, suppressed: false });
    expect(report.responseTimes.byCategory.map((r) => r.key)).toEqual(['MEDICAL']);
  });

  it('narrows the report to one township and category', async () => {
    const township = report.byTownship[0]!;
    const res = await server.gql<CoverageData>(COVERAGE, { townshipId: township.townshipId, category: 'ELDERLY_CARE' }, admin);
    expect(res.errors).toBeUndefined();
    const scoped = res.data!.coverage;
    expect(scoped.summary.villagesTotal).toBe(township.villagesTotal);
    expect(scoped.summary.villagesCovered).toBe(township.categories.find((c) => c.category === 'ELDERLY_CARE')!.villagesCovered);
    expect(scoped.byCategory.map((c) => c.category)).toEqual(['ELDERLY_CARE']);
    expect(scoped.targets).toEqual(report.targets);
  });

  it('names single points of failure and what they cut off', async () => {
    const res = await server.gql<MetricsData>(METRICS, {}, admin);
    expect(res.errors).toBeUndefined();
    const metrics = res.data!.networkMetrics;
    expect(metrics.betweenness).toMatchObject({ exact: true, sampleSize: metrics.nodes });
    expect(metrics.brokers.length).toBeGreaterThan(0);
    const spof = metrics.singlePointsOfFailure;
    expect(spof.articulationPoints).toBeGreaterThan(0);
    expect(spof.analysed).toBe(spof.articulationPoints);
    const cutting = spof.points.filter((p) => p.villagesLosingAccess > 0);
    expect(cutting.length).toBeGreaterThan(0);
    const worst = cutting[0]!;
    expect(worst.summary).toContain(`If ${worst.node.label} (${worst.node.kind}) leaves`);
    expect(worst.summary).toMatch(/villages? loses? all [A-Z_, ]+ access/);
    expect(worst.lostAccess[0]!.villages.length).toBeGreaterThan(0);
  });

  it('shows what a prospective service in a township without education would cover, writing nothing', async () => {
    const withoutEducation = report.byTownship.find((t) => t.categories.find((c) => c.category === 'EDUCATION')!.villagesCovered === 0);
    expect(withoutEducation).toBeDefined();
    const townshipId = withoutEducation!.townshipId;
    const stations = await server.gql<{ organizations: { nodes: Array<{ id: string }> } }>(
      'query($t: ID) { organizations(first: 5, filter: { kind: SOCIAL_WORK_STATION, townshipId: $t }) { nodes { id } } }',
      { t: townshipId },
      admin,
    );
    const stationId = stations.data!.organizations.nodes[0]!.id;
    const versionBefore = await store.version();

    const res = await server.gql<WhatIfData>(
      WHAT_IF,
      {
        changes: [
          {
            kind: 'ADD_SERVICE',
            organizationId: stationId,
            name: '周末课业辅导（设想）',
            categories: ['EDUCATION'],
            area: { kind: 'TOWNSHIPS', townshipIds: [townshipId] },
            capacity: 30,
          },
        ],
      },
      designer,
    );
    expect(res.errors).toBeUndefined();
    const result = res.data!.whatIf;
    const education = result.byCategory.find((c) => c.category === 'EDUCATION')!;
    // The station reaches the same villages for education as it does today for elderly care.
    const reachable = withoutEducation!.categories.find((c) => c.category === 'ELDERLY_CARE')!.villagesCovered;
    expect(education.newlyCovered.length).toBe(reachable);
    expect(education.newlyCovered.length).toBeGreaterThan(0);
    expect(new Set(education.newlyCovered.map((v) => v.townshipId))).toEqual(new Set([townshipId]));
    expect(education.newlyCovered.every((v) => v.village.id === v.villageId)).toBe(true);
    expect(education.villagesAfter - education.villagesBefore).toBe(education.newlyCovered.length);
    expect(education.householdsAfter - education.householdsBefore).toBe(education.householdsNewlyCovered);
    expect(education.householdsNewlyCovered).toBeGreaterThan(0);
    expect(result.gapsClosed.filter((g) => g.category === 'EDUCATION')).toHaveLength(education.newlyCovered.length);
    expect(result.gapsOpened).toEqual([]);
    expect(result.changes[0]).toContain('周末课业辅导（设想）');

    expect(await store.version()).toBe(versionBefore);
    const services = await listAll(store, 'Service', { category: 'EDUCATION' });
    expect(services.some((s) => s.name === '周末课业辅导（设想）')).toBe(false);
  });

  it('rejects a malformed change with BAD_USER_INPUT at its path', async () => {
    const res = await server.gql<WhatIfData>(
      WHAT_IF,
      { changes: [{ kind: 'SET_SERVICE_STATUS', serviceId: 'svc_ltc-insurance-application', serviceStatus: 'SUSPENDED' }, { kind: 'SET_SERVICE_CAPACITY', serviceId: 'org_network', capacity: 3 }] },
      admin,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldPath: ['changes', 1, 'serviceId'] });
  });

  it('suppresses every household figure under 5 for a designer', async () => {
    const res = await server.gql<CoverageData>(COVERAGE, {}, designer);
    expect(res.errors).toBeUndefined();
    const shown = res.data!.coverage;
    const small = (n: number | null) => n !== null && n > 0 && n < 5;
    for (const g of nonEmpty(shown.gaps, 'coverage gap')) {
      expect(small(g.households) || small(g.vulnerableHouseholds)).toBe(false);
      if (g.vulnerableHouseholds === null) expect(g.suppressed).toBe(true);
    }
    // Four accepted referrals, four families supported: too few to show a designer.
    expect(shown.responseTimes.overall.response).toEqual({ count: null, medianHours: null, p90Hours: null, suppressed: true });
    expect(shown.targets.find((t) => t.key === 'MOST_VULNERABLE_SUPPORTED')).toMatchObject({ current: null, suppressed: true });
    expect(shown.referralOutcomes.total).toBe(5);
    expect(shown.summary.householdsCovered).toBe(report.summary.householdsCovered);
    // The families behind the most-vulnerable target are household-level: withheld from a designer.
    expect(shown.targets.find((t) => t.key === 'MOST_VULNERABLE_SUPPORTED')!.missing).toMatchObject({ families: [], familiesWithheld: true, shortBy: null });
  });

  it('suppresses small counts of vulnerable households for a volunteer, who may not read the markers behind them', async () => {
    const volunteer = await server.token({ sub: 'per_volunteer-test', role: 'VOLUNTEER', villages: ['vil_510129001002'] });
    const res = await server.gql<CoverageData>(COVERAGE, {}, volunteer);
    expect(res.errors).toBeUndefined();
    const shown = res.data!.coverage;
    const small = (n: number | null) => n !== null && n > 0 && n < 5;
    // The admin's report has small vulnerable cells, so the test would see them leak.
    expect(report.gaps.some((g) => small(g.vulnerableHouseholds))).toBe(true);
    for (const g of nonEmpty(shown.gaps, 'coverage gap')) {
      expect(small(g.households) || small(g.vulnerableHouseholds)).toBe(false);
      if (g.vulnerableHouseholds === null) expect(g.suppressed).toBe(true);
    }
    expect(shown.targets.find((t) => t.key === 'MOST_VULNERABLE_SUPPORTED')).toMatchObject({ current: null, suppressed: true });
  });

  it('ranks the most vulnerable households with the parts of their score, for staff only', async () => {
    const query = '{ mostVulnerableHouseholds { id vulnerabilityScore vulnerabilityParts { factor points } } }';
    const res = await server.gql<{ mostVulnerableHouseholds: Array<{ id: string; vulnerabilityScore: number; vulnerabilityParts: Array<{ points: number }> }> }>(query, {}, admin);
    expect(res.errors).toBeUndefined();
    const ranked = res.data!.mostVulnerableHouseholds;
    expect(ranked).toHaveLength(20);
    const scores = ranked.map((h) => h.vulnerabilityScore);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const h of ranked) expect(h.vulnerabilityParts.reduce((sum, p) => sum + p.points, 0)).toBe(h.vulnerabilityScore);

    const refused = await server.gql(query, {}, designer);
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});

if (adapters.length > 1) {
  describe('the adapters agree', () => {
    it('gives the same coverage report on every store', () => {
      const [first, ...rest] = [...reportsByStore.values()].map((r) => JSON.stringify({ ...(r as Row), networkVersion: 0 }));
      expect(rest).toHaveLength(adapters.length - 1);
      for (const other of rest) expect(other).toBe(first);
    });
  });
}
