import type { Assistance, Need, Person, Referral, Relationship, RelationshipStatus, Urgency } from './model';

/**
 * How the network counts its progress (DOMAIN.md "Stated targets"; issue 15):
 * the definitions every coverage figure is computed by and returned with.
 * One file holds them all, so a definition changes in one place, and its
 * text below changes with it (bump DEFINITIONS_VERSION when it does).
 *
 * - VILLAGES_COVERED: a village or community is covered when it has an
 *   ESTABLISHED liaison or volunteer — the network's own measure ("linked 24
 *   communities and put a community liaison or volunteer in each").
 * - FAMILIES_COVERED: a family is covered when it is registered in a covered
 *   village.
 * - MOST_VULNERABLE_SUPPORTED: among the 20 top-ranked households
 *   (vulnerability index), those with an IN_PROGRESS or RESOLVED referral, or
 *   recorded assistance (other than NOT_HELPED), for an urgent (HIGH or
 *   CRITICAL) MEDICAL, ELDERLY_CARE or EDUCATION need within the reporting
 *   period.
 * - OFFICERS_TRAINED: community development officers (社区发展专员) with a
 *   completed course in their training record (domain/developmentOfficers;
 *   a record from before courses were tracked counts by its trainedAt).
 * Beside them, per village, which support categories (MEDICAL, ELDERLY_CARE,
 * EDUCATION) have a suitable service reachable through ESTABLISHED links
 * (services/coverage/villageCoverage).
 */
export const DEFINITIONS_VERSION = '2026-12 (issue 15)';

export type CoverageTargetKey = 'VILLAGES_COVERED' | 'FAMILIES_COVERED' | 'MOST_VULNERABLE_SUPPORTED' | 'OFFICERS_TRAINED';

export interface CoverageDefinition {
  key: CoverageTargetKey;
  version: string;
  labelZh: string;
  labelEn: string;
  target: number;
  /** What is counted, in Chinese (first: what users read) and English. */
  zh: string;
  en: string;
}

export const MOST_VULNERABLE_COUNT = 20;
/** The needs the most-vulnerable target is about, and the categories each village's reach is shown for. */
export const SUPPORT_CATEGORIES: readonly string[] = ['MEDICAL', 'ELDERLY_CARE', 'EDUCATION'];
/** "Urgent" needs. */
export const URGENT_URGENCIES: readonly Urgency[] = ['HIGH', 'CRITICAL'];
/** Referral statuses that mean help is under way or done. */
export const SUPPORTING_REFERRAL_STATUSES = ['IN_PROGRESS', 'RESOLVED'] as const;
/** The people whose presence makes a village covered. */
export const LIAISON_ROLES = ['LIAISON', 'VOLUNTEER'] as const;

