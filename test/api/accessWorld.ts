/**
 * A small synthetic world for the access tests, with a canary value planted
 * in every sensitive field: a canary that shows up where the policy says it
 * must not is a leak, wherever it came from. Every record is synthetic.
 *
 *   townships T1, T2; villages V1, V2 (T1), V3 (T2)
 *   hhA (V1, children, disability, a loan) — needA (MEDICAL, referred to the
 *   partner with consent), needA2 (EDUCATION, not referred), astA (help
 *   recorded through the referral), cnsA (consent naming the partner)
 *   hhB (V3) — needB (MEDICAL, referred to the other NGO), astB (no referral)
 */
import { NETWORK_HUB_ID } from '../../src/domain/networkHub';
import type { Assistance, AuditEvent, Consent, Household, Need, Organization, Person, Referral, Relationship, Service, Township, Village } from '../../src/domain/model';
import type { SensitiveKind } from '../../src/api/auth/SensitiveKind';
import type { Role } from '../../src/api/auth/Viewer';
import type { EntityKind } from '../../src/domain/ids';
import type { GraphStore } from '../../src/store/GraphStore';
import type { TestServer } from '../support/testServer';
import {
  aConsent,
  aHousehold,
  aNeed,
  anAssistance,
  anAuditEvent,
  anOrganization,
  aPerson,
  aReferralFor,
  aRelationship,
  aService,
  aTownship,
  aVillage,
  BUILT_AT,
  BUILT_ON,
  someCategories,
} from '../support/builders';

export interface AccessWorld {
  townships: { t1: Township; t2: Township };
  villages: { v1: Village; v2: Village; v3: Village };
  orgs: { hub: Organization; partner: Organization; other: Organization };
  services: { partnerMedical: Service; otherMedical: Service; partnerEducation: Service };
  people: { liaison: Person; creditOfficer: Person };
  relationships: { knows: Relationship; hubPartner: Relationship };
  households: { hhA: Household; hhB: Household };
  needs: { needA: Need; needA2: Need; needB: Need };
  referrals: { refA: Referral; refB: Referral };
  assistances: { astA: Assistance; astB: Assistance };
  consents: { cnsA: Consent };
  audit: { audA: AuditEvent };
  /** Every planted value, with the field it sits in and the record that owns it. */
  canaries: Canary[];
}

export interface Canary {
  value: string;
  kind: SensitiveKind;
  ownerKind: EntityKind;
  ownerId: string;
  field: string;
  /** The sensitive field that contains this one (Household.head for the head's fields). */
  via?: SensitiveKind;
}

export const LOAN_CANARY = 29_999;

