/**
 * What matching needs to know about the best trust path from a household to a
 * service. The path-finder (src/graph) computes it; matching receives it
 * through an injected function so domain code never depends on graph code.
 *
 * Kept structural on purpose: any object with these fields fits, so the graph
 * module's richer result can be passed as is.
 */
export interface TrustPathInfo {
  /** Number of links on the path (household → liaison → station → organisation → service = 4). */
  hops: number;
  /** Total path cost as the path-finder weighs it (≥ 0; BUILDING links cost more than ESTABLISHED ones). */
  cost: number;
  /**
   * The weakest relationship on the path. PROSPECTIVE links never carry a
   * referral, so a path through one is no path: the path-finder returns null.
   */
  weakestStatus: TrustedStatus;
  /** The path itself, opaque to matching; passed through to the caller for display. */
  steps: readonly unknown[];
}

/** Relationship states a referral may travel through. */
export type TrustedStatus = 'ESTABLISHED' | 'BUILDING';

/** Best trust path from the household being matched to a service, or null when none is usable. */
export type TrustPathLookup = (serviceId: string) => TrustPathInfo | null;
