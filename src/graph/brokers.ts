import { betweennessCentrality, type BetweennessOptions } from './betweennessCentrality';
import { NETWORK_SCOPE } from './EdgeScope';
import { projectEdgeScope, type ScopedProjection } from './projectEdgeScope';
import type { StakeholderGraph, StakeholderNodeKind } from './StakeholderGraph';

export interface Broker {
  nodeId: string;
  kind: StakeholderNodeKind;
  label: string;
  betweenness: number;
  standardError: number;
  /**
   * Into how many separate groups the broker's neighbours fall once it is
   * removed: 1 means others can route around it, 2 or more means it is the
   * only bridge between those groups (an articulation point).
   */
  piecesIfRemoved: number;
  /** Distinct home townships of its neighbours, sorted: the townships it links. */
  bridgedTownshipIds: string[];
  /** How many neighbours of each kind it has. */
  neighbourKinds: Partial<Record<StakeholderNodeKind, number>>;
}

/**
 * The n stakeholders with the highest betweenness (see betweennessCentrality
 * for scope, sampling and options), with why they matter: which groups and
 * townships they hold together. Nodes with betweenness 0 broker nothing and
 * are never listed, so fewer than n may come back. Ties by id.
 */
export function brokers(graph: StakeholderGraph, n: number, options: BetweennessOptions = {}): Broker[] {
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`graph/brokers: n must be a positive integer (how many brokers to list), got ${String(n)}`);
  }
  const result = betweennessCentrality(graph, options);
  const projection = projectEdgeScope(graph, options, NETWORK_SCOPE);
  const top = [...result.centrality]
    .filter(([, value]) => value > 0)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, n);
  return top.map(([nodeId, betweenness]) => {
    const attributes = graph.getNodeAttributes(nodeId);
    const index = projection.indexOf.get(nodeId) as number;
    const neighbourIds = (projection.neighbours[index] as readonly number[]).map((i) => projection.ids[i] as string);
    const townships = new Set<string>();
    const neighbourKinds: Partial<Record<StakeholderNodeKind, number>> = {};
    for (const id of neighbourIds) {
      const neighbour = graph.getNodeAttributes(id);
      if (neighbour.townshipId !== null) townships.add(neighbour.townshipId);
      neighbourKinds[neighbour.kind] = (neighbourKinds[neighbour.kind] ?? 0) + 1;
    }
    return {
      nodeId,
      kind: attributes.kind,
      label: attributes.label,
      betweenness,
      standardError: result.standardError.get(nodeId) ?? 0,
      piecesIfRemoved: piecesAround(projection, index),
      bridgedTownshipIds: [...townships].sort(),
      neighbourKinds,
    };
  });
}

// Private:

/** Groups the neighbours of `removed` fall into without it: one BFS per group found. */
function piecesAround(projection: ScopedProjection, removed: number): number {
  const seen = new Uint8Array(projection.ids.length);
  seen[removed] = 1;
  let pieces = 0;
  for (const start of projection.neighbours[removed] as readonly number[]) {
    if (seen[start]) continue;
    pieces++;
    seen[start] = 1;
    const queue = [start];
    while (queue.length > 0) {
      const v = queue.pop() as number;
      for (const w of projection.neighbours[v] as readonly number[]) {
        if (!seen[w]) {
          seen[w] = 1;
          queue.push(w);
        }
      }
    }
  }
  return pieces;
}
