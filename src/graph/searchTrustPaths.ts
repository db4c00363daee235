import { BinaryHeap } from './BinaryHeap';
import type { StakeholderEdgeAttributes } from './StakeholderGraph';
import { DEFAULT_BUILDING_PENALTY, trustEdgeCost } from './trustEdgeCost';
import { forEachTrustEdge, hasTrustNode, type TrustNetwork } from './TrustNetwork';
import type { TrustDistance, TrustDistances, TrustPath, TrustPathOptions, TrustStatus } from './TrustPathTypes';

/**
 * Dijkstra over the trust edges from one source, shared by trustPath (which
 * stops at its target) and trustDistancesFrom (which explores everything).
 *
 * Paths are ordered by (cost, hops, node-id sequence): the cheapest; among
 * equally cheap ones the one with fewer hops; then the one whose sequence of
 * node ids is lexicographically smallest, comparing ids by UTF-16 code units
 * (plain `<`, not locale-dependent). Between the same two nodes the ESTABLISHED
 * parallel edge is preferred, then the smallest edge key. That order is total
 * and is preserved by extending two paths with the same edge, and every usable
 * edge costs at least 1, so the first time a node leaves the heap its label is
 * final: every path that could still improve it is strictly cheaper and has
 * left the heap already.
 *
 * Costs are compared with a relative tolerance of 1e-9 so that a fractional
 * buildingPenalty summed in a different order still ties.
 */
export function searchTrustPaths(
  network: TrustNetwork,
  fromId: string,
  options: TrustPathOptions,
  caller: string,
  targetId?: string,
): TrustDistances {
  const buildingPenalty = options.buildingPenalty ?? DEFAULT_BUILDING_PENALTY;
  const allowBuilding = options.allowBuilding ?? true;
  const maxCost = options.maxCost ?? Infinity;
  if (!Number.isFinite(buildingPenalty) || buildingPenalty < 0) {
    throw new Error(`graph/${caller}: options.buildingPenalty must be a finite number ≥ 0, got ${String(buildingPenalty)}`);
  }
  if (Number.isNaN(maxCost) || maxCost < 0) {
    throw new Error(`graph/${caller}: options.maxCost must be ≥ 0 (or Infinity), got ${String(maxCost)}`);
  }
  for (const [name, id] of targetId === undefined ? [['fromId', fromId]] : [['fromId', fromId], ['toId', targetId]]) {
    if (!hasTrustNode(network, id as string)) {
      throw new Error(
        `graph/${caller}: ${name} "${id}" is not a node of the graph; build the graph from a snapshot that holds it (households: use withHousehold)`,
      );
    }
  }
  const excluded = new Set(options.excludeNodeIds ?? []);
  const costOptions = { buildingPenalty, allowBuilding };
  const labels = new Map<string, Label>();
  const heap = new BinaryHeap<HeapEntry>(compareEntries);

  if (!excluded.has(fromId)) {
    labels.set(fromId, { cost: 0, hops: 0, weakest: 'ESTABLISHED', predId: null, edgeKey: null, edge: null, settled: false });
    heap.push({ id: fromId, cost: 0, hops: 0 });
  }

  for (let entry = heap.pop(); entry !== undefined; entry = heap.pop()) {
    const u = labels.get(entry.id) as Label;
    // The smallest heap entry of a node carries its current label; later ones are stale.
    if (u.settled) continue;
    u.settled = true;
    if (entry.id === targetId) break;

    forEachTrustEdge(network, entry.id, (edgeKey, attributes, neighbourId) => {
      if (excluded.has(neighbourId)) return;
      const edgeCost = trustEdgeCost(attributes, costOptions);
      if (edgeCost === null) return;
      const cost = u.cost + edgeCost;
      if (compareCosts(cost, maxCost) > 0) return;
      const candidate: Label = {
        cost,
        hops: u.hops + 1,
        weakest: worse(u.weakest, attributes.status as TrustStatus),
        predId: entry.id,
        edgeKey,
        edge: attributes,
        settled: false,
      };
      const current = labels.get(neighbourId);
      if (current === undefined || (!current.settled && compareLabels(candidate, current, labels) < 0)) {
        labels.set(neighbourId, candidate);
        heap.push({ id: neighbourId, cost: candidate.cost, hops: candidate.hops });
      }
    });
  }

  const distances = new Map<string, TrustDistance>();
  for (const [id, label] of labels) {
    if (label.settled) distances.set(id, { cost: label.cost, hops: label.hops, weakestStatus: label.weakest });
  }
  return { fromId, distances, pathTo: (toId) => pathTo(fromId, toId, labels) };
}

// Private:

interface Label {
  cost: number;
  hops: number;
  weakest: TrustStatus;
  predId: string | null;
  edgeKey: string | null;
  edge: StakeholderEdgeAttributes | null;
  settled: boolean;
}

interface HeapEntry {
  id: string;
  cost: number;
  hops: number;
}

const STATUS_RANK: Record<TrustStatus, number> = { ESTABLISHED: 0, BUILDING: 1 };

function worse(a: TrustStatus, b: TrustStatus): TrustStatus {
  return STATUS_RANK[a] >= STATUS_RANK[b] ? a : b;
}

function compareCosts(a: number, b: number): number {
  if (a === b) return 0;
  if (Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))) return 0;
  return a < b ? -1 : 1;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareEntries(a: HeapEntry, b: HeapEntry): number {
  return compareCosts(a.cost, b.cost) || a.hops - b.hops || compareStrings(a.id, b.id);
}

/** Two labels of the same node: negative when `a` is the better path. */
function compareLabels(a: Label, b: Label, labels: ReadonlyMap<string, Label>): number {
  const byCostHops = compareCosts(a.cost, b.cost) || a.hops - b.hops;
  if (byCostHops !== 0) return byCostHops;
  if (a.predId !== b.predId) {
    // Equal hops, so the two predecessor paths have equal length: compare them position by position.
    const pa = nodeSequence(a.predId, labels);
    const pb = nodeSequence(b.predId, labels);
    for (let i = 0; i < pa.length; i++) {
      const order = compareStrings(pa[i] as string, pb[i] as string);
      if (order !== 0) return order;
    }
    return 0;
  }
  const statusA = STATUS_RANK[(a.edge?.status ?? 'ESTABLISHED') as TrustStatus];
  const statusB = STATUS_RANK[(b.edge?.status ?? 'ESTABLISHED') as TrustStatus];
  return statusA - statusB || compareStrings(a.edgeKey ?? '', b.edgeKey ?? '');
}

/** Node ids from the source to nodeId, following predecessors. */
function nodeSequence(nodeId: string | null, labels: ReadonlyMap<string, Label>): string[] {
  const ids: string[] = [];
  for (let id = nodeId; id !== null; id = labels.get(id)?.predId ?? null) ids.push(id);
  return ids.reverse();
}

function pathTo(fromId: string, toId: string, labels: ReadonlyMap<string, Label>): TrustPath | null {
  const end = labels.get(toId);
  if (end === undefined || !end.settled) return null;
  const steps: TrustPath['steps'] = [];
  for (let id = toId, label = end; label.predId !== null; ) {
    const edge = label.edge as StakeholderEdgeAttributes;
    steps.push({
      fromId: label.predId,
      toId: id,
      type: edge.type,
      status: edge.status as TrustStatus,
      since: edge.since,
      edgeKey: label.edgeKey as string,
    });
    id = label.predId;
    label = labels.get(id) as Label;
  }
  steps.reverse();
  return { fromId, toId, steps, hops: end.hops, cost: end.cost, weakestStatus: end.weakest };
}
