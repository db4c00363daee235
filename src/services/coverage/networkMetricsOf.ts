import {
  betweennessCentrality,
  brokers,
  connectedComponents,
  degreeCentrality,
  density,
  isolatedStakeholders,
  type StakeholderNodeKind,
} from '../../graph';
import { singlePointsOfFailure, type SinglePointsOfFailure } from './singlePointsOfFailure';
import { stakeholderRef, type StakeholderRef } from './stakeholderRef';
import type { CoverageNetwork, CoverageOptions } from './villageCoverage';

export interface NetworkMetricsOptions extends CoverageOptions {
  /**
   * Pivots for sampled betweenness. Omitted: exact up to 5,000 stakeholders
   * and 500 pivots above (graph/betweennessCentrality). Given: sampled with
   * this many pivots whatever the size (exact when it reaches the node count).
   */
  sampleSize?: number;
  /** How many stakeholders the degree, betweenness and broker lists show. */
  top: number;
  /** Articulation points analysed for lost access (singlePointsOfFailure). */
  spofLimit?: number;
}

export interface CentralityEntry {
  node: StakeholderRef;
  value: number;
}

export interface NetworkMetrics {
  /** Which links each figure counts, in words. */
  scope: string;
  nodes: number;
  nodesByKind: Array<{ kind: StakeholderNodeKind; count: number }>;
  links: number;
  density: number;
  /** Highest degree first (ties by id): degree = distinct neighbours; centrality = degree / (n − 1). */
  degree: Array<CentralityEntry & { degree: number }>;
  betweenness: {
    exact: boolean;
    /** Source nodes counted from: every node when exact. */
    sampleSize: number;
    /** The largest per-node standard error (0 when exact): the precision of the ranking as a whole. */
    maxStandardError: number;
    normalized: boolean;
    top: Array<CentralityEntry & { standardError: number }>;
  };
  components: { count: number; largest: number; sizes: number[] };
  isolated: StakeholderRef[];
  brokers: Array<{
    node: StakeholderRef;
    betweenness: number;
    standardError: number;
    piecesIfRemoved: number;
    bridgedTownships: Array<{ id: string; name: string }>;
    neighbourKinds: Array<{ kind: StakeholderNodeKind; count: number }>;
  }>;
  singlePointsOfFailure: SinglePointsOfFailure;
}

export const METRICS_SCOPE =
  'Degree, betweenness, brokers, components, isolated stakeholders and density count ESTABLISHED and BUILDING links a referral can travel (not PROSPECTIVE links, not the village–township map link); single points of failure count ESTABLISHED links only, what a referral can rely on today. Households are not nodes: they enter as counts per village.';

/** The network metrics of the stakeholder projection (pure over a network and its graph). */
export function networkMetricsOf(network: CoverageNetwork, options: NetworkMetricsOptions): NetworkMetrics {
  const { graph, snapshot } = network;
  if (!Number.isInteger(options.top) || options.top < 1) {
    throw new Error(`services/networkMetricsOf: top must be a positive whole number, got ${String(options.top)}`);
  }
  const ref = (id: string) => stakeholderRef(graph, snapshot, id);
  const betweennessOptions = options.sampleSize === undefined ? {} : { sampleSize: options.sampleSize, exactThreshold: 0 };
  const betweenness = betweennessCentrality(graph, betweennessOptions);
  const degrees = degreeCentrality(graph);
  let degreeSum = 0;
  for (const d of degrees.values()) degreeSum += d.degree;
  const components = connectedComponents(graph);
  const kinds = new Map<StakeholderNodeKind, number>();
  graph.forEachNode((_id, attributes) => kinds.set(attributes.kind, (kinds.get(attributes.kind) ?? 0) + 1));
  const townshipName = new Map(snapshot.townships.map((t) => [t.id, t.name]));

  return {
    scope: METRICS_SCOPE,
    nodes: graph.order,
    nodesByKind: [...kinds].sort(([a], [b]) => (a < b ? -1 : 1)).map(([kind, count]) => ({ kind, count })),
    links: degreeSum / 2,
    density: density(graph),
    degree: topOf(degrees, (d) => d.degree, options.top).map(([id, d]) => ({ node: ref(id), degree: d.degree, value: d.centrality })),
    betweenness: {
      exact: betweenness.exact,
      sampleSize: betweenness.sampleSize,
      maxStandardError: betweenness.maxStandardError,
      normalized: betweenness.normalized,
      top: topOf(betweenness.centrality, (v) => v, options.top)
        .filter(([, value]) => value > 0)
        .map(([id, value]) => ({ node: ref(id), value, standardError: betweenness.standardError.get(id) ?? 0 })),
    },
    components: { count: components.length, largest: components[0]?.length ?? 0, sizes: components.map((c) => c.length) },
    isolated: isolatedStakeholders(graph).map(ref),
    brokers: brokers(graph, options.top, betweennessOptions).map((b) => ({
      node: ref(b.nodeId),
      betweenness: b.betweenness,
      standardError: b.standardError,
      piecesIfRemoved: b.piecesIfRemoved,
      bridgedTownships: b.bridgedTownshipIds.map((id) => ({ id, name: townshipName.get(id) ?? id })),
      neighbourKinds: Object.entries(b.neighbourKinds).map(([kind, count]) => ({ kind: kind as StakeholderNodeKind, count: count ?? 0 })),
    })),
    singlePointsOfFailure: singlePointsOfFailure(network, {
      categories: options.categories,
      maxDistanceKm: options.maxDistanceKm,
      ...(options.spofLimit === undefined ? {} : { limit: options.spofLimit }),
    }),
  };
}

// Private:

/** The n entries with the highest score, ties by id. */
function topOf<T>(map: ReadonlyMap<string, T>, score: (t: T) => number, n: number): Array<[string, T]> {
  return [...map]
    .sort(([a, x], [b, y]) => score(y) - score(x) || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, n);
}
