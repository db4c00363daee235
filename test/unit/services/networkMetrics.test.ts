import { networkMetricsOf } from '../../../src/services/coverage/networkMetricsOf';
import { networkSummary } from '../../../src/services/coverage/networkSummary';
import { singlePointsOfFailure } from '../../../src/services/coverage/singlePointsOfFailure';
import { suppressSmallCells } from '../../../src/services/coverage/suppressSmallCells';
import { aPerson, aRelationship } from '../../support/builders';
import { CATEGORIES, aCounty, networkOf, snapshotOf, type County } from './coverageCounty';

const options = { categories: CATEGORIES, maxDistanceKm: 30 };
const show = <T>(report: T) => suppressSmallCells(report, { suppress: false });

/** The county plus a second village in T2 served by liaison C: the care home is now all that stands between two villages and elderly care. */
function countyWithTwoCareVillages(): County {
  const county = aCounty();
  county.people.liaisonC = { ...county.people.liaisonC, villageIds: [county.villages.vC.id, county.villages.vD.id] };
  return county;
}

describe('singlePointsOfFailure', () => {
  it('names the organisation whose departure cuts villages off from all elderly-care access', () => {
    const county = countyWithTwoCareVillages();
    const spof = show(singlePointsOfFailure(networkOf(snapshotOf(county)), options));
    const care = spof.points.find((p) => p.node.id === county.organizations.care.id);
    expect(care?.lostAccess).toEqual([
      {
        category: 'ELDERLY_CARE',
        villages: [county.villages.vC, county.villages.vD]
          .sort((a, b) => (a.id < b.id ? -1 : 1))
          .map((v) => expect.objectContaining({ villageId: v.id, villageName: v.displayName, townshipName: 'T2 (synthetic)' })),
        households: 25,
        suppressed: false,
      },
    ]);
    expect(care?.summary).toMatch(/^If care home \(synthetic\) \(organization\) leaves: 2 villages lose all ELDERLY_CARE access \((丙村, 丁村|丁村, 丙村)\)$/);
    expect(care?.cutOff.map((n) => n.id)).toEqual([county.services.eldCare.id]);
  });

  it('finds what a liaison holds on to: their village loses every category it had', () => {
    const county = aCounty();
    const spof = show(singlePointsOfFailure(networkOf(snapshotOf(county)), options));
    const liaison = spof.points.find((p) => p.node.id === county.people.liaisonA.id);
    expect(liaison?.lostAccess.map((l) => [l.category, l.villages.map((v) => v.villageId)])).toEqual([
      ['MEDICAL', [county.villages.vA.id]],
      ['ELDERLY_CARE', [county.villages.vA.id]],
    ]);
    expect(liaison?.summary).toContain('1 village loses all MEDICAL, ELDERLY_CARE access (甲村)');
    expect(liaison).toMatchObject({ villagesLosingAccess: 1, householdsLosingAccess: 12, pieces: 2 });
  });

  it('reports a cut that costs no village any access as such', () => {
    const county = aCounty();
    const spof = show(singlePointsOfFailure(networkOf(snapshotOf(county)), options));
    // Without the hub, vA keeps the station's elderly care but loses the bureau's medical service.
    const hub = spof.points.find((p) => p.node.id === county.organizations.hub.id);
    expect(hub?.lostAccess.map((l) => l.category)).toEqual(['MEDICAL']);
    expect(spof.articulationPoints).toBeGreaterThanOrEqual(5);
    // Nobody covers EDUCATION (its only service is PLANNED), so no cut can take it away.
    const harmless = singlePointsOfFailure(networkOf(snapshotOf(county)), { ...options, categories: CATEGORIES.filter((c) => c.code === 'EDUCATION') });
    expect(harmless.points.every((p) => p.lostAccess.length === 0)).toBe(true);
    expect(harmless.points[0]?.summary).toMatch(/no village loses covered access to any category$/);
  });

  it('ranks the points by households losing access, most first', () => {
    const spof = show(singlePointsOfFailure(networkOf(snapshotOf(countyWithTwoCareVillages())), options));
    const households = spof.points.map((p) => p.householdsLosingAccess ?? 0);
    expect(households).toEqual([...households].sort((a, b) => b - a));
    expect(households[0]).toBe(25);
  });

  it('analyses only the first `limit` points, and says how many', () => {
    const county = aCounty();
    const spof = singlePointsOfFailure(networkOf(snapshotOf(county)), { ...options, limit: 2 });
    expect(spof.analysed).toBe(2);
    expect(spof.points).toHaveLength(2);
    expect(spof.articulationPoints).toBeGreaterThan(2);
  });
});

describe('networkMetricsOf', () => {
  it('computes exact betweenness on a small network, naming the station as the top broker', () => {
    const county = aCounty();
    const metrics = show(networkMetricsOf(networkOf(snapshotOf(county)), { ...options, top: 3 }));
    expect(metrics.betweenness).toMatchObject({ exact: true, maxStandardError: 0 });
    expect(metrics.betweenness.sampleSize).toBe(metrics.nodes);
    expect(metrics.brokers[0]?.node).toMatchObject({ label: 'T1 station (synthetic)', kind: 'organization' });
    expect(metrics.brokers[0]?.piecesIfRemoved).toBeGreaterThanOrEqual(2);
  });

  it('samples betweenness when a sample size is given, reporting the sample size and an error estimate', () => {
    const county = aCounty();
    for (let i = 0; i < 12; i++) {
      county.people[`extra${i}`] = aPerson({ villageIds: [county.villages.vA.id] });
      county.relationships[`extra${i}`] = aRelationship({ fromId: county.people[`extra${i}`]!.id, toId: county.organizations.hub.id, type: 'KNOWS' });
    }
    const metrics = networkMetricsOf(networkOf(snapshotOf(county)), { ...options, top: 3, sampleSize: 6 });
    expect(metrics.betweenness).toMatchObject({ exact: false, sampleSize: 6 });
    expect(metrics.betweenness.maxStandardError).toBeGreaterThan(0);
  });

  it('lists isolated stakeholders, components and degree leaders', () => {
    const county = aCounty();
    const metrics = show(networkMetricsOf(networkOf(snapshotOf(county)), { ...options, top: 2 }));
    const isolated = metrics.isolated.map((n) => n.id);
    expect(isolated).toEqual(expect.arrayContaining([county.villages.vD.id, county.townships.t1.id, county.townships.t2.id]));
    expect(isolated).not.toContain(county.villages.vB.id);
    // {vA … bureau, vB + liaison B through the BUILDING link}, {vC, liaison C, care, eldCare}, and three loners.
    expect(metrics.components).toEqual({ count: 5, largest: 10, sizes: [10, 4, 1, 1, 1] });
    expect(metrics.degree[0]?.node.id).toBe(county.organizations.station.id);
    expect(metrics.degree[0]?.degree).toBe(4);
    expect(metrics.nodesByKind).toEqual([
      { kind: 'organization', count: 4 },
      { kind: 'person', count: 3 },
      { kind: 'service', count: 4 },
      { kind: 'township', count: 2 },
      { kind: 'village', count: 4 },
    ]);
    expect(metrics.density).toBeCloseTo((2 * metrics.links) / (17 * 16), 12);
  });
});

describe('networkSummary', () => {
  it('gives the headline figures a what-if compares', () => {
    const summary = networkSummary(networkOf(snapshotOf(aCounty())).graph);
    expect(summary).toMatchObject({ nodes: 17, components: 5, largestComponent: 10, isolated: 3 });
    expect(summary.articulationPoints).toBeGreaterThanOrEqual(5);
  });
});
