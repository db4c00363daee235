import { buildStakeholderGraph } from '../../../src/graph/buildStakeholderGraph';
import { isolatedStakeholders } from '../../../src/graph/isolatedStakeholders';
import { anOrganization, aPerson, aRelationship, aSnapshot, JINYUAN, NANJIE, XIJIE } from '../../support/builders';

describe('isolatedStakeholders', () => {
  const graph = buildStakeholderGraph(
    aSnapshot({
      townships: [JINYUAN],
      villages: [NANJIE, XIJIE],
      organizations: [anOrganization({ id: 'org_future', kind: 'ENTERPRISE' })],
      people: [aPerson({ id: 'per_1', villageIds: [NANJIE.id] })],
      relationships: [aRelationship({ fromId: 'per_1', toId: 'org_future', status: 'PROSPECTIVE' })],
    }),
  );

  it('lists the villages nobody serves and the stakeholders only prospectively linked', () => {
    expect(isolatedStakeholders(graph)).toEqual(['org_future', JINYUAN.id, XIJIE.id].sort());
  });

  it('does not count geography as a link unless asked to', () => {
    expect(isolatedStakeholders(graph, { traversableOnly: false })).toEqual(['org_future']);
  });
});
