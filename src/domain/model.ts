import { z } from 'zod';
import { ID_PATTERN, isIdOf, type EntityKind } from './ids';

/**
 * The domain model of the Dayi mutual-aid network (see ../../shared/DOMAIN.md,
 * copied in spirit to README). Every type is inferred from its zod schema; the
 * schemas parse GraphQL arguments, store rows and seed files alike.
 *
 * Fields marked `sensitive(...)` hold personal information under PIPL
 * (health, disability, finances, children, identity). The API hides them
 * unless a rule allows the field for the viewer's role (src/api/auth).
 */

// ---------------------------------------------------------------------------
// Primitives

export const idOf = (kind: EntityKind) =>
  z
    .string()
    .regex(ID_PATTERN, { message: `must be a ${kind} id like "${kind === 'Village' ? 'vil_510129001002' : 'xxx_123'}"` })
    .refine((id) => isIdOf(kind, id), { message: `must be a ${kind} id` });

export const OfficialCode = z.string().regex(/^\d{12}$/, { message: 'must be a 12-digit NBS code' });
export const IsoDateTime = z.iso.datetime({ offset: true });
export const IsoDate = z.iso.date();

/**
 * Who did something (a referral step, a help record, a consent, an audit
 * event): the subject of the token that made the request, kept as an opaque
 * string. Any subject the auth boundary accepts (src/api/auth/tokens.ts:
 * 1..200 characters, e.g. the token CLI's `local-coordinator` or a person id)
 * fits, so the actor can never fail the caller's input validation.
 */
export const ActorId = z.string().min(1).max(200);

export const LocationPrecision = z.enum(['township', 'village', 'exact']);
export type LocationPrecision = z.infer<typeof LocationPrecision>;

/** A WGS-84 point and how precise it is: a derived point must never pass for a surveyed one. */
export const GeoPoint = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  precision: LocationPrecision,
});
export type GeoPoint = z.infer<typeof GeoPoint>;

export const RelationshipStatus = z.enum(['ESTABLISHED', 'BUILDING', 'PROSPECTIVE']);
export type RelationshipStatus = z.infer<typeof RelationshipStatus>;

// ---------------------------------------------------------------------------
// Places

export const Township = z.object({
  id: idOf('Township'),
  code: OfficialCode,
  name: z.string().min(1),
  kind: z.enum(['SUBDISTRICT', 'TOWN']),
  location: GeoPoint,
  source: z.string(),
});
export type Township = z.infer<typeof Township>;

export const Village = z.object({
  id: idOf('Village'),
  code: OfficialCode,
  /** Official committee name, verbatim (…村村委会 / …社区居委会). */
  name: z.string().min(1),
  /** Name without the committee suffix (金龙村, 南街社区). */
  displayName: z.string().min(1),
  type: z.enum(['VILLAGE', 'COMMUNITY']),
  townshipId: idOf('Township'),
  location: GeoPoint,
  source: z.string(),
});
export type Village = z.infer<typeof Village>;

// ---------------------------------------------------------------------------
// Households and needs (sensitive)

export const AgeBand = z.enum(['AGE_0_3', 'AGE_4_6', 'AGE_7_17', 'AGE_18_59', 'AGE_60_79', 'AGE_80_PLUS']);
export type AgeBand = z.infer<typeof AgeBand>;

/** Vulnerability markers: 低保, 特困, 残疾证, 大病, 留守儿童, 独居老人, 空巢老人. */
export const Marker = z.enum([
  'DIBAO',
  'TEKUN',
  'DISABILITY_CERTIFICATE',
  'SERIOUS_ILLNESS',
  'LEFT_BEHIND_CHILDREN',
  'SOLITARY_ELDERLY',
  'EMPTY_NEST_ELDERLY',
]);
export type Marker = z.infer<typeof Marker>;

export const LoanPurpose = z.enum(['COMMERCE', 'LIVESTOCK', 'PLANTING', 'OTHER']);

/** A family credit loan from the credit company; its officer knows the family (a trust edge). */
export const Loan = z.object({
  creditOfficerId: idOf('Person'),
  amountYuan: z.number().int().min(0).max(1_000_000),
  purpose: LoanPurpose,
  since: IsoDate,
  /**
   * 大病周转: the loan bridges a serious illness's costs (a consumption loan, purpose OTHER); it is linked to the
   * borrower household's MEDICAL needs (services/creditView: bridgingLoanOf). Absent on loans recorded before the
   * flag existed, which reads as false.
   */
  seriousIllnessBridging: z.boolean().optional(),
});
export type Loan = z.infer<typeof Loan>;

