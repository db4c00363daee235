import { buildStakeholderGraph } from '../../../src/graph/buildStakeholderGraph';
import { householdTrustDistances } from '../../../src/graph/householdTrustCache';
import { trustDistancesFrom } from '../../../src/graph/trustDistancesFrom';
import type { TrustPathOptions } from '../../../src/graph/TrustPathTypes';
import { withHousehold, type OverlayHousehold } from '../../../src/graph/withHousehold';
import type { Household, Relationship } from '../../../src/domain/model';
import { aHousehold, anOrganization, aPerson, aRelationship, aService, aSnapshot, JINYUAN, NANJIE, nodesOf, XIJIE } from '../../support/builders';

const OFFICER = aPerson({ id: 'per_officer', name: '信贷员(合成)', roles: ['CREDIT_OFFICER'] });
const OTHER_OFFICER = aPerson({ id: 'per_officer2', name: '信贷员二(合成)', roles: ['CREDIT_OFFICER'] });

/** What these tests rely on, passed to the shared household builder: households of 南街社区 unless said otherwise. */
const IN_NANJIE = { villageId: NANJIE.id } satisfies Partial<Household>;

function loanOf(officerId: string, since = '2023-05-01'): OverlayHousehold['loan'] {
  return { creditOfficerId: officerId, amountYuan: 20000, purpose: 'LIVESTOCK', since };
}

/** Two villages, a station, two NGOs with services, two officers; BUILDING and PROSPECTIVE links mixed in. */
function network(extra: Relationship[] = []) {
  return buildStakeholderGraph(
    aSnapshot({
      townships: [JINYUAN],
      villages: [NANJIE, XIJIE],
      organizations: [anOrganization({ id: 'org_station' }), anOrganization({ id: 'org_care', kind: 'NGO' }), anOrganization({ id: 'org_far', kind: 'NGO' })],
      services: [aService({ id: 'svc_counselling', organizationId: 'org_care' }), aService({ id: 'svc_far', organizationId: 'org_far' })],
      people: [
        aPerson({ id: 'per_liaison', villageIds: [NANJIE.id] }),
        aPerson({ id: 'per_liaison2', villageIds: [XIJIE.id] }),
        aPerson({ id: 'per_worker', roles: ['SOCIAL_WORKER'], townshipIds: [JINYUAN.id], organizationId: 'org_station' }),
        OFFICER,
        OTHER_OFFICER,
      ],
      relationships: [
        aRelationship({ fromId: 'per_liaison', toId: 'per_worker' }),
        aRelationship({ fromId: 'per_liaison2', toId: 'per_worker', status: 'BUILDING' }),
        aRelationship({ fromId: 'org_station', toId: 'org_care', type: 'PARTNER' }),
        aRelationship({ fromId: 'org_care', toId: 'org_far', type: 'PARTNER', status: 'BUILDING' }),
        aRelationship({ fromId: OFFICER.id, toId: 'org_care', type: 'WORKS_WITH' }),
        aRelationship({ fromId: OTHER_OFFICER.id, toId: 'org_far', type: 'WORKS_WITH', status: 'PROSPECTIVE' }),
        ...extra,
      ],
    }),
  );
}

/** Every path and distance the cache gives for `household` equals a fresh search of its own overlay. */
function expectSameAsFreshSearch(graph: ReturnType<typeof network>, household: OverlayHousehold, options: TrustPathOptions = {}) {
  const cached = householdTrustDistances(graph, household, options);
  const fresh = trustDistancesFrom(withHousehold(graph, household), household.id, options);
  expect(cached.fromId).toBe(household.id);
  expect(new Map(cached.distances)).toEqual(new Map(fresh.distances));
  for (const id of [...graph.nodes(), household.id]) {
    expect(cached.pathTo(id)).toEqual(fresh.pathTo(id));
    expect(cached.distances.get(id)).toEqual(fresh.distances.get(id));
    expect(cached.distances.has(id)).toBe(fresh.distances.has(id));
  }
}

