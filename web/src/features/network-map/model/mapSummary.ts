import type { MapGraph } from './buildMapGraph';
import { STATUSES, type RelationshipStatus } from './mapData';

/**
 * What the rendered graph shows, for the browser suite (window.__huzhuMap
 * outside production, and the map's data-summary attribute): per status,
 * how many visible edges and the distinct colours/sizes they are drawn with.
 */
export interface MapSummary {
  nodes: number;
  edges: number;
  visibleNodes: number;
  visibleEdges: number;
  layout: string;
  byStatus: Record<RelationshipStatus, { count: number; colors: string[]; sizes: number[] }>;
  highlighted: string[];
}

export function summarizeMap(graph: MapGraph, layout: string): MapSummary {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, { count: 0, colors: new Set<string>(), sizes: new Set<number>() }])) as Record<
    RelationshipStatus,
    { count: number; colors: Set<string>; sizes: Set<number> }
  >;
  let visibleEdges = 0;
  graph.forEachEdge((_e, a) => {
    if (a.hidden) return;
    visibleEdges += 1;
    if (a.status === null) return;
    const row = byStatus[a.status];
    row.count += 1;
    row.colors.add(a.color);
    row.sizes.add(a.baseSize);
  });
  const highlighted: string[] = [];
  let visibleNodes = 0;
  graph.forEachNode((id, a) => {
    if (!a.hidden) visibleNodes += 1;
    if (a.highlighted) highlighted.push(id);
  });
  return {
    nodes: graph.order,
    edges: graph.size,
    visibleNodes,
    visibleEdges,
    layout,
    byStatus: Object.fromEntries(STATUSES.map((s) => [s, { count: byStatus[s].count, colors: [...byStatus[s].colors], sizes: [...byStatus[s].sizes] }])) as MapSummary['byStatus'],
    highlighted,
  };
}
