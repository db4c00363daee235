import { useEffect, useRef } from 'react';
import Sigma from 'sigma';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { sel } from '@/testing/selectors';
import { applyGeographicLayout, prepareForceLayout, type LayoutName, type MapEdgeAttributes, type MapGraph, type MapNodeAttributes } from '../model/buildMapGraph';
import { LABEL_FONT } from '../model/mapStyles';

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
}: {
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
      labelSize: 13,
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
    if (import.meta.env.MODE !== 'production') (window as unknown as { __huzhuMap?: unknown }).__huzhuMap = { graph, sigma: renderer };
    return () => {
      renderer.kill();
      sigma.current = null;
    };
  }, [graph]);

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
