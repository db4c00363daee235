import type { MapGraph } from './buildMapGraph';
import { NODE_KINDS, STATUSES, type MapNodeKind, type RelationshipStatus } from './mapData';

/** What the designer chose to see. */
export interface MapFilters {
  statuses: RelationshipStatus[];
  kinds: MapNodeKind[];
  /** One township's villages and what touches them (null: the county). */
  townshipId: string | null;
  /** Only services of this support category (and organisations offering one); null: any. */
  category: string | null;
}

export const ALL_FILTERS: MapFilters = { statuses: [...STATUSES], kinds: [...NODE_KINDS], townshipId: null, category: null };

/**
 * Sets `hidden` on every node and edge of the graph (sigma skips hidden
 * items; nothing is removed, so layouts and positions survive a filter).
 * - kind: nodes of unchosen kinds hidden;
 * - status: a person's or organisation's standing, and every tie, must be
 *   one of the chosen statuses (a village's link to its township has none
 *   and follows the village);
 * - township: nodes of that township, and nodes without one (county-wide
 *   organisations, their services) when they touch a node of it;
 * - category: services without it hidden, and organisations whose services
 *   are all hidden by it.
 * Edges show when both ends show and their status is chosen.
 */
export function applyFilters(graph: MapGraph, filters: MapFilters): { visibleNodes: number; visibleEdges: number } {
  const kinds = new Set(filters.kinds);
  const statuses = new Set(filters.statuses);
  const inTownship = (id: string): boolean => {
    const t = graph.getNodeAttribute(id, 'townshipId');
    return t === filters.townshipId;
  };
  const visible = new Set<string>();
  graph.forEachNode((id, a) => {
    if (!kinds.has(a.kind)) return;
    if (a.status !== null && !statuses.has(a.status)) return;
    if (filters.category !== null && a.kind === 'service' && !a.categories.includes(filters.category)) return;
    if (filters.townshipId !== null && a.townshipId !== filters.townshipId) {
      if (a.townshipId !== null) return;
      if (!graph.neighbors(id).some(inTownship)) return;
    }
    visible.add(id);
  });
  if (filters.category !== null) {
    graph.forEachNode((id, a) => {
      if (a.kind !== 'organization' || !visible.has(id)) return;
      const services = graph.outNeighbors(id).filter((n) => graph.getNodeAttribute(n, 'kind') === 'service');
      if (services.length > 0 && !services.some((s) => visible.has(s))) visible.delete(id);
    });
  }
  let visibleEdges = 0;
  graph.forEachNode((id) => graph.setNodeAttribute(id, 'hidden', !visible.has(id)));
  graph.forEachEdge((edge, a, source, target) => {
    const show = visible.has(source) && visible.has(target) && (a.status === null || statuses.has(a.status));
    if (show) visibleEdges += 1;
    graph.setEdgeAttribute(edge, 'hidden', !show);
  });
  return { visibleNodes: visible.size, visibleEdges };
}

/** Nodes whose label contains the text (case-insensitive), best (shortest label) first. */
export function searchNodes(graph: MapGraph, text: string, limit = 10): { id: string; label: string; kind: MapNodeKind }[] {
  const needle = text.trim().toLowerCase();
  if (needle === '') return [];
  const hits: { id: string; label: string; kind: MapNodeKind }[] = [];
  graph.forEachNode((id, a) => {
    if (a.label.toLowerCase().includes(needle) || id.toLowerCase() === needle) hits.push({ id, label: a.label, kind: a.kind });
  });
  return hits.sort((x, y) => x.label.length - y.label.length || x.label.localeCompare(y.label)).slice(0, limit);
}
