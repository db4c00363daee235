/**
 * Builders for every entity kind: valid defaults (each passes its zod schema
 * in src/domain/model.ts), overridable field by field. Ids are fresh per call
 * (newId) unless overridden; official codes come from a per-process sequence
 * in a range no real Dayi code uses (99…/98…). Everything built here is test
 * data and says so: `synthetic: true` where the schema has the field, and
 * "(synthetic)" in names and sources.
 *
 * smallNetwork() returns one coherent network (2 townships, 3 villages, 4
 * organisations, 5 people, 3 services, 4 relationships, 6 households, 5
 * needs) and storeNetwork() writes it through the GraphStore port.
 */
import { idFromKey, newId } from '../../src/domain/ids';
import type {
  AuditEvent,
  Assistance,
  Category,
  Consent,
  Household,
  Need,
  Organization,
  Person,
  Referral,
  Relationship,
  Service,
  Township,
  Village,
} from '../../src/domain/model';
import { vulnerabilityScore } from '../../src/domain/vulnerabilityIndex';
import type { GraphStore } from '../../src/store/GraphStore';

/** The instant builders stamp on records (fixed, so tests never depend on the clock). */
export const BUILT_AT = '2025-01-01T00:00:00.000Z';
export const BUILT_ON = '2025-01-01';

let sequence = 0;
/** A number unique within this test process. */
export function nextSequence(): number {
  sequence += 1;
  return sequence;
}

/** A 12-digit code no real NBS code uses (they start 51…): prefix 99 for townships, 98 for villages. */
function syntheticCode(prefix: '99' | '98'): string {
  return `${prefix}${String(nextSequence()).padStart(10, '0')}`;
}

const SYNTHETIC_SOURCE = 'test/support/builders (synthetic)';

// ---------------------------------------------------------------------------
// Places

export function aTownship(overrides: Partial<Township> = {}): Township {
  const code = overrides.code ?? syntheticCode('99');
  return {
    id: idFromKey('Township', code),
    code,
    name: `测试街道 ${code} (synthetic)`,
    kind: 'SUBDISTRICT',
    location: { lat: 30.587, lng: 103.501, precision: 'exact' },
    source: SYNTHETIC_SOURCE,
    ...overrides,
  };
}

export function aVillage(overrides: Partial<Village> = {}): Village {
  const code = overrides.code ?? syntheticCode('98');
  return {
    id: idFromKey('Village', code),
    code,
    name: `测试${code}村村委会`,
    displayName: `测试${code}村`,
    type: 'VILLAGE',
    townshipId: newId('Township'),
    location: { lat: 30.59, lng: 103.5, precision: 'township' },
    source: SYNTHETIC_SOURCE,
    ...overrides,
  };
}

// ---------------------------------------------------------------------------
// Households and needs

/**
 * A household; its vulnerabilityScore is computed from the (overridden)
 * markers, members and grade unless the override sets it. A
 * DISABILITY_CERTIFICATE marker without a grade gets grade 2.
 */
export function aHousehold(overrides: Partial<Household> = {}): Household {
  const markers = overrides.markers ?? [];
  const disabilityGrade =
    overrides.disabilityGrade !== undefined ? overrides.disabilityGrade : markers.includes('DISABILITY_CERTIFICATE') ? 2 : null;
  const base: Household = {
    // Defaults only when not overridden: bulk fixtures build many households and newId is not free.
    id: overrides.id ?? newId('Household'),
    householdCode: null,
    villageId: overrides.villageId ?? newId('Village'),
    size: 3,
    memberAgeBands: ['AGE_18_59', 'AGE_18_59', 'AGE_7_17'],
    markers,
    disabilityGrade,
    head: { name: '户主(synthetic)', phone: null, idNumber: null },
    loan: null,
    vulnerabilityScore: 0,
    synthetic: true,
    createdAt: BUILT_AT,
    updatedAt: BUILT_AT,
    version: 1,
    ...overrides,
  };
  base.disabilityGrade = disabilityGrade;
  return { ...base, vulnerabilityScore: overrides.vulnerabilityScore ?? vulnerabilityScore(base) };
}