export const HouseholdHead = z.object({
  name: z.string().min(1).max(100),
  phone: z.string().regex(/^\+?[0-9 -]{5,20}$/, { message: 'must be a phone number' }).nullable(),
  idNumber: z
    .string()
    .regex(/^\d{17}[\dX]$/, { message: 'must be an 18-character resident ID number' })
    .nullable(),
});
export type HouseholdHead = z.infer<typeof HouseholdHead>;

export const Household = z
  .object({
    id: idOf('Household'),
    /** Official household code (户号); unique when present. */
    householdCode: z.string().regex(/^[A-Za-z0-9-]{4,40}$/).nullable(),
    villageId: idOf('Village'),
    size: z.number().int().min(1).max(30),
    /** One age band per member listed (may list fewer members than `size`). */
    memberAgeBands: z.array(AgeBand).max(30),
    markers: z.array(Marker).max(Marker.options.length),
    /** Disability grade 1 (most severe) to 4; set exactly when DISABILITY_CERTIFICATE is a marker. */
    disabilityGrade: z.number().int().min(1).max(4).nullable(),
    head: HouseholdHead,
    loan: Loan.nullable(),
    /** Derived from markers and members by domain/vulnerabilityIndex; stored so the top-N is an index lookup. */
    vulnerabilityScore: z.number().min(0),
    synthetic: z.boolean(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    version: z.number().int().min(1),
  })
  .superRefine((h, ctx) => {
    const hasCert = h.markers.includes('DISABILITY_CERTIFICATE');
    if (hasCert !== (h.disabilityGrade !== null)) {
      ctx.addIssue({
        code: 'custom',
        path: ['disabilityGrade'],
        message: 'disabilityGrade is required with a DISABILITY_CERTIFICATE marker and must be null without one',
      });
    }
    if (new Set(h.markers).size !== h.markers.length) {
      ctx.addIssue({ code: 'custom', path: ['markers'], message: 'markers must not repeat' });
    }
    if (h.memberAgeBands.length > h.size) {
      ctx.addIssue({ code: 'custom', path: ['memberAgeBands'], message: 'lists more members than the household size' });
    }
  });
export type Household = z.infer<typeof Household>;

/** A need category is data (seed/categories.json), so more can be added without a code change. */
export const CategoryCode = z.string().regex(/^[A-Z][A-Z_]{1,39}$/, { message: 'must be a category code like MEDICAL' });
export const Category = z.object({
  code: CategoryCode,
  nameZh: z.string().min(1),
  nameEn: z.string().min(1),
  /** One of the core five (medical, elderly care, education, disability, employment). */
  core: z.boolean(),
});
export type Category = z.infer<typeof Category>;

export const Urgency = z.enum(['LOW', 'MEDIUM', 'HIGH', 'CRITICAL']);
export type Urgency = z.infer<typeof Urgency>;
export const NeedStatus = z.enum(['OPEN', 'REFERRED', 'RESOLVED', 'CLOSED']);
export type NeedStatus = z.infer<typeof NeedStatus>;

export const Need = z.object({
  id: idOf('Need'),
  householdId: idOf('Household'),
  category: CategoryCode,
  urgency: Urgency,
  /** Free text about the family's situation: sensitive (health, children, finances). */
  description: z.string().max(2000),
  status: NeedStatus,
  synthetic: z.boolean(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Need = z.infer<typeof Need>;

// ---------------------------------------------------------------------------
// Stakeholders

export const PersonRole = z.enum([
  'LIAISON',
  'VOLUNTEER',
  'SOCIAL_WORKER',
  'COMMUNITY_DEVELOPMENT_OFFICER',
  'CREDIT_OFFICER',
  'COORDINATOR',
]);
export type PersonRole = z.infer<typeof PersonRole>;

/** One course of a community development officer's training (社区发展专员培训): enrolled (completed false) or done. */
export const OfficerTraining = z.object({
  course: z.string().trim().min(1).max(100),
  /** The course's date: when it was completed, or when the officer enrolled. */
  date: IsoDate,
  completed: z.boolean(),
});
export type OfficerTraining = z.infer<typeof OfficerTraining>;

/**
 * A person; their assignments (villages, townships, organisation) are trust
 * edges of the network and count as ESTABLISHED while the person is active.
 */
export const Person = z.object({
  id: idOf('Person'),
  name: z.string().min(1).max(100),
  roles: z.array(PersonRole).min(1),
  villageIds: z.array(idOf('Village')),
  townshipIds: z.array(idOf('Township')),
  organizationId: idOf('Organization').nullable(),
  phone: z.string().regex(/^\+?[0-9 -]{5,20}$/).nullable(),
  /** When a community development officer (社区发展专员) completed training. */
  trainedAt: IsoDate.nullable(),
  /**
   * A community development officer's training record (issue 15 item 3): each course with its date and whether it
   * was completed. Records stored before the field existed read back as [] (domain/developmentOfficers.ts then
   * falls back on trainedAt).
   */
  trainings: z
    .array(OfficerTraining)
    .max(50)
    .nullish()
    .transform((v) => v ?? []),
  synthetic: z.boolean(),
});
export type Person = z.infer<typeof Person>;

/**
 * Ids the record has in other systems, as `<system>:<id>` (e.g. `hsds:8896b788-…`, the
 * Open Referral HSDS id of an imported record: src/hsds). Optional: records without
 * any (and Neo4j's absent property) read back without the field.
 */
export const ExternalId = z.string().regex(/^[a-z][a-z0-9-]{0,19}:[A-Za-z0-9._:-]{1,100}$/, { message: 'must be "<system>:<id>", e.g. "hsds:<uuid>"' });
export const ExternalIds = z.preprocess((v) => v ?? undefined, z.array(ExternalId).max(20).optional());

export const OrganizationKind = z.enum([
  'NGO',
  'SOCIAL_WORK_STATION',
  'GOVERNMENT_BUREAU',
  'INCUBATED_ENTERPRISE',
  'CREDIT_COMPANY',
  'CARE_INSTITUTION',
  'ENTERPRISE',
  'ASSOCIATION',
  'OTHER',
]);
export type OrganizationKind = z.infer<typeof OrganizationKind>;

export const Organization = z.object({
  id: idOf('Organization'),
  name: z.string().min(1).max(200),
  /**
   * Other spellings the records use for the same organisation (e.g. 益帮 for
   * 益邦), searchable like the name. Records stored before the field existed
   * read back as [].
   */
  aliases: z
    .array(z.string().min(1).max(200))
    .max(20)
    .nullish()
    .transform((v) => v ?? []),
  nameEn: z.string().max(200).nullable(),
  kind: OrganizationKind,
  townshipId: idOf('Township').nullable(),
  villageId: idOf('Village').nullable(),
  location: GeoPoint.nullable(),
  description: z.string().max(2000),
  synthetic: z.boolean(),
  externalIds: ExternalIds,
});
export type Organization = z.infer<typeof Organization>;

export const ServiceArea = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('COUNTY') }),
  z.object({ kind: z.literal('TOWNSHIPS'), townshipIds: z.array(idOf('Township')).min(1) }),
  z.object({ kind: z.literal('VILLAGES'), villageIds: z.array(idOf('Village')).min(1) }),
  z.object({ kind: z.literal('RADIUS'), km: z.number().positive().max(500) }),
]);
export type ServiceArea = z.infer<typeof ServiceArea>;

