import Graph from 'graphology';
import writeGexf from 'graphology-gexf/common/writer.js';
import type { MapGraph } from './buildMapGraph';

/**
 * Exports of the current map view (issue 12 item 4), pure (no sigma, no DOM:
 * unit-tested under jest): what is drawn — the nodes and edges not hidden by
 * a filter — as CSV (one file of nodes, one of edges), as GEXF 1.3 for Gephi
 * (graphology-gexf's writer, bundled), and as SVG from the positions and
 * styles sigma drew them with (components/NetworkCanvas.tsx measures those).
 * The PNG is the canvas layers themselves (NetworkCanvas).
 */

export type ExportKind = 'nodes' | 'edges' | 'view';

/** `huzhu-map-view-2026-12-01.svg`: the date (local day) in every exported file's name. */
export function exportFileName(kind: ExportKind, extension: 'csv' | 'gexf' | 'svg' | 'png', date: Date): string {
  const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return `huzhu-map-${kind}-${day}.${extension}`;
}

/** One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break; a leading =+-@ is neutralised for spreadsheets. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = cellText(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function cellText(value: unknown): string {
  if (Array.isArray(value)) return value.map(cellText).join(';');
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? '';
}

function csv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  // A BOM so spreadsheet programs read the Chinese names as UTF-8.
  return `\uFEFF${[header.join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\r\n')}\r\n`;
}

export const NODE_CSV_HEADER = ['id', 'label', 'kind', 'subKind', 'status', 'townshipId', 'categories', 'precision', 'x', 'y'] as const;
export const EDGE_CSV_HEADER = ['id', 'source', 'target', 'kind', 'relationshipType', 'status', 'since', 'until'] as const;

/** The visible nodes and edges as two CSV files (UTF-8 with BOM, CRLF). */
export function mapToCsv(graph: MapGraph): { nodes: string; edges: string } {
  const nodes: unknown[][] = [];
  graph.forEachNode((id, a) => {
    if (a.hidden) return;
    nodes.push([id, a.label, a.kind, a.subKind, a.status, a.townshipId, a.categories, a.precision, round(a.x), round(a.y)]);
  });
  const edges: unknown[][] = [];
  graph.forEachEdge((id, a, source, target, sa, ta) => {
    if (a.hidden || sa.hidden || ta.hidden) return;
    edges.push([id, source, target, a.kind, a.relationshipType, a.status, a.since, a.until]);
  });
  return { nodes: csv(NODE_CSV_HEADER, nodes), edges: csv(EDGE_CSV_HEADER, edges) };
}

/** `#rrggbb` or `#rrggbbaa` → rgba parts (the map's colours are all hex). */
export function parseHexColor(hex: string): { r: number; g: number; b: number; a: number } {
  const m = /^#([0-9a-f]{6})([0-9a-f]{2})?$/i.exec(hex);
  if (!m) return { r: 128, g: 128, b: 128, a: 1 };
  const n = parseInt(m[1]!, 16);
  return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255, a: m[2] ? Math.round((parseInt(m[2], 16) / 255) * 100) / 100 : 1 };
}

/** A hex colour as CSS rgba(): graphology-gexf writes it as viz:color r g b a (alpha kept). */
function rgba(hex: string): string {
  const { r, g, b, a } = parseHexColor(hex);
  return `rgba(${r},${g},${b},${a})`;
}

/** The visible view as GEXF 1.3 (positions, sizes and colours in viz:, the map's attributes as GEXF attributes). */
export function mapToGexf(graph: MapGraph): string {
  const view = new Graph({ multi: true, type: 'directed' });
  graph.forEachNode((id, a) => {
    if (!a.hidden) view.addNode(id, a);
  });
  graph.forEachEdge((id, a, source, target) => {
    if (!a.hidden && view.hasNode(source) && view.hasNode(target)) view.addDirectedEdgeWithKey(id, source, target, a);
  });
  return writeGexf(view, {
    version: '1.3',
    pretty: true,
    formatNode: (_key, a) => ({
      label: String(a['label'] ?? ''),
      attributes: {
        kind: String(a['kind'] ?? ''),
        subKind: String(a['subKind'] ?? ''),
        status: String(a['status'] ?? ''),
        townshipId: String(a['townshipId'] ?? ''),
        categories: ((a['categories'] as string[] | undefined) ?? []).join(';'),
        precision: String(a['precision'] ?? ''),
      },
      viz: { x: round(Number(a['x'])), y: round(Number(a['y'])), size: Number(a['size']), color: rgba(String(a['color'])) },
    }),
    formatEdge: (_key, a) => ({
      label: String(a['relationshipType'] ?? ''),
      attributes: {
        kind: String(a['kind'] ?? ''),
        relationshipType: String(a['relationshipType'] ?? ''),
        status: String(a['status'] ?? ''),
        since: String(a['since'] ?? ''),
        until: String(a['until'] ?? ''),
      },
      viz: { thickness: Number(a['size']), color: rgba(String(a['color'])) },
    }),
  });
}

/** A node as drawn, in viewport pixels (NetworkCanvas reads these from sigma). */
export interface DrawnNode {
  id: string;
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  /** sigma drew its label (big enough at this zoom, or highlighted). */
  labelled: boolean;
}

export interface DrawnEdge {
  id: string;
  source: string;
  target: string;
  size: number;
  color: string;
  zIndex: number;
}

export interface DrawnView {
  width: number;
  height: number;
  nodes: DrawnNode[];
  edges: DrawnEdge[];
  labelFont: string;
  labelSize: number;
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function paint(attribute: 'fill' | 'stroke', hex: string): string {
  const { r, g, b, a } = parseHexColor(hex);
  const rgb = `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
  return a < 1 ? `${attribute}="${rgb}" ${attribute}-opacity="${a}"` : `${attribute}="${rgb}"`;
}

/** The drawn view as a standalone SVG: edges (by zIndex, as sigma layers them), nodes, then labels. */
export function mapToSvg(view: DrawnView): string {
  const at = new Map(view.nodes.map((n) => [n.id, n]));
  const edges = [...view.edges].sort((a, b) => a.zIndex - b.zIndex);
  const lines = edges.flatMap((e) => {
    const s = at.get(e.source);
    const t = at.get(e.target);
    if (!s || !t) return [];
    return [`<line x1="${round(s.x)}" y1="${round(s.y)}" x2="${round(t.x)}" y2="${round(t.y)}" ${paint('stroke', e.color)} stroke-width="${round(e.size)}" data-id="${xml(e.id)}"/>`];
  });
  const circles = view.nodes.map((n) => `<circle cx="${round(n.x)}" cy="${round(n.y)}" r="${round(n.size)}" ${paint('fill', n.color)} data-id="${xml(n.id)}"><title>${xml(n.label)}</title></circle>`);
  const labels = view.nodes
    .filter((n) => n.labelled)
    .map((n) => `<text x="${round(n.x + n.size + 3)}" y="${round(n.y + view.labelSize / 3)}">${xml(n.label)}</text>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${view.width}" height="${view.height}" viewBox="0 0 ${view.width} ${view.height}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<g class="edges">${lines.join('')}</g>`,
    `<g class="nodes">${circles.join('')}</g>`,
    `<g class="labels" font-family="${xml(view.labelFont)}" font-size="${view.labelSize}" fill="#000000">${labels.join('')}</g>`,
    '</svg>',
    '',
  ].join('\n');
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
