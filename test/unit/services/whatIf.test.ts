import { HuzhuError } from '../../../src/errors/HuzhuError';
import { buildStakeholderGraph, type NetworkSnapshot } from '../../../src/graph';
import { applyWhatIf } from '../../../src/services/coverage/applyWhatIf';
import { compareScenarios } from '../../../src/services/coverage/compareScenarios';
import { suppressSmallCells } from '../../../src/services/coverage/suppressSmallCells';
import { parseWhatIfChanges } from '../../../src/services/coverage/WhatIfChange';
import { CATEGORIES, aCounty, networkOf, snapshotOf } from './coverageCounty';

/** Runs a scenario on the hand-made county, as the whatIf service does minus the store. */
function whatIfOn(today: NetworkSnapshot, rawChanges: unknown[]) {
  const scenario = applyWhatIf(today, parseWhatIfChanges(rawChanges), CATEGORIES);
  const result = compareScenarios({
    networkVersion: 1,
    today: networkOf(today),
    scenario: { snapshot: scenario.snapshot, graph: buildStakeholderGraph(scenario.snapshot) },
    changes: scenario.applied,
    categories: CATEGORIES,
    maxDistanceKm: 30,
    mostVulnerable: { ranked: 20, supported: 0, unsupported: [] },
  });
  return suppressSmallCells(result, { suppress: false });
}

function errorOf(run: () => unknown): HuzhuError {
  try {
    run();
  } catch (error) {
    if (error instanceof HuzhuError) return error;
    throw error;
  }
  throw new Error('expected a HuzhuError');
}

