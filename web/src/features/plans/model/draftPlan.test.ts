import type { WhatIfChange } from '@/gql/graphql';
import { addChange, changeFromSaved, describeChange, draftFromSaved, EMPTY_DRAFT, removeChange } from './draftPlan';

// Synthetic plan (made up for the test): an organisation, its service, its link, and an unrelated link.
const org: WhatIfChange = { kind: 'ADD_ORGANIZATION', id: 'org_plan-1', name: '合成机构', organizationKind: 'NGO' };
const svc: WhatIfChange = { kind: 'ADD_SERVICE', id: 'svc_plan-1', organizationId: 'org_plan-1', name: '合成服务', categories: ['ELDERLY_CARE'], area: { kind: 'COUNTY' }, serviceStatus: 'PLANNED' };
const link: WhatIfChange = { kind: 'ADD_RELATIONSHIP', id: 'rel_plan-1', fromId: 'org_plan-1', toId: 'twp_a', type: 'PARTNER', status: 'BUILDING' };
const other: WhatIfChange = { kind: 'ADD_RELATIONSHIP', id: 'rel_plan-2', fromId: 'org_a', toId: 'twp_a', type: 'PARTNER', status: 'PROSPECTIVE' };

describe('draft plan (issue 12 item 3)', () => {
  test('changes are kept in order; removing an organisation removes the changes that name it', () => {
    const draft = [org, svc, link, other].reduce(addChange, EMPTY_DRAFT);
    expect(draft.changes).toHaveLength(4);
    expect(removeChange(draft, 0).changes).toEqual([other]);
    expect(removeChange(draft, 2).changes).toEqual([org, svc, other]);
    expect(removeChange(draft, 9)).toBe(draft);
  });

  test('a saved change (every field, nulls for other kinds) becomes a what-if change again', () => {
    const saved = { kind: 'ADD_SERVICE' as const, id: 'svc_plan-1', name: '合成服务', organizationId: 'org_plan-1', fromId: null, toId: null, location: null, categories: ['ELDERLY_CARE'], area: { kind: 'TOWNSHIPS', townshipIds: ['twp_a'], villageIds: null, km: null }, serviceStatus: 'PLANNED', since: null };
    expect(changeFromSaved(saved)).toEqual({ kind: 'ADD_SERVICE', id: 'svc_plan-1', name: '合成服务', organizationId: 'org_plan-1', categories: ['ELDERLY_CARE'], area: { kind: 'TOWNSHIPS', townshipIds: ['twp_a'] }, serviceStatus: 'PLANNED' });
    expect(draftFromSaved({ id: 'plan_1', name: 'A', note: null, changes: [saved] })).toMatchObject({ id: 'plan_1', name: 'A', note: '', changes: [{ kind: 'ADD_SERVICE' }] });
  });

  test('each change is described with the names of the records it names', () => {
    const names = new Map([['org_plan-1', '合成机构'], ['twp_a', '甲镇']]);
    expect(describeChange(link, (id) => names.get(id) ?? id)).toEqual({ kind: 'ADD_RELATIONSHIP', values: { from: '合成机构', to: '甲镇', status: 'BUILDING' } });
    expect(describeChange(svc, (id) => names.get(id) ?? id)).toEqual({ kind: 'ADD_SERVICE', values: { name: '合成服务', organization: '合成机构' } });
  });
});