/** Eligibility rules are data; an empty list means "no rule of that kind". */
export const Eligibility = z.object({
  /** At least one household member in one of these bands. */
  ageBands: z.array(AgeBand),
  /** Every one of these markers. */
  requiredMarkers: z.array(Marker),
  /** At least one of these markers. */
  anyOfMarkers: z.array(Marker),
  /** Household must be registered in one of these townships (户籍/residency rules). */
  residencyTownshipIds: z.array(idOf('Township')),
});
export type Eligibility = z.infer<typeof Eligibility>;

/** An optional text field: null and undefined both mean "not stated" (read back as absent). */
function optionalText(max: number) {
  return z.preprocess((v) => v ?? undefined, z.string().max(max).optional());
}

export const ServiceStatus = z.enum(['ACTIVE', 'PLANNED', 'SUSPENDED']);
export type ServiceStatus = z.infer<typeof ServiceStatus>;

export const Service = z.object({
  id: idOf('Service'),
  organizationId: idOf('Organization'),
  name: z.string().min(1).max(200),
  description: z.string().max(2000),
  categories: z.array(CategoryCode).min(1),
  eligibility: Eligibility,
  /** Concurrent referrals it can carry; null = no stated limit. */
  capacity: z.number().int().min(0).nullable(),
  /** Referrals SENT/ACCEPTED/IN_PROGRESS; maintained atomically by the store. */
  activeReferrals: z.number().int().min(0),
  location: GeoPoint.nullable(),
  online: z.boolean(),
  area: ServiceArea,
  status: ServiceStatus,
  synthetic: z.boolean(),
  /**
   * Upkeep by the organisation itself (issue 11 item 4): opening hours and a
   * public contact as it states them, and when and by whom the details were
   * last confirmed. Optional: records stored before these fields existed (and
   * Neo4j's absent properties) read back without them.
   */
  hours: optionalText(500),
  contact: optionalText(200),
  confirmedOn: z.preprocess((v) => v ?? undefined, IsoDate.optional()),
  confirmedBy: z.preprocess((v) => v ?? undefined, z.string().min(1).max(200).optional()),
  externalIds: ExternalIds,
});
export type Service = z.infer<typeof Service>;