describe('householdTrustDistances', () => {
  it('gives a second household of the same village exactly what its own search gives, with its own id in the path', () => {
    const graph = network();
    householdTrustDistances(graph, aHousehold({ ...IN_NANJIE, id: 'hh_first' }));
    const second = aHousehold({ ...IN_NANJIE, id: 'hh_second' });
    expectSameAsFreshSearch(graph, second);
    const path = householdTrustDistances(graph, second).pathTo('svc_counselling');
    expect(nodesOf(path!)).toEqual(['hh_second', NANJIE.id, 'per_worker', 'org_station', 'org_care', 'svc_counselling']);
    expect(path!.steps[0]!.edgeKey).toBe(`hh_second|LIVES_IN|${NANJIE.id}`);
    // The first household's id is not a node of the second one's network.
    expect(householdTrustDistances(graph, second).pathTo('hh_first')).toBeNull();
    expect(householdTrustDistances(graph, second).distances.has('hh_first')).toBe(false);
  });

  it('keeps households with different villages or officers apart, and gives each its own loan date', () => {
    const graph = network();
    const households = [
      aHousehold({ ...IN_NANJIE, id: 'hh_a' }),
      aHousehold({ ...IN_NANJIE, id: 'hh_b', villageId: XIJIE.id }),
      aHousehold({ ...IN_NANJIE, id: 'hh_c', loan: loanOf(OFFICER.id) }),
      aHousehold({ ...IN_NANJIE, id: 'hh_d', loan: loanOf(OTHER_OFFICER.id) }),
      aHousehold({ ...IN_NANJIE, id: 'hh_e', loan: loanOf(OFFICER.id, '2024-01-01') }),
    ];
    // Prime the cache with each, then ask for a sibling of each: each sibling gets its own key's answer.
    for (const h of households) householdTrustDistances(graph, h);
    for (const h of households) expectSameAsFreshSearch(graph, { ...h, id: `${h.id}_sibling` });
    // A borrower of OFFICER reaches the NGO in 2 hops, the village household in 4: the keys really differ.
    expect(householdTrustDistances(graph, aHousehold({ ...IN_NANJIE, id: 'hh_c2', loan: loanOf(OFFICER.id) })).distances.get('org_care')?.hops).toBe(2);
    expect(householdTrustDistances(graph, aHousehold({ ...IN_NANJIE, id: 'hh_a2' })).distances.get('org_care')?.hops).toBe(4);
    expect(householdTrustDistances(graph, aHousehold({ ...IN_NANJIE, id: 'hh_e2', loan: loanOf(OFFICER.id, '2024-01-01') })).pathTo('org_care')!.steps[0]!.since).toBe('2024-01-01');
  });

  it('keys on the search options (exclusions, BUILDING rules)', () => {
    const graph = network();
    householdTrustDistances(graph, aHousehold({ ...IN_NANJIE, id: 'hh_1' }));
    expectSameAsFreshSearch(graph, aHousehold({ ...IN_NANJIE, id: 'hh_2' }), { excludeNodeIds: ['org_station'] });
    expectSameAsFreshSearch(graph, aHousehold({ ...IN_NANJIE, id: 'hh_3' }), { allowBuilding: false });
    expectSameAsFreshSearch(graph, aHousehold({ ...IN_NANJIE, id: 'hh_4' }), { buildingPenalty: 0 });
    expect(householdTrustDistances(graph, aHousehold({ ...IN_NANJIE, id: 'hh_5' }), { excludeNodeIds: ['org_station'] }).pathTo('svc_counselling')).toBeNull();
    // The household's own id excluded: nothing is reachable, for it and for a sibling asking the same.
    expect(householdTrustDistances(graph, aHousehold({ ...IN_NANJIE, id: 'hh_6' }), { excludeNodeIds: ['hh_6'] }).distances.size).toBe(0);
    expectSameAsFreshSearch(graph, aHousehold({ ...IN_NANJIE, id: 'hh_7' }), { excludeNodeIds: ['hh_7'] });
  });

  it('never serves a search made on another network', () => {
    const before = network();
    expect(householdTrustDistances(before, aHousehold({ ...IN_NANJIE, id: 'hh_1' })).pathTo('svc_far')!.weakestStatus).toBe('BUILDING');
    const after = network([aRelationship({ fromId: 'per_liaison', toId: 'org_far', type: 'WORKS_WITH' })]);
    const path = householdTrustDistances(after, aHousehold({ ...IN_NANJIE, id: 'hh_2' })).pathTo('svc_far');
    expect(nodesOf(path!)).toEqual(['hh_2', NANJIE.id, 'per_liaison', 'org_far', 'svc_far']);
    expectSameAsFreshSearch(after, aHousehold({ ...IN_NANJIE, id: 'hh_3' }));
  });
});
