import Graph from 'graphology';
import { geoPositions, type PositionPrecision } from './geoLayout';
import type { MapData, MapEdgeKind, MapNodeKind, RelationshipStatus } from './mapData';
import { EDGE_STYLE, NODE_STYLE, PART_OF_STYLE, SUB_KIND_COLOR, withOpacity } from './mapStyles';

/** The attributes every node of the map graph carries (sigma reads x, y, size, color, label, hidden, highlighted). */
export interface MapNodeAttributes {
  label: string;
  kind: MapNodeKind;
  subKind: string | null;
  townshipId: string | null;
  status: RelationshipStatus | null;
  categories: string[];
  x: number;
  y: number;
  /** Where the geographic layout puts it, and how exact that point is. */
  geoX: number;
  geoY: number;
  precision: PositionPrecision;
  size: number;
  color: string;
  baseSize: number;
  baseColor: string;
  hidden: boolean;
  highlighted: boolean;
  /** Pinned during ForceAtlas2 (graphology-layout-forceatlas2 reads `fixed`). */
  fixed: boolean;
}

export interface MapEdgeAttributes {
  kind: MapEdgeKind;
  type: string;
  /** sigma picks the edge program from `type`; ours is always a plain line. */
  relationshipType: string;
  status: RelationshipStatus | null;
  since: string | null;
  until: string | null;
  color: string;
  size: number;
  opacity: number;
  baseColor: string;
  baseSize: number;
  hidden: boolean;
  zIndex: number;
}

export type MapGraph = Graph<MapNodeAttributes, MapEdgeAttributes>;

/**
 * The graphology graph the map renders: every node and edge of the data,
 * styled by kind and status (mapStyles.ts), at its geographic position.
 * Edges whose ends are missing (a record outside what was read) are left out
 * and counted.
 */
export function buildMapGraph(data: MapData): { graph: MapGraph; droppedEdges: number } {
  const graph: MapGraph = new Graph<MapNodeAttributes, MapEdgeAttributes>({ multi: true, type: 'directed', allowSelfLoops: false });
  const positions = geoPositions(data.nodes);
  for (const node of data.nodes) {
    if (graph.hasNode(node.id)) continue;
    const p = positions.get(node.id) ?? { x: 0, y: 0, precision: 'derived' as const };
    const style = NODE_STYLE[node.kind];
    const hue = (node.subKind ? SUB_KIND_COLOR[node.subKind] : undefined) ?? style.color;
    const color = node.status && node.status !== 'ESTABLISHED' ? withOpacity(hue, EDGE_STYLE[node.status].opacity) : hue;
    graph.addNode(node.id, {
      label: node.label,
      kind: node.kind,
      subKind: node.subKind,
      townshipId: node.townshipId,
      status: node.status,
      categories: node.categories,
      x: p.x,
      y: p.y,
      geoX: p.x,
      geoY: p.y,
      precision: p.precision,
      size: style.size,
      color,
      baseSize: style.size,
      baseColor: color,
      hidden: false,
      highlighted: false,
      fixed: false,
    });
  }
  let droppedEdges = 0;
  for (const edge of data.edges) {
    if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target) || edge.source === edge.target || graph.hasEdge(edge.id)) {
      droppedEdges += 1;
      continue;
    }
    const style = edge.status ? EDGE_STYLE[edge.status] : PART_OF_STYLE;
    const color = withOpacity(style.color, style.opacity);
    graph.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, {
      kind: edge.kind,
      type: 'line',
      relationshipType: edge.type,
      status: edge.status,
      since: edge.since,
      until: edge.until,
      color,
      size: style.size,
      opacity: style.opacity,
      baseColor: color,
      baseSize: style.size,
      hidden: false,
      // Established ties drawn on top.
      zIndex: edge.status === 'ESTABLISHED' ? 3 : edge.status === 'BUILDING' ? 2 : edge.status === 'PROSPECTIVE' ? 1 : 0,
    });
  }
  return { graph, droppedEdges };
}

export type LayoutName = 'geographic' | 'force';

/** Back to the geographic layout: each node at its projected point. */
export function applyGeographicLayout(graph: MapGraph): void {
  graph.updateEachNodeAttributes((_id, a) => ({ ...a, x: a.geoX, y: a.geoY, fixed: false }));
}

/**
 * Starting point for ForceAtlas2: the geographic positions (non-zero, and
 * the force layout then keeps some of the county's shape); townships pinned
 * so the picture does not drift.
 */
export function prepareForceLayout(graph: MapGraph): void {
  graph.updateEachNodeAttributes((_id, a) => ({ ...a, x: a.geoX || 1, y: a.geoY || 1, fixed: a.kind === 'township' }));
}