export function accessWorld(): AccessWorld {
  const t1 = aTownship({ kind: 'SUBDISTRICT' });
  const t2 = aTownship({ kind: 'TOWN' });
  const v1 = aVillage({ townshipId: t1.id });
  const v2 = aVillage({ townshipId: t1.id });
  const v3 = aVillage({ townshipId: t2.id });
  const hub = anOrganization({ id: NETWORK_HUB_ID, kind: 'CREDIT_COMPANY', name: '互助网络 (synthetic hub)' });
  const partner = anOrganization({ kind: 'NGO', name: '合作社会组织 (synthetic partner)' });
  const other = anOrganization({ kind: 'NGO', name: '另一社会组织 (synthetic other)' });
  const partnerMedical = aService({ organizationId: partner.id, categories: ['MEDICAL'], capacity: 50 });
  const otherMedical = aService({ organizationId: other.id, categories: ['MEDICAL'], capacity: 50 });
  const partnerEducation = aService({ organizationId: partner.id, categories: ['EDUCATION'], capacity: 50 });
  const liaison = aPerson({ roles: ['LIAISON'], villageIds: [v1.id], townshipIds: [t1.id], phone: '+86 139 0000 7303' });
  const creditOfficer = aPerson({ roles: ['CREDIT_OFFICER'], villageIds: [v1.id, v3.id], organizationId: hub.id, phone: '+86 139 0000 7304' });
  const knows = aRelationship({ fromId: liaison.id, toId: partner.id, type: 'KNOWS', status: 'ESTABLISHED' });
  const hubPartner = aRelationship({ fromId: hub.id, toId: partner.id, type: 'PARTNER', status: 'ESTABLISHED' });

  const hhA = aHousehold({
    villageId: v1.id,
    householdCode: 'CANARY-HC-hhA',
    size: 4,
    memberAgeBands: ['AGE_18_59', 'AGE_7_17', 'AGE_60_79'],
    markers: ['DIBAO', 'DISABILITY_CERTIFICATE'],
    disabilityGrade: 2,
    head: { name: 'CANARY-NAME-hhA', phone: '+86 139 0000 7301', idNumber: '51012919800101730X' },
    // A serious-illness bridging loan (大病周转), so needA's card (Need.bridgingLoan, FINANCE on a need) carries the canary too.
    loan: { creditOfficerId: creditOfficer.id, amountYuan: LOAN_CANARY, purpose: 'OTHER', since: BUILT_ON, seriousIllnessBridging: true },
  });
  const hhB = aHousehold({
    villageId: v3.id,
    householdCode: 'CANARY-HC-hhB',
    memberAgeBands: ['AGE_60_79'],
    markers: ['SERIOUS_ILLNESS'],
    head: { name: 'CANARY-NAME-hhB', phone: '+86 139 0000 7302', idNumber: '51012919800101731X' },
  });
  const needA = aNeed({ householdId: hhA.id, category: 'MEDICAL', urgency: 'HIGH', description: 'CANARY-DESC-needA' });
  const needA2 = aNeed({ householdId: hhA.id, category: 'EDUCATION', urgency: 'LOW', description: 'CANARY-DESC-needA2' });
  const needB = aNeed({ householdId: hhB.id, category: 'MEDICAL', urgency: 'MEDIUM', description: 'CANARY-DESC-needB' });
  const refA = aReferralFor(needA, partnerMedical, {
    transitions: [{ status: 'SENT', at: BUILT_AT, actorId: 'per_builder', reason: null, note: 'CANARY-NOTE-refA (synthetic)' }],
  });
  const refB = aReferralFor(needB, otherMedical, { consentOverrideReason: 'CANARY-OVERRIDE-refB: family asked by phone (synthetic)' });
  const astA = anAssistance({ needId: needA.id, referralId: refA.id, action: 'CANARY-ACT-astA', note: 'CANARY-NOTE-astA' });
  const astB = anAssistance({ needId: needB.id, referralId: null, action: 'CANARY-ACT-astB', note: 'CANARY-NOTE-astB' });
  const cnsA = aConsent({ householdId: hhA.id, organizationIds: [partner.id], categories: [], guardianConsent: true });
  const audA = anAuditEvent({ entityId: hhA.id });

  const canaries: Canary[] = [
    { value: 'CANARY-NAME-hhA', kind: 'IDENTITY', ownerKind: 'Household', ownerId: hhA.id, field: 'HouseholdHead.name', via: 'IDENTITY' },
    { value: '+86 139 0000 7301', kind: 'CONTACT', ownerKind: 'Household', ownerId: hhA.id, field: 'HouseholdHead.phone', via: 'IDENTITY' },
    { value: '51012919800101730X', kind: 'OFFICIAL_ID', ownerKind: 'Household', ownerId: hhA.id, field: 'HouseholdHead.idNumber', via: 'IDENTITY' },
    { value: 'CANARY-HC-hhA', kind: 'OFFICIAL_ID', ownerKind: 'Household', ownerId: hhA.id, field: 'Household.householdCode' },
    { value: 'CANARY-NAME-hhB', kind: 'IDENTITY', ownerKind: 'Household', ownerId: hhB.id, field: 'HouseholdHead.name', via: 'IDENTITY' },
    { value: '+86 139 0000 7302', kind: 'CONTACT', ownerKind: 'Household', ownerId: hhB.id, field: 'HouseholdHead.phone', via: 'IDENTITY' },
    { value: '51012919800101731X', kind: 'OFFICIAL_ID', ownerKind: 'Household', ownerId: hhB.id, field: 'HouseholdHead.idNumber', via: 'IDENTITY' },
    { value: 'CANARY-HC-hhB', kind: 'OFFICIAL_ID', ownerKind: 'Household', ownerId: hhB.id, field: 'Household.householdCode' },
    { value: 'CANARY-DESC-needA', kind: 'HEALTH', ownerKind: 'Need', ownerId: needA.id, field: 'Need.description' },
    { value: 'CANARY-DESC-needA2', kind: 'HEALTH', ownerKind: 'Need', ownerId: needA2.id, field: 'Need.description' },
    { value: 'CANARY-DESC-needB', kind: 'HEALTH', ownerKind: 'Need', ownerId: needB.id, field: 'Need.description' },
    { value: 'CANARY-ACT-astA', kind: 'HEALTH', ownerKind: 'Assistance', ownerId: astA.id, field: 'Assistance.action' },
    { value: 'CANARY-NOTE-astA', kind: 'HEALTH', ownerKind: 'Assistance', ownerId: astA.id, field: 'Assistance.note' },
    { value: 'CANARY-ACT-astB', kind: 'HEALTH', ownerKind: 'Assistance', ownerId: astB.id, field: 'Assistance.action' },
    { value: 'CANARY-NOTE-astB', kind: 'HEALTH', ownerKind: 'Assistance', ownerId: astB.id, field: 'Assistance.note' },
    { value: 'CANARY-NOTE-refA', kind: 'CASE_NOTES', ownerKind: 'Referral', ownerId: refA.id, field: 'ReferralTransition.note' },
    { value: 'CANARY-OVERRIDE-refB', kind: 'CASE_NOTES', ownerKind: 'Referral', ownerId: refB.id, field: 'Referral.consentOverrideReason' },
    { value: '+86 139 0000 7303', kind: 'CONTACT', ownerKind: 'Person', ownerId: liaison.id, field: 'Person.phone' },
    { value: '+86 139 0000 7304', kind: 'CONTACT', ownerKind: 'Person', ownerId: creditOfficer.id, field: 'Person.phone' },
  ];

  return {
    townships: { t1, t2 },
    villages: { v1, v2, v3 },
    orgs: { hub, partner, other },
    services: { partnerMedical, otherMedical, partnerEducation },
    people: { liaison, creditOfficer },
    relationships: { knows, hubPartner },
    households: { hhA, hhB },
    needs: { needA, needA2, needB },
    referrals: { refA, refB },
    assistances: { astA, astB },
    consents: { cnsA },
    audit: { audA },
    canaries,
  };
}

