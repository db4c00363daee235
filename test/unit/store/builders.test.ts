import { AccountRecord } from '../../../src/domain/Account';
import { AlertRecord } from '../../../src/domain/Alert';
import { ENTITY_SCHEMAS, Category, Eligibility, GeoPoint } from '../../../src/domain/model';
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
  aCategory,
  anAccount,
  anAlert,
  anEligibility,
  aReferralFor,
  BEIJIE,
  FUTIAN,
  JINYUAN,
  NANJIE,
  pointNorthOf,
  WANGSI,
  XIJIE,
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

  it('builds a default category, eligibility and a point north of a place that pass their schemas', () => {
    expect(Category.safeParse(aCategory()).error).toBeUndefined();
    expect(Eligibility.safeParse(anEligibility()).error).toBeUndefined();
    expect(GeoPoint.safeParse(pointNorthOf(JINYUAN.location, 5)).error).toBeUndefined();
  });

  it('builds a referral for a need and a service that passes its schema and points at them', () => {
    const need = aNeed();
    const service = aService();
    const referral = aReferralFor(need, service);
    expect(ENTITY_SCHEMAS.Referral.safeParse(referral).error).toBeUndefined();
    expect(referral).toMatchObject({ needId: need.id, householdId: need.householdId, serviceId: service.id, organizationId: service.organizationId });
  });

  it('holds the real Dayi places as valid townships and villages of their townships', () => {
    for (const township of [JINYUAN, WANGSI]) expect(ENTITY_SCHEMAS.Township.safeParse(township).error).toBeUndefined();
    for (const village of [NANJIE, XIJIE, BEIJIE, FUTIAN]) expect(ENTITY_SCHEMAS.Village.safeParse(village).error).toBeUndefined();
    expect([NANJIE, XIJIE, BEIJIE].map((v) => v.townshipId)).toEqual([JINYUAN.id, JINYUAN.id, JINYUAN.id]);
    expect(FUTIAN.townshipId).toBe(WANGSI.id);
  });

  it('gives every call a fresh id and code', () => {
    expect(aTownship().id).not.toBe(aTownship().id);
    expect(aVillage().code).not.toBe(aVillage().code);
    expect(aHousehold().id).not.toBe(aHousehold().id);
    expect(anAccount().login).not.toBe(anAccount().login);
    const [first, second] = [anAlert(), anAlert()];
    expect(first.id).not.toBe(second.id);
    expect(first.referralId).not.toBe(second.referralId);
    // Plan ids are time-ordered: a later call sorts later, as pages newest-first expect.
    const plans = [aPlan(), aPlan()];
    expect(plans[0]!.id < plans[1]!.id).toBe(true);
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