export function aNeed(overrides: Partial<Need> = {}): Need {
  return {
    id: overrides.id ?? newId('Need'),
    householdId: overrides.householdId ?? newId('Household'),
    category: 'MEDICAL',
    urgency: 'MEDIUM',
    description: 'synthetic need',
    status: 'OPEN',
    synthetic: true,
    createdAt: BUILT_AT,
    updatedAt: BUILT_AT,
    ...overrides,
  };
}

export function aCategory(overrides: Partial<Category> = {}): Category {
  return { code: 'MEDICAL', nameZh: '医疗', nameEn: 'Medical care', core: true, ...overrides };
}

/** The categories smallNetwork uses (a subset of seed/categories.json). */
export function someCategories(): Category[] {
  return [
    aCategory(),
    aCategory({ code: 'ELDERLY_CARE', nameZh: '养老', nameEn: 'Elderly care' }),
    aCategory({ code: 'EDUCATION', nameZh: '教育', nameEn: 'Education' }),
    aCategory({ code: 'MENTAL_HEALTH', nameZh: '心理健康', nameEn: 'Mental health', core: false }),
  ];
}

// ---------------------------------------------------------------------------
// Stakeholders

export function aPerson(overrides: Partial<Person> = {}): Person {
  return {
    id: newId('Person'),
    name: `联络人 ${nextSequence()} (synthetic)`,
    roles: ['LIAISON'],
    villageIds: [],
    townshipIds: [],
    organizationId: null,
    phone: null,
    trainedAt: null,
    trainings: [],
    synthetic: true,
    ...overrides,
  };
}

export function anOrganization(overrides: Partial<Organization> = {}): Organization {
  return {
    id: newId('Organization'),
    name: `测试社会组织 ${nextSequence()} (synthetic)`,
    aliases: [],
    nameEn: null,
    kind: 'NGO',
    townshipId: null,
    villageId: null,
    location: null,
    description: 'synthetic organisation',
    synthetic: true,
    ...overrides,
  };
}

export function aService(overrides: Partial<Service> = {}): Service {
  return {
    id: newId('Service'),
    organizationId: newId('Organization'),
    name: `测试服务 ${nextSequence()} (synthetic)`,
    description: 'synthetic service',
    categories: ['MEDICAL'],
    eligibility: { ageBands: [], requiredMarkers: [], anyOfMarkers: [], residencyTownshipIds: [] },
    capacity: null,
    activeReferrals: 0,
    location: null,
    online: false,
    area: { kind: 'COUNTY' },
    status: 'ACTIVE',
    synthetic: true,
    ...overrides,
  };
}

export function aRelationship(overrides: Partial<Relationship> = {}): Relationship {
  return {
    id: newId('Relationship'),
    fromId: newId('Person'),
    toId: newId('Organization'),
    type: 'WORKS_WITH',
    status: 'ESTABLISHED',
    since: BUILT_ON,
    until: null,
    note: null,
    createdAt: BUILT_AT,
    updatedAt: BUILT_AT,
    ...overrides,
  };
}

// ---------------------------------------------------------------------------
// Referrals, help given, consent, audit

/** A SENT referral with its first transition; see aReferralFor for one that fits a need and a service. */
export function aReferral(overrides: Partial<Referral> = {}): Referral {
  return {
    id: newId('Referral'),
    needId: newId('Need'),
    serviceId: newId('Service'),
    householdId: newId('Household'),
    organizationId: newId('Organization'),
    status: 'SENT',
    reason: null,
    idempotencyKey: `key-${newId('Referral')}`,
    consentOverrideReason: null,
    transitions: [{ status: 'SENT', at: BUILT_AT, actorId: 'per_builder', reason: null, note: null }],
    createdAt: BUILT_AT,
    updatedAt: BUILT_AT,
    ...overrides,
  };
}