export const COVERAGE_DEFINITIONS: Readonly<Record<CoverageTargetKey, CoverageDefinition>> = {
  VILLAGES_COVERED: {
    key: 'VILLAGES_COVERED',
    version: DEFINITIONS_VERSION,
    labelZh: '覆盖村（社区）数',
    labelEn: 'Villages/communities covered',
    target: 20,
    zh: '村或社区有一名关系已建立（ESTABLISHED）的社区联络人或志愿者，即计为已覆盖（网络自身的口径）。联络人关系仍在建立（BUILDING）或拟建立（PROSPECTIVE）的村，差一名联络人即可覆盖。',
    en: 'A village or community is covered when it has a community liaison or volunteer whose relationship with the network is ESTABLISHED (the network\'s own measure). Villages whose liaison is still BUILDING or PROSPECTIVE are one liaison away.',
  },
  FAMILIES_COVERED: {
    key: 'FAMILIES_COVERED',
    version: DEFINITIONS_VERSION,
    labelZh: '覆盖家庭数',
    labelEn: 'Families covered',
    target: 10_000,
    zh: '登记在已覆盖村（社区）的家庭数。',
    en: 'Households registered in a covered village or community.',
  },
  MOST_VULNERABLE_SUPPORTED: {
    key: 'MOST_VULNERABLE_SUPPORTED',
    version: DEFINITIONS_VERSION,
    labelZh: `最困难的${MOST_VULNERABLE_COUNT}户家庭获得帮扶`,
    labelEn: `The ${MOST_VULNERABLE_COUNT} most vulnerable families supported`,
    target: MOST_VULNERABLE_COUNT,
    zh: `脆弱性指数排名前${MOST_VULNERABLE_COUNT}的家庭中，在报告期内其紧急（HIGH/CRITICAL）的医疗、养老或教育需求有进行中（IN_PROGRESS）或已解决（RESOLVED）的转介，或有帮扶记录（结果不是“未帮到”）的家庭数。`,
    en: `Among the ${MOST_VULNERABLE_COUNT} households ranked highest by the vulnerability index, those with an IN_PROGRESS or RESOLVED referral, or recorded assistance (outcome other than NOT_HELPED), for an urgent (HIGH or CRITICAL) MEDICAL, ELDERLY_CARE or EDUCATION need within the reporting period.`,
  },
  OFFICERS_TRAINED: {
    key: 'OFFICERS_TRAINED',
    version: DEFINITIONS_VERSION,
    labelZh: '已培训社区发展专员',
    labelEn: 'Community development officers trained',
    target: 20,
    zh: '具有社区发展专员（COMMUNITY_DEVELOPMENT_OFFICER）角色、培训记录中至少有一门课程已完成的人数（课程记录之前的人员按培训完成日期 trainedAt 计）。',
    en: 'People with the COMMUNITY_DEVELOPMENT_OFFICER role with at least one completed course in their training record (Person.trainings; a record from before courses were tracked counts by its trainedAt).',
  },
};

export type LiaisonStatus = RelationshipStatus | 'NONE';

/**
 * How far a liaison or volunteer is linked to the network: the strongest
 * status among their relationships (ESTABLISHED > BUILDING > PROSPECTIVE).
 * One recorded with no relationship at all is assigned but not yet linked
 * to anyone in the network: PROSPECTIVE, one tie away.
 */
export function liaisonStanding(relationshipsOfPerson: readonly Pick<Relationship, 'status'>[]): RelationshipStatus {
  if (relationshipsOfPerson.length === 0) return 'PROSPECTIVE';
  return relationshipsOfPerson.reduce<RelationshipStatus>((best, r) => (RANK[r.status] > RANK[best] ? r.status : best), 'PROSPECTIVE');
}

export interface VillageLiaisons {
  /** The strongest standing among the village's liaisons and volunteers; NONE when it has none. */
  status: LiaisonStatus;
  /** Liaisons and volunteers assigned to the village (Person.villageIds), by id. */
  personIds: string[];
}

/**
 * The liaison standing of every village: VILLAGES_COVERED counts the
 * villages whose status is ESTABLISHED. Only a direct assignment counts
 * (Person.villageIds), not a township-wide one.
 */
export function villageLiaisons(
  people: readonly Pick<Person, 'id' | 'roles' | 'villageIds'>[],
  relationships: readonly Pick<Relationship, 'fromId' | 'toId' | 'status'>[],
): Map<string, VillageLiaisons> {
  const roles: ReadonlySet<string> = new Set(LIAISON_ROLES);
  const liaisons = people.filter((p) => p.roles.some((r) => roles.has(r)));
  const ids = new Set(liaisons.map((p) => p.id));
  const tiesOf = new Map<string, Array<Pick<Relationship, 'status'>>>();
  for (const r of relationships) {
    for (const end of [r.fromId, r.toId]) {
      if (!ids.has(end)) continue;
      const list = tiesOf.get(end);
      if (list) list.push(r);
      else tiesOf.set(end, [r]);
    }
  }
  const byVillage = new Map<string, VillageLiaisons>();
  for (const p of [...liaisons].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const standing = liaisonStanding(tiesOf.get(p.id) ?? []);
    for (const villageId of new Set(p.villageIds)) {
      const entry = byVillage.get(villageId) ?? { status: 'NONE' as LiaisonStatus, personIds: [] };
      entry.personIds.push(p.id);
      if (entry.status === 'NONE' || RANK[standing] > RANK[entry.status]) entry.status = standing;
      byVillage.set(villageId, entry);
    }
  }
  return byVillage;
}