export const RelationshipType = z.enum([
  'PARTNER',
  'MEMBER_OF',
  'WORKS_WITH',
  'REFERS_TO',
  'SERVES',
  'FUNDS',
  'INCUBATED_BY',
  'SUPERVISES',
  'KNOWS',
]);
export type RelationshipType = z.infer<typeof RelationshipType>;

/** A typed link between two stakeholders (person, organisation, village, township); unique per (from, to, type). */
export const Relationship = z.object({
  id: idOf('Relationship'),
  fromId: z.string().regex(ID_PATTERN),
  toId: z.string().regex(ID_PATTERN),
  type: RelationshipType,
  status: RelationshipStatus,
  since: IsoDate.nullable(),
  until: IsoDate.nullable(),
  note: z.string().max(1000).nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Relationship = z.infer<typeof Relationship>;

// ---------------------------------------------------------------------------
// Referrals and help given (帮扶记录)

export const ReferralStatus = z.enum(['SENT', 'ACCEPTED', 'IN_PROGRESS', 'RESOLVED', 'DECLINED', 'CANCELLED']);
export type ReferralStatus = z.infer<typeof ReferralStatus>;
export const ReferralReason = z.enum([
  'NO_CAPACITY',
  'NOT_ELIGIBLE',
  'COULD_NOT_CONTACT',
  'REFERRED_ELSEWHERE',
  'DECLINED_BY_FAMILY',
  'OTHER',
]);
export type ReferralReason = z.infer<typeof ReferralReason>;

export const ReferralTransition = z.object({
  status: ReferralStatus,
  at: IsoDateTime,
  actorId: ActorId,
  reason: ReferralReason.nullable(),
  note: z.string().max(1000).nullable(),
});
export type ReferralTransition = z.infer<typeof ReferralTransition>;

export const Referral = z.object({
  id: idOf('Referral'),
  needId: idOf('Need'),
  serviceId: idOf('Service'),
  householdId: idOf('Household'),
  organizationId: idOf('Organization'),
  status: ReferralStatus,
  reason: ReferralReason.nullable(),
  idempotencyKey: z.string().min(1).max(200),
  /** Stated reason when a coordinator overrode missing consent (issue 6). */
  consentOverrideReason: z.string().max(1000).nullable(),
  transitions: z.array(ReferralTransition).min(1),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Referral = z.infer<typeof Referral>;

export const AssistanceOutcome = z.enum(['HELPED', 'PARTIALLY_HELPED', 'NOT_HELPED', 'FOLLOW_UP_NEEDED']);
export const Assistance = z.object({
  id: idOf('Assistance'),
  needId: idOf('Need'),
  referralId: idOf('Referral').nullable(),
  actorId: ActorId,
  at: IsoDateTime,
  action: z.string().min(1).max(2000),
  outcome: AssistanceOutcome,
  note: z.string().max(2000).nullable(),
});
export type Assistance = z.infer<typeof Assistance>;

// ---------------------------------------------------------------------------
// Consent and audit (issue 6)

export const Consent = z.object({
  id: idOf('Consent'),
  householdId: idOf('Household'),
  organizationIds: z.array(idOf('Organization')),
  categories: z.array(CategoryCode),
  /** A guardian's consent, required to share children's records. */
  guardianConsent: z.boolean(),
  recordedBy: ActorId,
  recordedAt: IsoDateTime,
  validUntil: IsoDateTime.nullable(),
  withdrawnAt: IsoDateTime.nullable(),
});
export type Consent = z.infer<typeof Consent>;

export const AuditEvent = z.object({
  id: idOf('AuditEvent'),
  at: IsoDateTime,
  actorId: z.string(),
  role: z.string(),
  action: z.enum(['READ_SENSITIVE', 'WRITE']),
  entityKind: z.string(),
  entityId: z.string(),
  fields: z.array(z.string()),
  purpose: z.string(),
  correlationId: z.string(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

// ---------------------------------------------------------------------------
// Entity registry

export const ENTITY_SCHEMAS = {
  Township,
  Village,
  Household,
  Need,
  Person,
  Organization,
  Service,
  Relationship,
  Referral,
  Assistance,
  Consent,
  AuditEvent,
} as const satisfies Record<EntityKind, z.ZodType>;

export interface EntityMap {
  Township: Township;
  Village: Village;
  Household: Household;
  Need: Need;
  Person: Person;
  Organization: Organization;
  Service: Service;
  Relationship: Relationship;
  Referral: Referral;
  Assistance: Assistance;
  Consent: Consent;
  AuditEvent: AuditEvent;
}
