import { linkWriteProblems, serviceWriteProblems, draftRecordId, draftRecords, issuesOfChange, linkChange, linkInput, linkProblems, organizationChange, organizationInput, serviceChange, serviceInput, serviceProblems, type ServiceValues } from './designerChanges';

const service: ServiceValues = { organizationId: 'org_plan-1', name: ' 居家养老（合成） ', categories: ['ELDERLY_CARE'], areaKind: 'TOWNSHIPS', areaTownshipIds: ['twp_a'], areaVillageIds: ['vil_x'], capacity: '', assumeActive: false };

describe('designer changes (issue 12 item 3)', () => {
  test('a prospective organisation: the mutation input and the what-if change', () => {
    const v = { name: ' 新机构 ', organizationKind: 'NGO' as const, townshipId: 'twp_a', villageId: '' };
    expect(organizationInput(v)).toEqual({ name: '新机构', kind: 'NGO', townshipId: 'twp_a', villageId: null });
    expect(organizationChange(v, 'org_plan-1')).toEqual({ kind: 'ADD_ORGANIZATION', id: 'org_plan-1', name: '新机构', organizationKind: 'NGO', townshipId: 'twp_a', villageId: null });
  });

  test('a service is always PLANNED, its area only carries the ids of its kind', () => {
    expect(serviceInput(service)).toEqual({ organizationId: 'org_plan-1', name: '居家养老（合成）', categories: ['ELDERLY_CARE'], area: { kind: 'TOWNSHIPS', townshipIds: ['twp_a'] }, capacity: null, status: 'PLANNED' });
    expect(serviceChange({ ...service, areaKind: 'COUNTY', capacity: '3' }, 'svc_plan-1')).toMatchObject({ kind: 'ADD_SERVICE', id: 'svc_plan-1', area: { kind: 'COUNTY' }, capacity: 3, serviceStatus: 'PLANNED' });
    expect(serviceProblems({ ...service, categories: [], capacity: '1.5', areaTownshipIds: [] })).toEqual({
      categories: 'networkMap.designer.chooseCategory',
      capacity: 'networkMap.designer.capacityWhole',
      areaTownshipIds: 'networkMap.designer.chooseTownship',
    });
    expect(serviceProblems(service)).toEqual({});
  });

  test('a link: BUILDING/PROSPECTIVE with optional dates; the same two ends or an end before the start are refused', () => {
    const v = { fromId: 'org_a', toId: 'org_b', type: 'PARTNER' as const, status: 'BUILDING' as const, since: '2027-01-01', until: '' };
    expect(linkInput(v)).toEqual({ fromId: 'org_a', toId: 'org_b', type: 'PARTNER', status: 'BUILDING', since: '2027-01-01', until: null });
    expect(linkChange(v, 'rel_plan-1')).toMatchObject({ kind: 'ADD_RELATIONSHIP', id: 'rel_plan-1', status: 'BUILDING' });
    expect(linkProblems({ ...v, toId: 'org_a', until: '2026-01-01' })).toEqual({ toId: 'networkMap.designer.sameEnds', until: 'networkMap.designer.untilBeforeSince' });
    expect(linkProblems(v)).toEqual({});
  });

  test("a plan may assume the service runs and the link is established; writing them now is refused beside the field", () => {
    expect(serviceChange({ ...service, assumeActive: true }, 'svc_plan-2')).toMatchObject({ serviceStatus: 'ACTIVE' });
    expect(serviceWriteProblems({ ...service, assumeActive: true })).toEqual({ assumeActive: 'networkMap.designer.assumptionNotWritten' });
    expect(serviceWriteProblems(service)).toEqual({});
    const link = { fromId: 'org_a', toId: 'org_b', type: 'PARTNER' as const, status: 'ESTABLISHED' as const, since: '2027-03-01', until: '' };
    expect(linkChange(link, 'rel_plan-2')).toMatchObject({ status: 'ESTABLISHED', since: '2027-03-01' });
    expect(linkWriteProblems(link)).toEqual({ status: 'networkMap.designer.establishedOnlyInPlan' });
    expect(linkWriteProblems({ ...link, status: 'PROSPECTIVE' })).toEqual({});
  });

  test('draft ids follow the API id pattern; draft records are listed for the pickers', () => {
    let n = 0;
    const id = draftRecordId('org', () => ((n += 1) % 16) / 16);
    expect(id).toBe('org_plan-12345678');
    expect(id).toMatch(/^[a-z]+_[A-Za-z0-9-]{1,64}$/);
    const records = draftRecords([organizationChange({ name: '甲', organizationKind: 'NGO', townshipId: '', villageId: '' }, 'org_plan-1'), serviceChange(service, 'svc_plan-1'), linkChange({ fromId: 'org_plan-1', toId: 'twp_a', type: 'PARTNER', status: 'BUILDING', since: '', until: '' }, 'rel_plan-1')]);
    expect(records).toEqual([
      { id: 'org_plan-1', kind: 'organization', label: '甲' },
      { id: 'svc_plan-1', kind: 'service', label: '居家养老（合成）' },
    ]);
  });

  test("whatIf's issues of the new change are re-rooted at input; others' are left out", () => {
    const issues = [
      { code: 'BAD_USER_INPUT', fieldPath: ['changes', 2, 'categories'] },
      { code: 'BAD_USER_INPUT', fieldPath: ['changes', 1, 'name'] },
      { code: 'BAD_USER_INPUT', fieldPath: ['changes'] },
    ];
    expect(issuesOfChange(issues, 2)).toEqual([{ code: 'BAD_USER_INPUT', fieldPath: ['input', 'categories'] }]);
  });
});
