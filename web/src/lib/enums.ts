/** Enum values the console offers in forms (labels: enums.<Enum>.<value> in the catalogues). */
export const MARKERS = ['DIBAO', 'TEKUN', 'DISABILITY_CERTIFICATE', 'SERIOUS_ILLNESS', 'LEFT_BEHIND_CHILDREN', 'SOLITARY_ELDERLY', 'EMPTY_NEST_ELDERLY'] as const;
export const AGE_BANDS = ['AGE_0_3', 'AGE_4_6', 'AGE_7_17', 'AGE_18_59', 'AGE_60_79', 'AGE_80_PLUS'] as const;
export const CHILD_BANDS: readonly string[] = ['AGE_0_3', 'AGE_4_6', 'AGE_7_17'];
export const URGENCIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export const REFERRAL_STATUSES = ['SENT', 'ACCEPTED', 'IN_PROGRESS', 'RESOLVED', 'DECLINED', 'CANCELLED'] as const;
export const REFERRAL_REASONS = ['NO_CAPACITY', 'NOT_ELIGIBLE', 'COULD_NOT_CONTACT', 'REFERRED_ELSEWHERE', 'DECLINED_BY_FAMILY', 'OTHER'] as const;
export const ASSISTANCE_OUTCOMES = ['HELPED', 'PARTIALLY_HELPED', 'NOT_HELPED', 'FOLLOW_UP_NEEDED'] as const;
export const ROLES_ASSIGNABLE = ['ADMIN', 'COORDINATOR', 'SOCIAL_WORKER', 'VOLUNTEER', 'PARTNER_NGO', 'DESIGNER'] as const;