/** Writes the world through the port (referrals through createReferral, so capacity is claimed as in life). */
export async function storeAccessWorld(store: GraphStore, world: AccessWorld): Promise<void> {
  await store.upsertCategories(someCategories());
  await store.upsertMany('Township', Object.values(world.townships));
  await store.upsertMany('Village', Object.values(world.villages));
  await store.upsertMany('Organization', Object.values(world.orgs));
  await store.upsertMany('Person', Object.values(world.people));
  await store.upsertMany('Service', Object.values(world.services));
  await store.upsertMany('Relationship', Object.values(world.relationships));
  await store.upsertMany('Household', Object.values(world.households));
  await store.upsertMany('Need', Object.values(world.needs));
  for (const referral of Object.values(world.referrals)) await store.createReferral(referral);
  for (const assistance of Object.values(world.assistances)) await store.create('Assistance', assistance);
  for (const consent of Object.values(world.consents)) await store.create('Consent', consent);
  await store.appendAudit(world.audit.audA);
}

/** The viewers the tests speak as: a name, the role, and the token claims (none for ANONYMOUS). */
export interface TestViewer {
  name: string;
  role: Role;
  claims: { sub: string; role: Exclude<Role, 'ANONYMOUS'>; townships?: string[]; villages?: string[]; org?: string | null; person?: string | null } | null;
}

