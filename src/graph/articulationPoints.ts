import { ESTABLISHED_TRUST_SCOPE, type EdgeScope } from './EdgeScope';
import { projectEdgeScope, type ScopedProjection } from './projectEdgeScope';
import type { StakeholderGraph, StakeholderNodeKind } from './StakeholderGraph';

export interface ArticulationPoint {
  nodeId: string;
  kind: StakeholderNodeKind;
  label: string;
  /** How many groups its component falls into without it (≥ 2). */
  pieces: number;
  /**
   * The nodes that lose every path to the largest of those groups (ties: the
   * group holding the smallest id), sorted: what this single point of failure
   * holds on to.
   */
  cutOffNodeIds: string[];
}

/**
 * Single points of failure: nodes whose removal disconnects their component.
 * Default scope: ESTABLISHED traversable edges only, the routes a referral
 * can rely on today (pass `statuses` to include BUILDING links in a what-if).
 * Sorted by how much each cuts off (most first), then id.
 *
 * Tarjan's low-link algorithm with an explicit stack (the graph can have
 * thousands of nodes and a recursion that deep can overflow the call stack),
 * on the simple projection so parallel links are one edge. DFS preorder makes
 * every DFS subtree a contiguous slice of the visit order, which is how the
 * cut-off groups are listed without a search per point. Cost O(n + m) plus the
 * size of the lists returned, which grows quadratically only on long chains
 * (a path of n nodes lists ~n²/4 ids); the projection is tree-like but shallow.
 */
export function articulationPoints(graph: StakeholderGraph, options: EdgeScope = {}): ArticulationPoint[] {
  const projection = projectEdgeScope(graph, options, ESTABLISHED_TRUST_SCOPE);
  const dfs = lowLinkSearch(projection);
  const points: ArticulationPoint[] = [];
  for (let u = 0; u < projection.ids.length; u++) {
    const separated = dfs.separatedChildren[u] as number[];
    const isRoot = dfs.parent[u] === -1;
    if (isRoot ? separated.length < 2 : separated.length === 0) continue;
    const nodeId = projection.ids[u] as string;
    const attributes = graph.getNodeAttributes(nodeId);
    const cutOff = cutOffAround(dfs, u, separated);
    points.push({
      nodeId,
      kind: attributes.kind,
      label: attributes.label,
      pieces: separated.length + (isRoot ? 0 : 1),
      cutOffNodeIds: cutOff.map((i) => projection.ids[i] as string).sort(),
    });
  }
  return points.sort(
    (a, b) => b.cutOffNodeIds.length - a.cutOffNodeIds.length || (a.nodeId < b.nodeId ? -1 : a.nodeId > b.nodeId ? 1 : 0),
  );
}

// Private:

interface LowLinkSearch {
  /** Preorder number of each node. */
  disc: Int32Array;
  /** Nodes in preorder: order[disc[v]] === v. */
  order: Int32Array;
  /** Nodes in v's DFS subtree, v included: they are order[disc[v] .. disc[v] + size[v]). */
  size: Int32Array;
  parent: Int32Array;
  /** The DFS root of each node's component. */
  root: Int32Array;
  /** Children c of v with low[c] ≥ disc[v]: their subtrees hang on v alone. */
  separatedChildren: number[][];
}

function lowLinkSearch(projection: ScopedProjection): LowLinkSearch {
  const n = projection.ids.length;
  const { neighbours } = projection;
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const order = new Int32Array(n);
  const size = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const root = new Int32Array(n);
  const nextNeighbour = new Int32Array(n);
  const separatedChildren: number[][] = Array.from({ length: n }, () => []);
  const stack: number[] = [];
  let time = 0;

  const visit = (v: number, from: number, r: number): void => {
    disc[v] = low[v] = time;
    order[time++] = v;
    parent[v] = from;
    root[v] = r;
    stack.push(v);
  };

  for (let r = 0; r < n; r++) {
    if (disc[r] !== -1) continue;
    visit(r, -1, r);
    while (stack.length > 0) {
      const u = stack[stack.length - 1] as number;
      const list = neighbours[u] as readonly number[];
      const i = nextNeighbour[u] as number;
      if (i < list.length) {
        nextNeighbour[u] = i + 1;
        const w = list[i] as number;
        if (disc[w] === -1) visit(w, u, r);
        // The projection is simple, so the one edge back to the parent is the tree edge itself.
        else if (w !== parent[u]) low[u] = Math.min(low[u] as number, disc[w] as number);
        continue;
      }
      stack.pop();
      size[u] = time - (disc[u] as number);
      const p = parent[u] as number;
      if (p !== -1) {
        low[p] = Math.min(low[p] as number, low[u] as number);
        if ((low[u] as number) >= (disc[p] as number)) (separatedChildren[p] as number[]).push(u);
      }
    }
  }
  return { disc, order, size, parent, root, separatedChildren };
}

/**
 * The groups u's component splits into without u: each separated child's
 * subtree, plus (unless u is the root) the rest. Returns every node outside
 * the largest group (ties: the group with the smallest node index, i.e. id).
 */
function cutOffAround(dfs: LowLinkSearch, u: number, separated: readonly number[]): number[] {
  const slice = (v: number): number[] =>
    Array.from(dfs.order.subarray(dfs.disc[v] as number, (dfs.disc[v] as number) + (dfs.size[v] as number)));
  const groups: Array<() => number[]> = separated.map((c) => () => slice(c));
  const sizes = separated.map((c) => dfs.size[c] as number);
  if (dfs.parent[u] !== -1) {
    const r = dfs.root[u] as number;
    const inSeparated = new Set(separated);
    sizes.push((dfs.size[r] as number) - 1 - sizes.reduce((a, b) => a + b, 0));
    // The rest: the component outside u's subtree, plus u's children that reach above u.
    groups.push(() => {
      const start = dfs.disc[r] as number;
      const end = start + (dfs.size[r] as number);
      const uStart = dfs.disc[u] as number;
      const uEnd = uStart + (dfs.size[u] as number);
      const rest = [...dfs.order.subarray(start, uStart), ...dfs.order.subarray(uEnd, end)];
      for (let i = uStart + 1; i < uEnd; i += dfs.size[dfs.order[i] as number] as number) {
        const child = dfs.order[i] as number;
        if (!inSeparated.has(child)) for (const v of slice(child)) rest.push(v);
      }
      return rest;
    });
  }
  const largestSize = sizes.reduce((a, b) => Math.max(a, b), 0);
  const tied = sizes.flatMap((s, i) => (s === largestSize ? [i] : []));
  const smallestMember = (i: number): number => (groups[i] as () => number[])().reduce((a, b) => Math.min(a, b), Infinity);
  const keep = tied.length === 1 ? (tied[0] as number) : tied.reduce((a, b) => (smallestMember(b) < smallestMember(a) ? b : a));
  const cutOff: number[] = [];
  groups.forEach((group, i) => {
    if (i !== keep) for (const v of group()) cutOff.push(v);
  });
  return cutOff;
}
