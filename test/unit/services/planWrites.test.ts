import { HuzhuError } from '../../../src/errors/HuzhuError';
import type { NetworkSnapshot } from '../../../src/graph';
import { parseWhatIfChanges } from '../../../src/services/coverage/WhatIfChange';
import { planWrites } from '../../../src/services/plans/planWrites';
import { aPlan, smallNetwork } from '../../support/builders';

/** What applying a plan writes (services/plans/planWrites): whatIf's scenario diffed against today, made real. */
describe('planWrites', () => {
  const NOW = '2026-12-01T10:00:00.000Z';
  const net = smallNetwork();
  const today: NetworkSnapshot = {
    townships: net.townships,
    villages: net.villages,
    people: net.people,
    organizations: net.organizations,
    services: net.services,
    relationships: net.relationships,
    householdsByVillage: new Map(),
  };
  const [station, ngo] = net.organizations;
  const writesOf = (changes: unknown[]) => {
    const plan = aPlan({ name: '测试方案（合成）', changes: changes as never });
    return { plan, key: plan.id.slice('plan_'.length), writes: planWrites(today, plan, parseWhatIfChanges(changes), net.categories, NOW) };
  };

  it('creates the records a plan adds, with ids derived from the plan, and points later changes at them', () => {
    const { key, writes } = writesOf([
      { kind: 'ADD_ORGANIZATION', name: '设想组织（合成）', townshipId: net.townships[0].id },
      { kind: 'ADD_SERVICE', organizationId: 'org_whatif-1', categories: ['ELDERLY_CARE'], area: { kind: 'COUNTY' } },
      { kind: 'ADD_RELATIONSHIP', fromId: 'org_whatif-1', toId: ngo.id, type: 'PARTNER', status: 'BUILDING', since: '2027-01-01' },
      { kind: 'ADD_ORGANIZATION', id: 'org_named-synthetic', name: '自定编号（合成）' },
    ]);
    expect(writes.map((w) => [w.op, w.kind, w.entity.id])).toEqual([
      ['create', 'Organization', `org_${key}-1`],
      ['create', 'Organization', 'org_named-synthetic'],
      ['create', 'Service', `svc_${key}-2`],
      ['create', 'Relationship', `rel_${key}-3`],
    ]);
    const [organization, , service, link] = writes.map((w) => w.entity) as [Record<string, unknown>, unknown, Record<string, unknown>, Record<string, unknown>];
    expect(organization).toMatchObject({ synthetic: false, townshipId: net.townships[0].id });
    expect(organization['description']).toContain('测试方案（合成）');
    expect(service).toMatchObject({ organizationId: `org_${key}-1`, name: '设想组织（合成）：ELDERLY_CARE', synthetic: false, status: 'ACTIVE' });
    expect(link).toMatchObject({ fromId: `org_${key}-1`, toId: ngo.id, status: 'BUILDING', since: '2027-01-01', until: null, createdAt: NOW, updatedAt: NOW });
  });

  it('updates the records a plan changes, after the creations', () => {
    const [, , building] = net.relationships;
    const { writes } = writesOf([
      { kind: 'SET_RELATIONSHIP_STATUS', relationshipId: building.id, status: 'ESTABLISHED' },
      { kind: 'SET_SERVICE_CAPACITY', serviceId: net.services[0].id, capacity: 9 },
      { kind: 'SET_SERVICE_STATUS', serviceId: net.services[2].id, serviceStatus: 'ACTIVE' },
      { kind: 'ADD_RELATIONSHIP', fromId: station.id, toId: net.townships[0].id, type: 'SERVES' },
    ]);
    expect(writes.map((w) => [w.op, w.kind, w.entity.id])).toEqual([
      ['create', 'Relationship', expect.stringMatching(/^rel_/)],
      ['update', 'Service', net.services[0].id],
      ['update', 'Service', net.services[2].id],
      ['update', 'Relationship', building.id],
    ]);
    expect(writes[1]?.entity).toEqual({ ...net.services[0], capacity: 9 });
    expect(writes[2]?.entity).toEqual({ ...net.services[2], status: 'ACTIVE' });
    expect(writes[3]?.entity).toEqual({ ...building, status: 'ESTABLISHED', updatedAt: NOW });
  });

  it('refuses a removal, at the change, before anything is computed', () => {
    let error: unknown;
    try {
      writesOf([{ kind: 'ADD_ORGANIZATION', name: '设想组织（合成）' }, { kind: 'REMOVE_STAKEHOLDER', stakeholderId: ngo.id }]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(HuzhuError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', path: ['changes', 1, 'kind'] });
  });

  it('reports a change naming a record that is not there, at the change (as whatIf does)', () => {
    expect(() => writesOf([{ kind: 'SET_SERVICE_STATUS', serviceId: 'svc_nowhere-synthetic', serviceStatus: 'ACTIVE' }])).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', path: ['changes', 0, 'serviceId'] }),
    );
  });
});