export function viewersOf(world: AccessWorld): TestViewer[] {
  const { t1, t2 } = world.townships;
  return [
    { name: 'ANONYMOUS', role: 'ANONYMOUS', claims: null },
    { name: 'ADMIN', role: 'ADMIN', claims: { sub: 'test-admin', role: 'ADMIN' } },
    { name: 'COORDINATOR_T1', role: 'COORDINATOR', claims: { sub: 'test-coord-t1', role: 'COORDINATOR', townships: [t1.id] } },
    { name: 'COORDINATOR_T2', role: 'COORDINATOR', claims: { sub: 'test-coord-t2', role: 'COORDINATOR', townships: [t2.id] } },
    { name: 'SOCIAL_WORKER_V1', role: 'SOCIAL_WORKER', claims: { sub: 'test-sw-v1', role: 'SOCIAL_WORKER', villages: [world.villages.v1.id] } },
    { name: 'VOLUNTEER_V1', role: 'VOLUNTEER', claims: { sub: 'test-vol-v1', role: 'VOLUNTEER', villages: [world.villages.v1.id] } },
    { name: 'PARTNER', role: 'PARTNER_NGO', claims: { sub: 'test-partner', role: 'PARTNER_NGO', org: world.orgs.partner.id } },
    { name: 'PARTNER_OTHER', role: 'PARTNER_NGO', claims: { sub: 'test-partner-other', role: 'PARTNER_NGO', org: world.orgs.other.id } },
    { name: 'DESIGNER', role: 'DESIGNER', claims: { sub: 'test-designer', role: 'DESIGNER' } },
    // The officer whose loan hhA holds, and one with no borrower in the world (issue 15 item 3).
    { name: 'CREDIT_OFFICER', role: 'CREDIT_OFFICER', claims: { sub: 'test-credit-officer', role: 'CREDIT_OFFICER', person: world.people.creditOfficer.id } },
    { name: 'CREDIT_OFFICER_OTHER', role: 'CREDIT_OFFICER', claims: { sub: 'test-credit-officer-other', role: 'CREDIT_OFFICER', person: 'per_no-borrowers' } },
  ];
}

/**
 * The spec of record visibility, written out by hand (not derived from the
 * implementation): which viewers may see each household-level record.
 * Directory records are everyone's; people and relationships everyone's but ANONYMOUS's.
 */
export function visibleTo(world: AccessWorld): Map<string, ReadonlySet<string>> {
  const set = (...names: string[]) => new Set(['ADMIN', ...names]);
  const aSide = set('COORDINATOR_T1', 'SOCIAL_WORKER_V1', 'VOLUNTEER_V1', 'PARTNER');
  // hhA's loan names the world's credit officer: it sees that household and its needs, no referral, help or consent.
  const borrowerA = new Set([...aSide, 'CREDIT_OFFICER']);
  const bSide = set('COORDINATOR_T2', 'PARTNER_OTHER');
  return new Map<string, ReadonlySet<string>>([
    [world.households.hhA.id, borrowerA],
    [world.needs.needA.id, borrowerA],
    [world.referrals.refA.id, aSide],
    [world.assistances.astA.id, aSide],
    [world.needs.needA2.id, set('COORDINATOR_T1', 'SOCIAL_WORKER_V1', 'VOLUNTEER_V1', 'CREDIT_OFFICER')],
    [world.consents.cnsA.id, set('COORDINATOR_T1', 'SOCIAL_WORKER_V1')],
    [world.households.hhB.id, bSide],
    [world.needs.needB.id, bSide],
    [world.referrals.refB.id, bSide],
    [world.assistances.astB.id, set('COORDINATOR_T2')],
    [world.audit.audA.id, set()],
  ]);
}

// -- HTTP with headers (purpose, raw bodies) ----------------------------------------

export interface RawResponse {
  status: number;
  headers: Headers;
  json: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }> } | null;
  text: string;
}

export async function post(
  server: TestServer,
  query: string,
  options: { variables?: Record<string, unknown>; token?: string | null; purpose?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const res = await fetch(server.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.purpose ? { 'x-huzhu-purpose': options.purpose } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  const text = await res.text();
  let json: RawResponse['json'] = null;
  try {
    json = JSON.parse(text) as RawResponse['json'];
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, json, text };
}

/** Tokens for every viewer (null for ANONYMOUS). */
export async function tokensFor(server: TestServer, viewers: readonly TestViewer[]): Promise<Map<string, string | null>> {
  const tokens = new Map<string, string | null>();
  for (const v of viewers) tokens.set(v.name, v.claims ? await server.token(v.claims) : null);
  return tokens;
}

/**
 * A store that records every port call by name, and can be told to fail
 * audit writes: to prove "refused before any store call" and "if the audit
 * write fails, so does the operation".
 */
export interface SpyStore {
  store: GraphStore;
  calls: string[];
  failAudit: boolean;
}

export function spyOn(target: GraphStore): SpyStore {
  const spy: SpyStore = { store: target, calls: [], failAudit: false };
  spy.store = new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver) as unknown;
      if (typeof value !== 'function' || typeof prop !== 'string') return value;
      return (...args: unknown[]) => {
        spy.calls.push(prop);
        if (prop === 'appendAudit' && spy.failAudit) return Promise.reject(new Error('synthetic audit outage'));
        return (value as (...a: unknown[]) => unknown).apply(obj, args);
      };
    },
  });
  return spy;
}
