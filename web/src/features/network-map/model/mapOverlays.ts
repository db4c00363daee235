import type { MapGraph } from './buildMapGraph';
import { COVERAGE_COLORS, SELECTED_COLOR, SPOF_COLOR } from './mapStyles';

export type OverlayName = 'none' | 'coverage' | 'brokers';

export interface VillageCoverage {
  villageId: string;
  categoriesReached: string[];
}

export interface OverlayState {
  overlay: OverlayName;
  /** coverage: per village, the categories it reaches through ESTABLISHED links. */
  coverage: readonly VillageCoverage[];
  /** coverage with one category: reached or not; otherwise how many of the three core ones. */
  category: string | null;
  /** brokers: betweenness (0…1) by node id. */
  betweenness: ReadonlyMap<string, number>;
  /** A single point of failure to highlight, and the villages that lose access without it. */
  spofId: string | null;
  spofVillageIds: readonly string[];
  selectedId: string | null;
}

export const NO_OVERLAY: OverlayState = { overlay: 'none', coverage: [], category: null, betweenness: new Map(), spofId: null, spofVillageIds: [], selectedId: null };

/** Coverage colour of a village: red (nothing) → green (all three core categories / the category reached). */
export function coverageColor(reached: readonly string[], category: string | null): string {
  if (category !== null) return reached.includes(category) ? COVERAGE_COLORS[3] : COVERAGE_COLORS[0];
  const core = ['MEDICAL', 'ELDERLY_CARE', 'EDUCATION'].filter((c) => reached.includes(c)).length;
  return COVERAGE_COLORS[core] ?? COVERAGE_COLORS[0];
}

/** Node size for a broker: its base size, grown with the square root of its betweenness (so the hub does not swallow the map). */
export function brokerSize(baseSize: number, betweenness: number): number {
  return baseSize + Math.sqrt(Math.max(0, betweenness)) * 30;
}

/**
 * Restyles nodes from their base colour/size plus the overlays: coverage
 * colours villages, brokers grow by betweenness, the single point of
 * failure is highlighted (sigma draws a halo and its label) with the villages
 * it would cut off, the selected node and its ties are emphasised.
 * Edges keep their status style; those of the selected node grow.
 */
export function applyOverlays(graph: MapGraph, state: OverlayState): void {
  const coverage = new Map(state.coverage.map((row) => [row.villageId, row.categoriesReached]));
  const cutOff = new Set(state.spofVillageIds);
  graph.updateEachNodeAttributes((id, a) => {
    let color = a.baseColor;
    let size = a.baseSize;
    if (state.overlay === 'coverage' && a.kind === 'village') color = coverageColor(coverage.get(id) ?? [], state.category);
    if (state.overlay === 'brokers' && state.betweenness.has(id)) size = brokerSize(a.baseSize, state.betweenness.get(id) ?? 0);
    if (cutOff.has(id)) color = SPOF_COLOR;
    const isSpof = id === state.spofId;
    if (isSpof) {
      color = SPOF_COLOR;
      size = Math.max(size, a.baseSize) * 1.8;
    }
    if (id === state.selectedId) color = a.kind === 'village' && state.overlay === 'coverage' ? color : SELECTED_COLOR;
    return { ...a, color, size, highlighted: isSpof || id === state.selectedId };
  });
  graph.updateEachEdgeAttributes((_e, a, source, target) => {
    const touches = state.selectedId !== null && (source === state.selectedId || target === state.selectedId);
    return { ...a, size: touches ? a.baseSize * 2 : a.baseSize };
  });
}
