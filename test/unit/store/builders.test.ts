import { AccountRecord } from '../../../src/domain/Account';
import { AlertRecord } from '../../../src/domain/Alert';
import { ENTITY_SCHEMAS, Category } from '../../../src/domain/model';
import { PlanRecord } from '../../../src/domain/Plan';
import { WaitlistEntry } from '../../../src/domain/WaitlistEntry';
import { vulnerabilityScore } from '../../../src/domain/vulnerabilityIndex';
import {
  aConsent,
  aHousehold,
  aNeed,
  aPerson,
  aReferral,
  aRelationship,
  aService,
  aTownship,
  aVillage,
  anAssistance,
  anAuditEvent,
  anOrganization,
  anAccount,
  anAlert,
  aPlan,
  aWaitlistEntry,
  smallNetwork,
} from '../../support/builders';

describe('test builders', () => {
  it.each([
    ['Township', aTownship],
    ['Village', aVillage],
    ['Household', aHousehold],
    ['Need', aNeed],
    ['Person', aPerson],
    ['Organization', anOrganization],
    ['Service', aService],
    ['Relationship', aRelationship],
    ['Referral', aReferral],
    ['Assistance', anAssistance],
    ['Consent', aConsent],
    ['AuditEvent', anAuditEvent],
  ] as const)('a default %s passes its schema', (kind, build) => {
    expect(ENTITY_SCHEMAS[kind].safeParse(build()).error).toBeUndefined();
  });

  it.each([
    ['AccountRecord', AccountRecord, anAccount],
    ['AlertRecord', AlertRecord, anAlert],
    ['PlanRecord', PlanRecord, aPlan],
    ['WaitlistEntry', WaitlistEntry, () => aWaitlistEntry(aNeed(), aHousehold(), aService().id)],
  ] as const)('a default %s passes its schema', (_name, schema, build) => {
    expect(schema.safeParse(build()).error).toBeUndefined();
  });

  it('gives every call a fresh id and code', () => {
    expect(aTownship().id).not.toBe(aTownship().id);
    expect(aVillage().code).not.toBe(aVillage().code);
    expect(aHousehold().id).not.toBe(aHousehold().id);
  });

  it('computes a household score from its markers, grade and members', () => {
    const household = aHousehold({ markers: ['DISABILITY_CERTIFICATE', 'DIBAO'], disabilityGrade: 1, size: 5 });
    expect(household.vulnerabilityScore).toBe(vulnerabilityScore(household));
    expect(household.vulnerabilityScore).toBeGreaterThan(0);
    expect(ENTITY_SCHEMAS.Household.safeParse(household).error).toBeUndefined();
  });

  it('gives a disability marker a grade unless one is given', () => {
    expect(aHousehold({ markers: ['DISABILITY_CERTIFICATE'] }).disabilityGrade).toBe(2);
    expect(aHousehold({ markers: [] }).disabilityGrade).toBeNull();
  });

  it('builds a small network whose every record passes its schema and is marked synthetic where it can be', () => {
    const net = smallNetwork();
    const rows: Array<[keyof typeof ENTITY_SCHEMAS, unknown[]]> = [
      ['Township', net.townships],
      ['Village', net.villages],
      ['Organization', net.organizations],
      ['Person', net.people],
      ['Service', net.services],
      ['Relationship', net.relationships],
      ['Household', net.households],
      ['Need', net.needs],
    ];
    for (const [kind, records] of rows) {
      for (const record of records) expect(ENTITY_SCHEMAS[kind].safeParse(record).error).toBeUndefined();
    }
    for (const category of net.categories) expect(Category.safeParse(category).error).toBeUndefined();
    expect([...net.organizations, ...net.people, ...net.services, ...net.needs].every((r) => r.synthetic)).toBe(true);
  });

  it('builds a small network whose references all point inside it', () => {
    const net = smallNetwork();
    const ids = new Set([...net.townships, ...net.villages, ...net.organizations, ...net.people, ...net.services, ...net.households].map((r) => r.id));
    const references = [
      ...net.villages.map((v) => v.townshipId),
      ...net.households.flatMap((h) => [h.villageId, ...(h.loan ? [h.loan.creditOfficerId] : [])]),
      ...net.needs.map((n) => n.householdId),
      ...net.services.map((s) => s.organizationId),
      ...net.people.flatMap((p) => [...p.villageIds, ...p.townshipIds, ...(p.organizationId ? [p.organizationId] : [])]),
      ...net.relationships.flatMap((r) => [r.fromId, r.toId]),
    ];
    expect(references.filter((id) => !ids.has(id))).toEqual([]);
  });
});