/** A SENT referral of `need` to `service`, with the household and organisation they imply. */
export function aReferralFor(need: Need, service: Service, overrides: Partial<Referral> = {}): Referral {
  return aReferral({
    needId: need.id,
    serviceId: service.id,
    householdId: need.householdId,
    organizationId: service.organizationId,
    ...overrides,
  });
}

export function anAssistance(overrides: Partial<Assistance> = {}): Assistance {
  return {
    id: newId('Assistance'),
    needId: newId('Need'),
    referralId: null,
    actorId: newId('Person'),
    at: BUILT_AT,
    action: 'synthetic home visit',
    outcome: 'HELPED',
    note: null,
    ...overrides,
  };
}

export function aConsent(overrides: Partial<Consent> = {}): Consent {
  return {
    id: newId('Consent'),
    householdId: newId('Household'),
    organizationIds: [],
    categories: ['MEDICAL'],
    guardianConsent: false,
    recordedBy: 'per_builder',
    recordedAt: BUILT_AT,
    validUntil: null,
    withdrawnAt: null,
    ...overrides,
  };
}

export function anAuditEvent(overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id: newId('AuditEvent'),
    at: BUILT_AT,
    actorId: 'per_builder',
    role: 'COORDINATOR',
    action: 'READ_SENSITIVE',
    entityKind: 'Household',
    entityId: newId('Household'),
    fields: ['head'],
    purpose: 'synthetic test read',
    correlationId: `corr-${nextSequence()}`,
    ...overrides,
  };
}

// ---------------------------------------------------------------------------
// A small coherent network

export interface SmallNetwork {
  categories: Category[];
  /** [subdistrict, town] */
  townships: [Township, Township];
  /** [community in townships[0], village in townships[0], village in townships[1]] */
  villages: [Village, Village, Village];
  /** [social-work station of townships[0], NGO (county-wide), bureau in townships[1], credit company] */
  organizations: [Organization, Organization, Organization, Organization];
  /** [liaison of villages[0], liaison of villages[2], social worker at the station, credit officer, development officer of villages[1]] */
  people: [Person, Person, Person, Person, Person];
  /** [NGO medical, capacity 2; bureau elderly care + medical, no limit; NGO online counselling, PLANNED] */
  services: [Service, Service, Service];
  relationships: [Relationship, Relationship, Relationship, Relationship];
  /** Two per village; some marked vulnerable, one with a loan, two with a household code. */
  households: [Household, Household, Household, Household, Household, Household];
  needs: [Need, Need, Need, Need, Need];
}