describe('whatIf', () => {
  it('closes the gap a new service fills, naming the villages it would cover', () => {
    const county = aCounty();
    const result = whatIfOn(snapshotOf(county), [
      { kind: 'ADD_SERVICE', organizationId: county.organizations.care.id, categories: ['MEDICAL'], area: { kind: 'TOWNSHIPS', townshipIds: [county.townships.t2.id] } },
    ]);
    expect(result.byCategory).toEqual([
      expect.objectContaining({
        category: 'MEDICAL',
        villagesBefore: 1,
        villagesAfter: 2,
        householdsBefore: 12,
        householdsAfter: 32,
        householdsNewlyCovered: 20,
        newlyCovered: [expect.objectContaining({ villageId: county.villages.vC.id, villageName: '丙村', households: 20 })],
        noLongerCovered: [],
      }),
    ]);
    expect(result.gapsClosed.map((g) => [g.villageId, g.category, g.kind])).toEqual([[county.villages.vC.id, 'MEDICAL', 'NO_SERVICE']]);
    expect(result.gapsOpened).toEqual([]);
    expect(result.changes).toEqual([expect.stringMatching(/^added ACTIVE service .* \(svc_whatif-1\) offering MEDICAL, serving T2 \(synthetic\)$/)]);
  });

  it('brings a village into coverage when its BUILDING link becomes ESTABLISHED', () => {
    const county = aCounty();
    const result = whatIfOn(snapshotOf(county), [
      { kind: 'SET_RELATIONSHIP_STATUS', fromId: county.organizations.station.id, toId: county.people.liaisonB.id, type: 'KNOWS', status: 'ESTABLISHED' },
    ]);
    expect(result.newlyCoveredVillages.map((v) => v.villageId)).toEqual([county.villages.vB.id]);
    expect(result.gapsClosed.map((g) => g.category)).toEqual(['MEDICAL', 'ELDERLY_CARE']);
    expect(result.before.villagesCovered).toBe(2);
    expect(result.after.villagesCovered).toBe(3);
    expect(result.after.targets.find((t) => t.key === 'FAMILIES_COVERED')?.current).toBe(40);
    expect(result.changes[0]).toContain('BUILDING → ESTABLISHED');
  });

  it('finds a relationship by its id as well', () => {
    const county = aCounty();
    const result = whatIfOn(snapshotOf(county), [{ kind: 'SET_RELATIONSHIP_STATUS', relationshipId: county.relationships.bKnowsStation.id, status: 'ESTABLISHED' }]);
    expect(result.newlyCoveredVillages.map((v) => v.villageId)).toEqual([county.villages.vB.id]);
  });

  it('opens gaps when a stakeholder leaves, and takes its services with it', () => {
    const county = aCounty();
    const result = whatIfOn(snapshotOf(county), [{ kind: 'REMOVE_STAKEHOLDER', stakeholderId: county.organizations.care.id }]);
    expect(result.noLongerCoveredVillages.map((v) => v.villageId)).toEqual([county.villages.vC.id]);
    expect(result.gapsOpened.map((g) => [g.villageId, g.category, g.kind, g.cause])).toEqual([
      [county.villages.vC.id, 'ELDERLY_CARE', 'NO_SERVICE', 'OUTSIDE_SERVICE_AREA'],
    ]);
    expect(result.gapsClosed.map((g) => [g.villageId, g.category, g.kind])).toEqual([[county.villages.vC.id, 'ELDERLY_CARE', 'AT_CAPACITY']]);
    expect(result.changes[0]).toMatch(/^removed care home \(synthetic\) \(org_.*\) with its 1 service\(s\) and 1 relationship\(s\)$/);
    expect(result.after.network.nodes).toBe(result.before.network.nodes - 2);
  });

  it('closes an AT_CAPACITY gap when the capacity is raised, without changing coverage', () => {
    const county = aCounty();
    const result = whatIfOn(snapshotOf(county), [{ kind: 'SET_SERVICE_CAPACITY', serviceId: county.services.eldCare.id, capacity: 5 }]);
    expect(result.gapsClosed.map((g) => [g.villageId, g.kind])).toEqual([[county.villages.vC.id, 'AT_CAPACITY']]);
    expect(result.byCategory).toEqual([]);
    expect(result.changes).toEqual(['capacity of care home places (synthetic): 2 → 5 (2 referral(s) running)']);
  });

  it('covers nobody with a prospective organisation until a relationship links it', () => {
    const county = aCounty();
    const newOrg = [
      { kind: 'ADD_ORGANIZATION', id: 'org_camp', name: 'nature camp (synthetic)', organizationKind: 'ENTERPRISE', townshipId: county.townships.t2.id },
      { kind: 'ADD_SERVICE', organizationId: 'org_camp', categories: ['EDUCATION'], area: { kind: 'TOWNSHIPS', townshipIds: [county.townships.t2.id] } },
    ];
    expect(whatIfOn(snapshotOf(county), newOrg).byCategory).toEqual([]);

    const linked = whatIfOn(snapshotOf(county), [...newOrg, { kind: 'ADD_RELATIONSHIP', fromId: 'org_camp', toId: county.villages.vD.id, type: 'SERVES' }]);
    expect(linked.byCategory.map((c) => [c.category, c.newlyCovered.map((v) => v.villageName)])).toEqual([['EDUCATION', ['丁村']]]);
    // A service reaching 丁村 does not make it a covered village: that takes an ESTABLISHED liaison or volunteer.
    expect(linked.newlyCoveredVillages).toEqual([]);
  });

  it('covers a village one liaison away once its liaison\'s tie is ESTABLISHED', () => {
    const county = aCounty();
    const result = whatIfOn(snapshotOf(county), [{ kind: 'SET_RELATIONSHIP_STATUS', relationshipId: county.relationships.bKnowsStation.id, status: 'ESTABLISHED' }]);
    expect(result.newlyCoveredVillages.map((v) => v.villageName)).toEqual(['乙村']);
    expect(result.after.villagesCovered).toBe(result.before.villagesCovered + 1);
  });

  it('brings a PLANNED service in by setting it ACTIVE', () => {
    const county = aCounty();
    const result = whatIfOn(snapshotOf(county), [{ kind: 'SET_SERVICE_STATUS', serviceId: county.services.eduPlanned.id, serviceStatus: 'ACTIVE' }]);
    expect(result.byCategory.map((c) => [c.category, c.newlyCovered.map((v) => v.villageId)])).toEqual([['EDUCATION', [county.villages.vA.id]]]);
    expect(result.after.villagesFullyCovered).toBe(1);
  });

  it('never modifies the snapshot it starts from', () => {
    const county = aCounty();
    const today = deepFreeze(snapshotOf(county));
    const copy = JSON.stringify({ ...today, householdsByVillage: [...today.householdsByVillage] });
    applyWhatIf(
      today,
      parseWhatIfChanges([
        { kind: 'SET_SERVICE_CAPACITY', serviceId: county.services.eldCare.id, capacity: 9 },
        { kind: 'SET_RELATIONSHIP_STATUS', relationshipId: county.relationships.bKnowsStation.id, status: 'ESTABLISHED' },
        { kind: 'REMOVE_STAKEHOLDER', stakeholderId: county.organizations.hub.id },
      ]),
      CATEGORIES,
    );
    expect(JSON.stringify({ ...today, householdsByVillage: [...today.householdsByVillage] })).toBe(copy);
  });
});

