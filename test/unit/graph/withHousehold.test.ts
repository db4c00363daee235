import type { Household } from '../../../src/domain/model';
import { buildStakeholderGraph } from '../../../src/graph/buildStakeholderGraph';
import { trustPath } from '../../../src/graph/trustPath';
import { trustDistancesFrom } from '../../../src/graph/trustDistancesFrom';
import { withHousehold } from '../../../src/graph/withHousehold';
import { aHousehold, anOrganization, aPerson, aRelationship, aService, aSnapshot, JINYUAN, NANJIE, nodesOf, XIJIE } from '../../support/builders';

/** What these tests rely on, passed to the shared household builder: hh_1 of 南街社区. */
const HOUSEHOLD = { id: 'hh_1', villageId: NANJIE.id } satisfies Partial<Household>;

const OFFICER = aPerson({ id: 'per_officer', name: '信贷员(合成)', roles: ['CREDIT_OFFICER'] });
const LOAN = { creditOfficerId: OFFICER.id, amountYuan: 20000, purpose: 'LIVESTOCK' as const, since: '2023-05-01' };

/**
 * 南街社区 has a liaison who knows the 晋原 social worker at the station, which
 * partners with the counselling organisation. A credit officer knows the
 * counselling organisation directly.
 */
function network() {
  return buildStakeholderGraph(
    aSnapshot({
      townships: [JINYUAN],
      villages: [NANJIE, XIJIE],
      organizations: [anOrganization({ id: 'org_station' }), anOrganization({ id: 'org_care', kind: 'NGO' })],
      services: [aService({ id: 'svc_counselling', organizationId: 'org_care' })],
      people: [
        aPerson({ id: 'per_liaison', villageIds: [NANJIE.id] }),
        aPerson({ id: 'per_worker', roles: ['SOCIAL_WORKER'], townshipIds: [JINYUAN.id], organizationId: 'org_station' }),
        OFFICER,
      ],
      relationships: [
        aRelationship({ fromId: 'per_liaison', toId: 'per_worker' }),
        aRelationship({ fromId: 'org_station', toId: 'org_care', type: 'PARTNER' }),
        aRelationship({ fromId: OFFICER.id, toId: 'org_care', type: 'WORKS_WITH' }),
      ],
    }),
  );
}

describe('withHousehold', () => {
  it('links the household to its village, so a referral starts with its community', () => {
    const overlay = withHousehold(network(), aHousehold(HOUSEHOLD));
    expect(nodesOf(trustPath(overlay, 'hh_1', 'svc_counselling')!)).toEqual([
      'hh_1',
      NANJIE.id,
      'per_worker',
      'org_station',
      'org_care',
      'svc_counselling',
    ]);
  });

  it('links a borrowing household to its credit officer, who may offer the shorter path', () => {
    const path = trustPath(withHousehold(network(), aHousehold({ ...HOUSEHOLD, loan: LOAN })), 'hh_1', 'svc_counselling');
    expect(nodesOf(path!)).toEqual(['hh_1', OFFICER.id, 'org_care', 'svc_counselling']);
    expect(path!.steps[0]).toMatchObject({ type: 'LOAN', status: 'ESTABLISHED', since: '2023-05-01' });
  });

  it('reaches the household from the network side too', () => {
    const overlay = withHousehold(network(), aHousehold(HOUSEHOLD));
    expect(trustDistancesFrom(overlay, 'per_liaison').distances.get('hh_1')).toEqual({ cost: 2, hops: 2, weakestStatus: 'ESTABLISHED' });
  });

  it('leaves the shared graph untouched', () => {
    const graph = network();
    const before = { order: graph.order, size: graph.size };
    withHousehold(graph, aHousehold({ ...HOUSEHOLD, loan: LOAN }));
    expect({ order: graph.order, size: graph.size }).toEqual(before);
    expect(graph.hasNode('hh_1')).toBe(false);
  });

  it('puts nothing personal on the household node', () => {
    expect(withHousehold(network(), aHousehold(HOUSEHOLD)).household).toEqual({
      kind: 'household',
      label: 'hh_1',
      townshipId: JINYUAN.id,
      synthetic: true,
      villageId: NANJIE.id,
    });
  });

  it('rejects a household whose village is not in the graph', () => {
    expect(() => withHousehold(network(), aHousehold({ ...HOUSEHOLD, villageId: 'vil_510129001099' }))).toThrow(
      /^graph\/withHousehold: household hh_1 lives in vil_510129001099/,
    );
  });

  it('rejects a loan whose credit officer is not in the graph', () => {
    expect(() => withHousehold(network(), aHousehold({ ...HOUSEHOLD, loan: { ...LOAN, creditOfficerId: 'per_gone' } }))).toThrow(
      /^graph\/withHousehold: the credit officer per_gone/,
    );
  });
});