export function smallNetwork(): SmallNetwork {
  const townships: SmallNetwork['townships'] = [aTownship({ kind: 'SUBDISTRICT' }), aTownship({ kind: 'TOWN' })];
  const [t1, t2] = townships;
  const villages: SmallNetwork['villages'] = [
    aVillage({ townshipId: t1.id, type: 'COMMUNITY' }),
    aVillage({ townshipId: t1.id, type: 'VILLAGE' }),
    aVillage({ townshipId: t2.id, type: 'VILLAGE' }),
  ];
  const [v1, v2, v3] = villages;
  const organizations: SmallNetwork['organizations'] = [
    anOrganization({ kind: 'SOCIAL_WORK_STATION', townshipId: t1.id }),
    anOrganization({ kind: 'NGO' }),
    anOrganization({ kind: 'GOVERNMENT_BUREAU', townshipId: t2.id }),
    anOrganization({ kind: 'CREDIT_COMPANY', townshipId: t1.id, villageId: v1.id }),
  ];
  const [station, ngo, bureau, creditCompany] = organizations;
  const people: SmallNetwork['people'] = [
    aPerson({ roles: ['LIAISON'], villageIds: [v1.id], townshipIds: [t1.id] }),
    aPerson({ roles: ['LIAISON', 'VOLUNTEER'], villageIds: [v3.id], townshipIds: [t2.id] }),
    aPerson({ roles: ['SOCIAL_WORKER'], townshipIds: [t1.id], organizationId: station.id }),
    aPerson({ roles: ['CREDIT_OFFICER'], villageIds: [v1.id, v2.id], organizationId: creditCompany.id }),
    aPerson({ roles: ['COMMUNITY_DEVELOPMENT_OFFICER'], villageIds: [v2.id], townshipIds: [t1.id], trainedAt: BUILT_ON }),
  ];
  const [liaison1, , socialWorker, creditOfficer, developmentOfficer] = people;
  const services: SmallNetwork['services'] = [
    aService({ organizationId: ngo.id, categories: ['MEDICAL'], capacity: 2 }),
    aService({ organizationId: bureau.id, categories: ['ELDERLY_CARE', 'MEDICAL'], capacity: null, area: { kind: 'TOWNSHIPS', townshipIds: [t2.id] } }),
    aService({ organizationId: ngo.id, categories: ['MENTAL_HEALTH'], online: true, status: 'PLANNED', capacity: 5 }),
  ];
  const relationships: SmallNetwork['relationships'] = [
    aRelationship({ fromId: liaison1.id, toId: socialWorker.id, type: 'KNOWS', status: 'ESTABLISHED' }),
    aRelationship({ fromId: station.id, toId: ngo.id, type: 'PARTNER', status: 'ESTABLISHED' }),
    aRelationship({ fromId: ngo.id, toId: bureau.id, type: 'WORKS_WITH', status: 'BUILDING' }),
    aRelationship({ fromId: developmentOfficer.id, toId: v2.id, type: 'SERVES', status: 'PROSPECTIVE', since: null }),
  ];
  const households: SmallNetwork['households'] = [
    aHousehold({ villageId: v1.id, markers: ['DIBAO', 'SOLITARY_ELDERLY'], memberAgeBands: ['AGE_80_PLUS'], size: 1, householdCode: 'HH-SYN-0001' }),
    aHousehold({ villageId: v1.id, markers: [], loan: { creditOfficerId: creditOfficer.id, amountYuan: 20_000, purpose: 'COMMERCE', since: BUILT_ON } }),
    aHousehold({ villageId: v2.id, markers: ['LEFT_BEHIND_CHILDREN'], memberAgeBands: ['AGE_60_79', 'AGE_7_17', 'AGE_7_17'] }),
    aHousehold({ villageId: v2.id, markers: ['DISABILITY_CERTIFICATE', 'DIBAO'], disabilityGrade: 1, size: 5, householdCode: 'HH-SYN-0002' }),
    aHousehold({ villageId: v3.id, markers: ['SERIOUS_ILLNESS'], memberAgeBands: ['AGE_0_3', 'AGE_18_59'] }),
    aHousehold({ villageId: v3.id, markers: [], synthetic: false }),
  ];
  const [h1, , h3, h4, h5] = households;
  const needs: SmallNetwork['needs'] = [
    aNeed({ householdId: h1.id, category: 'ELDERLY_CARE', urgency: 'HIGH' }),
    aNeed({ householdId: h1.id, category: 'MEDICAL', urgency: 'CRITICAL' }),
    aNeed({ householdId: h3.id, category: 'EDUCATION', urgency: 'MEDIUM' }),
    aNeed({ householdId: h4.id, category: 'MEDICAL', urgency: 'HIGH', status: 'RESOLVED' }),
    aNeed({ householdId: h5.id, category: 'MEDICAL', urgency: 'LOW' }),
  ];
  return { categories: someCategories(), townships, villages, organizations, people, services, relationships, households, needs };
}

/** Writes a network through the port, referenced kinds first. */
export async function storeNetwork(store: GraphStore, network: SmallNetwork): Promise<void> {
  await store.upsertCategories(network.categories);
  await store.upsertMany('Township', network.townships);
  await store.upsertMany('Village', network.villages);
  await store.upsertMany('Organization', network.organizations);
  await store.upsertMany('Person', network.people);
  await store.upsertMany('Service', network.services);
  await store.upsertMany('Relationship', network.relationships);
  await store.upsertMany('Household', network.households);
  await store.upsertMany('Need', network.needs);
}
