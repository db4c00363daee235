/** Matching: where should a need go, and who gets the scarce slots. See README.md. */
export { capacityLeft, hasCapacity, slotsOpen } from './capacityLeft';
export { evaluateEligibility } from './evaluateEligibility';
export type { EligibilityCheck, EligibilityResult, EligibilityRule, EvaluateEligibilityOptions } from './evaluateEligibility';
export { matchNeed } from './matchNeed';
export type { MatchNeedInput } from './matchNeed';
export { EXCLUSION_REASONS } from './MatchResult';
export type { Considered, DataIssue, ExcludedService, ExclusionReason, Match, Matched, MatchResult, NoMatchReason, NoSuitableResource } from './MatchResult';
export { planAllocations } from './planAllocations';
export type { AllocationNeed, AllocationPlan, Assignment, PlanAllocationsInput, Unassigned, VillageAllocationSummary } from './planAllocations';
export { callsForInPerson, compareScoredMatches, IN_PERSON_MARKERS, SCORE_SCALES, SCORE_WEIGHTS, scoreMatch } from './scoreMatch';
export type { RankedFields, ScoredMatch, ScoreInput, ScoreParts, TrackRecord } from './scoreMatch';
export { servesVillage } from './servesVillage';
export type { ServedHow, ServesVillageOptions, ServesVillageResult } from './servesVillage';
export type { TrustedStatus, TrustPathInfo, TrustPathLookup } from './TrustPathInfo';
export { VULNERABILITY_TIERS, vulnerabilityTier, vulnerabilityTierIndex } from './vulnerabilityTier';
export type { VulnerabilityTier } from './vulnerabilityTier';
