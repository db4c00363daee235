import type { HouseholdNodeAttributes, StakeholderEdgeAttributes, StakeholderGraph } from './StakeholderGraph';

/**
 * A stakeholder graph with one household added on top, without copying the
 * graph: the household's few edges live in the overlay and the base graph is
 * never mutated, so one shared projection can serve concurrent requests.
 * Creating one is O(1); traversing it costs one extra comparison per node.
 */
export interface HouseholdOverlay {
  readonly base: StakeholderGraph;
  readonly householdId: string;
  readonly household: HouseholdNodeAttributes;
  /** The overlay's edges; every one has the household as its other end. */
  readonly edges: ReadonlyArray<OverlayEdge>;
}

export interface OverlayEdge {
  key: string;
  neighbourId: string;
  attributes: StakeholderEdgeAttributes;
}

/** What trust paths run on: the projection itself or a household overlay of it. */
export type TrustNetwork = StakeholderGraph | HouseholdOverlay;

export function isHouseholdOverlay(network: TrustNetwork): network is HouseholdOverlay {
  return 'householdId' in network && 'base' in network;
}

export function hasTrustNode(network: TrustNetwork, nodeId: string): boolean {
  if (isHouseholdOverlay(network)) return nodeId === network.householdId || network.base.hasNode(nodeId);
  return network.hasNode(nodeId);
}

/** Calls back once per edge incident to nodeId, overlay edges included. */
export function forEachTrustEdge(
  network: TrustNetwork,
  nodeId: string,
  callback: (edgeKey: string, attributes: StakeholderEdgeAttributes, neighbourId: string) => void,
): void {
  if (!isHouseholdOverlay(network)) {
    forEachBaseEdge(network, nodeId, callback);
    return;
  }
  if (nodeId === network.householdId) {
    for (const e of network.edges) callback(e.key, e.attributes, e.neighbourId);
    return;
  }
  forEachBaseEdge(network.base, nodeId, callback);
  for (const e of network.edges) {
    if (e.neighbourId === nodeId) callback(e.key, e.attributes, network.householdId);
  }
}

// Private:

function forEachBaseEdge(
  graph: StakeholderGraph,
  nodeId: string,
  callback: (edgeKey: string, attributes: StakeholderEdgeAttributes, neighbourId: string) => void,
): void {
  graph.forEachEdge(nodeId, (edgeKey, attributes, source, target) => {
    callback(edgeKey, attributes, source === nodeId ? target : source);
  });
}
