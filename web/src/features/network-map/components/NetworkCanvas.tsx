import { useEffect, useRef, type RefObject } from 'react';
import Sigma from 'sigma';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { sel } from '@/testing/selectors';
import { applyGeographicLayout, prepareForceLayout, type LayoutName, type MapEdgeAttributes, type MapGraph, type MapNodeAttributes } from '../model/buildMapGraph';
import type { DrawnView } from '../model/mapExport';
import { LABEL_FONT } from '../model/mapStyles';

/** What the export panel asks of the drawn map (issue 12 item 4). */
export interface MapExporter {
  /** The canvas layers as drawn now (edges, nodes, labels), composed on white. */
  png: () => Promise<Blob>;
  /** Every visible node and edge at its drawn position, size and colour (viewport pixels), for the SVG. */
  view: () => DrawnView;
}

const LABEL_SIZE = 13;

/**
 * The one place sigma is used: draws the graph (mutated in place by filters,
 * overlays and layouts; sigma follows graphology's events), reports clicks,
 * runs ForceAtlas2 in its web worker (a Blob URL: the CSP allows worker-src
 * blob:) for a few seconds when the force layout is chosen.
 */
export function NetworkCanvas({
  graph,
  layout,
  summary,
  focusId,
  onSelect,
  onLayoutSettled,
  exporter,
}: {
  exporter?: RefObject<MapExporter | null>;
  graph: MapGraph;
  layout: LayoutName;
  summary: string;
  focusId: string | null;
  onSelect: (id: string | null) => void;
  onLayoutSettled: () => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const sigma = useRef<Sigma<MapNodeAttributes, MapEdgeAttributes> | null>(null);
  const select = useRef(onSelect);
  const settled = useRef(onLayoutSettled);
  useEffect(() => {
    select.current = onSelect;
    settled.current = onLayoutSettled;
  });

  useEffect(() => {
    if (!container.current) return;
    const renderer = new Sigma(graph, container.current, {
      labelFont: LABEL_FONT,
      labelSize: LABEL_SIZE,
      labelRenderedSizeThreshold: 7,
      zIndex: true,
      minEdgeThickness: 0.4,
      defaultEdgeType: 'line',
      allowInvalidContainer: true,
      stagePadding: 24,
    });
    renderer.on('clickNode', ({ node }) => select.current(node));
    renderer.on('clickStage', () => select.current(null));
    sigma.current = renderer;
    if (exporter) exporter.current = { png: () => renderPng(renderer), view: () => drawnView(renderer, graph) };
    if (import.meta.env.MODE !== 'production') (window as unknown as { __huzhuMap?: unknown }).__huzhuMap = { graph, sigma: renderer };
    return () => {
      renderer.kill();
      sigma.current = null;
      if (exporter) exporter.current = null;
    };
  }, [graph, exporter]);

  useEffect(() => {
    if (layout === 'geographic') {
      applyGeographicLayout(graph);
      settled.current();
      return;
    }
    prepareForceLayout(graph);
    const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500, slowDown: 5 };
    const fa2 = new FA2Layout(graph, { settings });
    fa2.start();
    const stop = window.setTimeout(() => {
      fa2.stop();
      settled.current();
    }, 3000);
    return () => {
      window.clearTimeout(stop);
      fa2.kill();
    };
  }, [graph, layout]);

  useEffect(() => {
    const renderer = sigma.current;
    if (!renderer || !focusId || !graph.hasNode(focusId)) return;
    const display = renderer.getNodeDisplayData(focusId);
    if (display) void renderer.getCamera().animate({ x: display.x, y: display.y, ratio: 0.5 }, { duration: 300 });
  }, [focusId, graph]);

  return <div ref={container} className="map-canvas" data-testid={sel.map.canvas} data-summary={summary} data-layout={layout} />;
}

type MapSigma = Sigma<MapNodeAttributes, MapEdgeAttributes>;

/**
 * sigma draws on several canvases (WebGL edges and nodes, 2D labels): render
 * now and copy them, in the same task, onto one canvas on white (a WebGL
 * buffer is only readable until the browser composites it).
 */
function renderPng(renderer: MapSigma): Promise<Blob> {
  renderer.refresh();
  const layers = renderer.getCanvases();
  const first = layers['edges'] ?? Object.values(layers)[0];
  const out = document.createElement('canvas');
  out.width = first?.width ?? 1;
  out.height = first?.height ?? 1;
  const context = out.getContext('2d');
  if (!context) return Promise.reject(new Error('no 2d canvas'));
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, out.width, out.height);
  for (const name of ['edges', 'nodes', 'edgeLabels', 'labels', 'hovers', 'hoverNodes']) {
    const layer = layers[name];
    if (layer) context.drawImage(layer, 0, 0, out.width, out.height);
  }
  return new Promise((resolve, reject) => out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the map could not be encoded as PNG'))), 'image/png'));
}

function drawnView(renderer: MapSigma, graph: MapGraph): DrawnView {
  const { width, height } = renderer.getDimensions();
  const labelled = new Set(renderer.getNodeDisplayedLabels());
  const nodes: DrawnView['nodes'] = [];
  graph.forEachNode((id, a) => {
    const d = renderer.getNodeDisplayData(id);
    if (a.hidden || !d || d.hidden) return;
    const p = renderer.framedGraphToViewport(d);
    nodes.push({ id, x: p.x, y: p.y, size: renderer.scaleSize(d.size), color: d.color, label: d.label ?? a.label, labelled: labelled.has(id) });
  });
  const edges: DrawnView['edges'] = [];
  graph.forEachEdge((id, a, source, target) => {
    const d = renderer.getEdgeDisplayData(id);
    if (a.hidden || !d || d.hidden) return;
    edges.push({ id, source, target, size: renderer.scaleSize(d.size), color: d.color, zIndex: a.zIndex });
  });
  return { width, height, nodes, edges, labelFont: LABEL_FONT, labelSize: LABEL_SIZE };
}
