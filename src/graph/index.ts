/** The public surface of src/graph: pure algorithms over the stakeholder projection (no I/O). */
export type { NetworkSnapshot, VillageHouseholdCounts } from './NetworkSnapshot';
export type * from './StakeholderGraph';
export type { HouseholdOverlay, OverlayEdge, TrustNetwork } from './TrustNetwork';
export { isHouseholdOverlay } from './TrustNetwork';
export type * from './TrustPathTypes';
export type { EdgeScope } from './EdgeScope';
export { ESTABLISHED_TRUST_SCOPE, NETWORK_SCOPE } from './EdgeScope';
export { buildStakeholderGraph, type BuildStakeholderGraphOptions } from './buildStakeholderGraph';
export { inForceOn, snapshotAsOf } from './snapshotAsOf';
export { withHousehold, type OverlayHousehold } from './withHousehold';
export { DEFAULT_BUILDING_PENALTY, trustEdgeCost } from './trustEdgeCost';
export { trustPath } from './trustPath';
export { trustDistancesFrom } from './trustDistancesFrom';
export { householdTrustDistances, HOUSEHOLD_TRUST_CACHE_LIMIT, type HouseholdTrustCache } from './householdTrustCache';
export { degreeCentrality, type DegreeCentrality } from './degreeCentrality';
export {
  betweennessCentrality,
  DEFAULT_EXACT_THRESHOLD,
  DEFAULT_SAMPLE_SIZE,
  type BetweennessOptions,
  type BetweennessResult,
} from './betweennessCentrality';
export { brokers, type Broker } from './brokers';
export { connectedComponents } from './connectedComponents';
export { isolatedStakeholders } from './isolatedStakeholders';
export { density } from './density';
export { articulationPoints, type ArticulationPoint } from './articulationPoints';
export { cutOffBy, type CutOffByOptions } from './cutOffBy';
export { islandsWithout } from './islandsWithout';
