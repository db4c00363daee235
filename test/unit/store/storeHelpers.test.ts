import { isStakeholderId, readField, referenceKindMatches, referenceTargets, uniqueKeyValues } from '../../../src/store/storeHelpers';
import { aHousehold, aPerson, aReferral, aRelationship } from '../../support/builders';

describe('store helpers', () => {
  it('reads a dotted field, and undefined through a null step', () => {
    const loan = { creditOfficerId: 'per_1', amountYuan: 5000, purpose: 'PLANTING' as const, since: '2024-01-01' };
    expect(readField(aHousehold({ loan }), 'loan.creditOfficerId')).toBe('per_1');
    expect(readField(aHousehold({ loan: null }), 'loan.creditOfficerId')).toBeUndefined();
  });

  it('lists the references a record makes, with the path of each', () => {
    const loan = { creditOfficerId: 'per_officer', amountYuan: 5000, purpose: 'PLANTING' as const, since: '2024-01-01' };
    const household = aHousehold({ villageId: 'vil_1', loan });
    expect(referenceTargets('Household', household)).toEqual([
      { field: 'villageId', path: ['villageId'], id: 'vil_1', kind: 'Village' },
      { field: 'loan.creditOfficerId', path: ['loan', 'creditOfficerId'], id: 'per_officer', kind: 'Person' },
    ]);
  });

  it('gives one target per element of a list field, and none for a null field', () => {
    const person = aPerson({ villageIds: ['vil_a', 'vil_b'], townshipIds: [], organizationId: null });
    expect(referenceTargets('Person', person).map((t) => t.path)).toEqual([
      ['villageIds', 0],
      ['villageIds', 1],
    ]);
  });

  it("hands out fresh paths: changing one does not change the next call's", () => {
    const household = aHousehold({ villageId: 'vil_1' });
    referenceTargets('Household', household)[0]?.path.unshift(7);
    expect(referenceTargets('Household', household)[0]?.path).toEqual(['villageId']);
  });

  it("covers a referral's need, service, household and organisation", () => {
    expect(referenceTargets('Referral', aReferral()).map((t) => t.field)).toEqual(['needId', 'serviceId', 'householdId', 'organizationId']);
  });

  it('holds no unique key whose part is null', () => {
    expect(uniqueKeyValues('Household', aHousehold({ householdCode: null }))).toEqual([]);
    expect(uniqueKeyValues('Household', aHousehold({ householdCode: 'HH-1' }))).toEqual([{ key: 'householdCode', value: 'HH-1', path: ['householdCode'] }]);
  });

  it('joins compound key parts so that different splits never collide', () => {
    const a = uniqueKeyValues('Relationship', aRelationship({ fromId: 'per_a', toId: 'org_bc', type: 'KNOWS' }));
    const b = uniqueKeyValues('Relationship', aRelationship({ fromId: 'per_ab', toId: 'org_c', type: 'KNOWS' }));
    expect(a[0]?.value).not.toBe(b[0]?.value);
    expect(a[0]?.key).toBe('fromId+toId+type');
  });

  it('knows which kinds a relationship may connect', () => {
    expect(isStakeholderId('org_1')).toBe(true);
    expect(isStakeholderId('hh_1')).toBe(false);
    expect(isStakeholderId('nonsense')).toBe(false);
    expect(referenceKindMatches('Stakeholder', 'Village')).toBe(true);
    expect(referenceKindMatches('Village', 'Township')).toBe(false);
    expect(referenceKindMatches('Village', null)).toBe(false);
  });
});
