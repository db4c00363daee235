import { buildStakeholderGraph } from '../../../src/graph/buildStakeholderGraph';
import { cutOffBy } from '../../../src/graph/cutOffBy';
import type { StakeholderGraph } from '../../../src/graph/StakeholderGraph';
import { anOrganization, aPerson, aRelationship, aService, aSnapshot, BEIJIE, JINYUAN, NANJIE, XIJIE } from '../../support/builders';

/**
 * 晋原's station is the only way from liaison L1 (南街, 西街) to any medical
 * service: L1 knows the station's social worker, the station partners with a
 * care organisation. Liaison L2 (北街) reaches another medical service through
 * a volunteer of its organisation, and knows L1 only through a BUILDING link.
 */
function network(): StakeholderGraph {
  return buildStakeholderGraph(
    aSnapshot({
      townships: [JINYUAN],
      villages: [NANJIE, XIJIE, BEIJIE],
      organizations: [
        anOrganization({ id: 'org_station' }),
        anOrganization({ id: 'org_care', kind: 'CARE_INSTITUTION' }),
        anOrganization({ id: 'org_clinic', kind: 'NGO' }),
      ],
      services: [
        aService({ id: 'svc_care', organizationId: 'org_care', categories: ['MEDICAL'] }),
        aService({ id: 'svc_clinic', organizationId: 'org_clinic', categories: ['MEDICAL'] }),
      ],
      people: [
        aPerson({ id: 'per_worker', roles: ['SOCIAL_WORKER'], organizationId: 'org_station' }),
        aPerson({ id: 'per_l1', villageIds: [NANJIE.id, XIJIE.id] }),
        aPerson({ id: 'per_l2', villageIds: [BEIJIE.id] }),
        aPerson({ id: 'per_volunteer', roles: ['VOLUNTEER'], organizationId: 'org_clinic' }),
      ],
      relationships: [
        aRelationship({ fromId: 'per_l1', toId: 'per_worker' }),
        aRelationship({ fromId: 'org_station', toId: 'org_care', type: 'PARTNER' }),
        aRelationship({ fromId: 'per_l2', toId: 'per_volunteer' }),
        aRelationship({ fromId: 'per_l1', toId: 'per_l2', status: 'BUILDING' }),
      ],
    }),
  );
}

const MEDICAL = { hubIds: ['svc_care', 'svc_clinic'] };

describe('cutOffBy', () => {
  it('lists what loses every path to the hubs when the only bridge goes', () => {
    expect(cutOffBy(network(), 'org_station', MEDICAL)).toEqual(['per_l1', 'per_worker', NANJIE.id, XIJIE.id].sort());
  });

  it('answers "which villages" once filtered by kind', () => {
    const graph = network();
    const villages = cutOffBy(graph, 'org_station', MEDICAL).filter((id) => graph.getNodeAttribute(id, 'kind') === 'village');
    expect(villages).toEqual([NANJIE.id, XIJIE.id]);
  });

  it('counts a BUILDING route around the gap when told to', () => {
    expect(cutOffBy(network(), 'org_station', { ...MEDICAL, statuses: ['ESTABLISHED', 'BUILDING'] })).toEqual([]);
  });

  it('cuts nothing off when the node is not a bridge', () => {
    expect(cutOffBy(network(), 'per_l2', { hubIds: ['svc_care'] })).toEqual([]);
  });

  it('cuts off everything that relied on a hub that is removed', () => {
    expect(cutOffBy(network(), 'svc_clinic', { hubIds: ['svc_clinic'] })).toEqual(
      ['org_clinic', 'per_l2', 'per_volunteer', BEIJIE.id].sort(),
    );
  });

  it('never counts a node that could not reach a hub in the first place', () => {
    expect(cutOffBy(network(), 'per_volunteer', { hubIds: ['svc_care'] })).toEqual([]);
  });

  it('rejects a hub that is not in the graph, and no hubs at all', () => {
    expect(() => cutOffBy(network(), 'org_station', { hubIds: ['svc_gone'] })).toThrow(/^graph\/cutOffBy: hub "svc_gone"/);
    expect(() => cutOffBy(network(), 'org_station', { hubIds: [] })).toThrow(/^graph\/cutOffBy: options.hubIds is empty/);
    expect(() => cutOffBy(network(), 'org_gone', MEDICAL)).toThrow(/^graph\/cutOffBy: nodeId "org_gone"/);
  });
});