/** The period a report covers, both ends included. */
export interface ReportingPeriod {
  from: Date;
  to: Date;
}

/** Why a top-ranked family does not count as supported (the first that applies). */
export type SupportGap =
  /** No urgent MEDICAL, ELDERLY_CARE or EDUCATION need is recorded. */
  | 'NO_URGENT_NEED'
  /** Such a need is recorded but nobody has referred it or recorded assistance. */
  | 'NOT_REFERRED'
  /** Referred, and waiting: SENT or ACCEPTED, help not yet under way. */
  | 'REFERRAL_PENDING'
  /** Every referral ended without help (DECLINED, CANCELLED) and no assistance helped. */
  | 'REFERRAL_ENDED_WITHOUT_HELP'
  /** Help was given, but outside the reporting period. */
  | 'OUTSIDE_PERIOD';

export type FamilySupport = { supported: true; needIds: string[] } | { supported: false; gap: SupportGap; needIds: string[] };

/**
 * Whether one top-ranked family counts as supported (MOST_VULNERABLE_SUPPORTED),
 * and if not, why. Pure: the caller passes the family's needs, referrals and
 * assistance records.
 */
export function familySupport(
  input: {
    needs: readonly Pick<Need, 'id' | 'category' | 'urgency'>[];
    referrals: readonly Pick<Referral, 'needId' | 'status' | 'transitions'>[];
    assistances: readonly Pick<Assistance, 'needId' | 'at' | 'outcome'>[];
  },
  period: ReportingPeriod,
): FamilySupport {
  const urgent = input.needs.filter((n) => SUPPORT_CATEGORIES.includes(n.category) && URGENT_URGENCIES.includes(n.urgency));
  const needIds = urgent.map((n) => n.id);
  if (urgent.length === 0) return { supported: false, gap: 'NO_URGENT_NEED', needIds };
  const ids = new Set(needIds);
  const within = (at: string) => {
    const t = Date.parse(at);
    return t >= period.from.getTime() && t <= period.to.getTime();
  };
  const statuses: readonly string[] = SUPPORTING_REFERRAL_STATUSES;
  const referrals = input.referrals.filter((r) => ids.has(r.needId));
  const helped = input.assistances.filter((a) => ids.has(a.needId) && a.outcome !== 'NOT_HELPED');
  // Help under way or done: the time the referral first reached IN_PROGRESS or RESOLVED, or the assistance's time.
  const helpTimes = [
    ...referrals.filter((r) => statuses.includes(r.status)).flatMap((r) => r.transitions.filter((t) => statuses.includes(t.status)).slice(0, 1).map((t) => t.at)),
    ...helped.map((a) => a.at),
  ];
  if (helpTimes.some(within)) return { supported: true, needIds };
  if (helpTimes.length > 0) return { supported: false, gap: 'OUTSIDE_PERIOD', needIds };
  if (referrals.some((r) => r.status === 'SENT' || r.status === 'ACCEPTED')) return { supported: false, gap: 'REFERRAL_PENDING', needIds };
  if (referrals.length > 0 || input.assistances.some((a) => ids.has(a.needId))) return { supported: false, gap: 'REFERRAL_ENDED_WITHOUT_HELP', needIds };
  return { supported: false, gap: 'NOT_REFERRED', needIds };
}

/** What each gap means, for the report (Chinese first). */
export const SUPPORT_GAP_TEXT: Readonly<Record<SupportGap, string>> = {
  NO_URGENT_NEED: '未登记紧急的医疗、养老或教育需求 / no urgent medical, elderly-care or education need recorded',
  NOT_REFERRED: '有紧急需求，尚未转介或记录帮扶 / urgent need recorded, not yet referred or helped',
  REFERRAL_PENDING: '已转介，等待接收或开始服务 / referred, waiting to be accepted or started',
  REFERRAL_ENDED_WITHOUT_HELP: '转介被拒或取消，未获帮扶 / referral declined or cancelled, no help given',
  OUTSIDE_PERIOD: '帮扶发生在报告期外 / help given outside the reporting period',
};

// Private:

const RANK: Readonly<Record<LiaisonStatus, number>> = { NONE: 0, PROSPECTIVE: 1, BUILDING: 2, ESTABLISHED: 3 };