describe('whatIf input', () => {
  it('names the path of a malformed field: ["changes", 1, "serviceId"]', () => {
    const error = errorOf(() =>
      parseWhatIfChanges([
        { kind: 'SET_SERVICE_STATUS', serviceId: 'svc_1', serviceStatus: 'ACTIVE' },
        { kind: 'SET_SERVICE_CAPACITY', serviceId: 'org_not-a-service', capacity: 3 },
      ]),
    );
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', path: ['changes', 1, 'serviceId'] });
  });

  it('refuses a field that belongs to another kind of change, but takes it null', () => {
    const error = errorOf(() => parseWhatIfChanges([{ kind: 'SET_SERVICE_CAPACITY', serviceId: 'svc_1', capacity: 3, stakeholderId: 'per_1' }]));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', path: ['changes', 0, 'stakeholderId'] });
    expect(error.message).toContain('a SET_SERVICE_CAPACITY change does not take stakeholderId');
    expect(parseWhatIfChanges([{ kind: 'SET_SERVICE_CAPACITY', serviceId: 'svc_1', capacity: null, stakeholderId: null }])).toEqual([
      { kind: 'SET_SERVICE_CAPACITY', serviceId: 'svc_1', capacity: null },
    ]);
  });

  it('asks for a relationship by id or by both ends and type', () => {
    const error = errorOf(() => parseWhatIfChanges([{ kind: 'SET_RELATIONSHIP_STATUS', fromId: 'per_1', status: 'ESTABLISHED' }]));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', path: ['changes', 0, 'toId'] });
  });

  it('refuses to remove a place', () => {
    const error = errorOf(() => parseWhatIfChanges([{ kind: 'REMOVE_STAKEHOLDER', stakeholderId: 'vil_510129001001' }]));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', path: ['changes', 0, 'stakeholderId'] });
  });

  it('wants at least one change', () => {
    expect(errorOf(() => parseWhatIfChanges([]))).toMatchObject({ code: 'BAD_USER_INPUT', path: ['changes'] });
  });

  it('reports an id the network does not hold as NOT_FOUND at its path', () => {
    const county = aCounty();
    const error = errorOf(() =>
      applyWhatIf(snapshotOf(county), parseWhatIfChanges([{ kind: 'SET_SERVICE_CAPACITY', serviceId: 'svc_ghost', capacity: 1 }]), CATEGORIES),
    );
    expect(error).toMatchObject({ code: 'NOT_FOUND', path: ['changes', 0, 'serviceId'] });
  });

  it('lets a later change use what an earlier one added, but not the other way round', () => {
    const county = aCounty();
    const service = { kind: 'ADD_SERVICE', organizationId: 'org_camp', categories: ['EDUCATION'], area: { kind: 'COUNTY' } };
    const org = { kind: 'ADD_ORGANIZATION', id: 'org_camp', name: 'camp (synthetic)' };
    expect(() => applyWhatIf(snapshotOf(county), parseWhatIfChanges([org, service]), CATEGORIES)).not.toThrow();
    expect(errorOf(() => applyWhatIf(snapshotOf(county), parseWhatIfChanges([service, org]), CATEGORIES))).toMatchObject({
      code: 'NOT_FOUND',
      path: ['changes', 0, 'organizationId'],
    });
  });

  it('refuses an unknown category at its index', () => {
    const county = aCounty();
    const change = { kind: 'ADD_SERVICE', organizationId: county.organizations.care.id, categories: ['MEDICAL', 'ASTROLOGY'], area: { kind: 'COUNTY' } };
    expect(errorOf(() => applyWhatIf(snapshotOf(county), parseWhatIfChanges([change]), CATEGORIES))).toMatchObject({
      code: 'BAD_USER_INPUT',
      path: ['changes', 0, 'categories', 1],
    });
  });

  it('refuses a new id that is taken, and a link that already exists', () => {
    const county = aCounty();
    const taken = { kind: 'ADD_ORGANIZATION', id: county.organizations.hub.id, name: 'again' };
    expect(errorOf(() => applyWhatIf(snapshotOf(county), parseWhatIfChanges([taken]), CATEGORIES))).toMatchObject({ code: 'BAD_USER_INPUT', path: ['changes', 0, 'id'] });
    const again = { kind: 'ADD_RELATIONSHIP', fromId: county.organizations.hub.id, toId: county.organizations.station.id, type: 'PARTNER' };
    const error = errorOf(() => applyWhatIf(snapshotOf(county), parseWhatIfChanges([again]), CATEGORIES));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', path: ['changes', 0, 'type'] });
    expect(error.message).toContain('use SET_RELATIONSHIP_STATUS');
  });
});

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of value instanceof Map ? value.values() : Object.values(value)) deepFreeze(v);
  }
  return value;
}
