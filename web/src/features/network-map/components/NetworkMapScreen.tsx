import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '@/components/ErrorNotice';
import type { WhatIfChange } from '@/gql/graphql';
import { Loading } from '@/components/Loading';
import { sel } from '@/testing/selectors';
import { useMapCoverage, useNetwork, useNetworkMetrics, type NetworkMetricsData } from '../api/networkMap';
import { buildMapGraph, type LayoutName, type MapGraph } from '../model/buildMapGraph';
import { NODE_KINDS, STATUSES, type MapData, type MapNodeKind, type RelationshipStatus } from '../model/mapData';
import { ALL_FILTERS, applyFilters, searchNodes, type MapFilters } from '../model/mapFilters';
import { applyOverlays, NO_OVERLAY, type OverlayName } from '../model/mapOverlays';
import { summarizeMap } from '../model/mapSummary';
import { DesignerForms } from './DesignerForms';
import { ExportPanel } from './ExportPanel';
import { GapList } from './GapList';
import { MapLegend } from './MapLegend';
import { NetworkCanvas, type MapExporter } from './NetworkCanvas';
import { NodeCard } from './NodeCard';
import { SpofPanel, type Spof } from './SpofPanel';

/** What the map page gets from the app: the draft plan's changes, where a form's change goes, and the plans panel (another feature, composed in app/). */
export interface MapPlanning {
  draftChanges: readonly WhatIfChange[];
  onAddToDraft: (change: WhatIfChange) => void;
  /** May the account map future stakeholders (DESIGNER, ADMIN): the designer forms are shown. */
  canDesign: boolean;
  /** The plans panel, given a record's name on the map (to describe changes naming existing records). */
  renderPlans: (labelOf: (id: string) => string) => ReactNode;
}

type ToolTab = 'design' | 'plans' | 'export';

/** The designer's network map (issue 12 items 1–4). */
export function NetworkMapScreen(planning: MapPlanning) {
  const network = useNetwork();
  const metrics = useNetworkMetrics();
  if (network.error) return <ErrorNotice error={network.error} onRetry={() => void network.refetch()} />;
  if (!network.data) return <Loading />;
  // A designer's write refreshes the network queries (useSubmission invalidates ['network-map']): the map redraws with it.
  return <MapView data={network.data} metrics={metrics.data} planning={planning} />;
}

function MapView({ data, metrics, planning }: { data: MapData; metrics: NetworkMetricsData | undefined; planning: MapPlanning }) {
  const { t, i18n } = useTranslation();
  const graph: MapGraph = useMemo(() => buildMapGraph(data).graph, [data]);
  const [layout, setLayout] = useState<LayoutName>('force');
  const [filters, setFilters] = useState<MapFilters>(ALL_FILTERS);
  const [overlay, setOverlay] = useState<OverlayName>('none');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [spof, setSpof] = useState<Spof | null>(null);
  const [query, setQuery] = useState('');
  const [revision, setRevision] = useState(0);
  const [tool, setTool] = useState<ToolTab>(planning.canDesign ? 'design' : 'plans');
  const exporter = useRef<MapExporter | null>(null);
  const coverage = useMapCoverage(filters.category);

  const betweenness = useMemo(() => new Map((metrics?.betweenness.top ?? []).map((b) => [b.node.id, b.value])), [metrics]);
  useEffect(() => {
    applyFilters(graph, filters);
    applyOverlays(graph, {
      ...NO_OVERLAY,
      overlay,
      coverage: coverage.data?.coverage.villages ?? [],
      category: filters.category,
      betweenness,
      spofId: spof?.node.id ?? null,
      spofVillageIds: spof ? [...new Set(spof.lostAccess.flatMap((l) => l.villages.map((v) => v.villageId)))] : [],
      selectedId,
    });
    setRevision((r) => r + 1);
  }, [graph, filters, overlay, coverage.data, betweenness, spof, selectedId]);

  const [settledLayout, setSettledLayout] = useState<LayoutName | null>(null);
  const onSettled = useCallback(() => setSettledLayout(layout), [layout]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- recomputed whenever the graph was restyled or a layout settled
  const summary = useMemo(() => JSON.stringify(summarizeMap(graph, settledLayout ?? 'pending')), [graph, revision, settledLayout]);

  const townships = useMemo(() => graph.filterNodes((_id, a) => a.kind === 'township').map((id) => ({ id, label: graph.getNodeAttribute(id, 'label') })), [graph]);
  const hits = useMemo(() => searchNodes(graph, query), [graph, query]);
  const categoryName = (c: { code: string; nameZh: string; nameEn: string }) => (i18n.language.startsWith('en') ? c.nameEn : c.nameZh);

  const toggle = <T,>(list: readonly T[], value: T): T[] => (list.includes(value) ? list.filter((x) => x !== value) : [...list, value]);

  return (
    <div className="map-screen" data-testid={sel.map.screen}>
      <div className="map-toolbar">
        <fieldset>
          <legend>{t('networkMap.layout.label')}</legend>
          {(['geographic', 'force'] as const).map((name) => (
            <button key={name} type="button" aria-pressed={layout === name} className={layout === name ? 'active' : ''} data-testid={sel.map.layout(name)} onClick={() => {
              setSettledLayout(null);
              setLayout(name);
            }}>
              {t(`networkMap.layout.${name}`)}
            </button>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('networkMap.filter.status')}</legend>
          {STATUSES.map((s: RelationshipStatus) => (
            <label key={s}>
              <input type="checkbox" checked={filters.statuses.includes(s)} data-testid={sel.map.status(s)} onChange={() => setFilters((f) => ({ ...f, statuses: toggle(f.statuses, s) }))} />
              {t(`enums.RelationshipStatus.${s}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('networkMap.filter.kind')}</legend>
          {NODE_KINDS.map((k: MapNodeKind) => (
            <label key={k}>
              <input type="checkbox" checked={filters.kinds.includes(k)} data-testid={sel.map.kind(k)} onChange={() => setFilters((f) => ({ ...f, kinds: toggle(f.kinds, k) }))} />
              {t(`networkMap.kind.${k}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('networkMap.filter.township')}
          <select value={filters.townshipId ?? ''} data-testid={sel.map.township} onChange={(e) => setFilters((f) => ({ ...f, townshipId: e.target.value || null }))}>
            <option value="">{t('common.all')}</option>
            {townships.map((tw) => (
              <option key={tw.id} value={tw.id}>
                {tw.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('networkMap.filter.category')}
          <select value={filters.category ?? ''} data-testid={sel.map.category} onChange={(e) => setFilters((f) => ({ ...f, category: e.target.value || null }))}>
            <option value="">{t('common.all')}</option>
            {(coverage.data?.categories ?? []).map((c) => (
              <option key={c.code} value={c.code}>
                {categoryName(c)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('networkMap.overlay.label')}
          <select value={overlay} data-testid={sel.map.overlay} onChange={(e) => setOverlay(e.target.value as OverlayName)}>
            {(['none', 'coverage', 'brokers'] as const).map((o) => (
              <option key={o} value={o}>
                {t(`networkMap.overlay.${o}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="map-search">
          <label>
            {t('networkMap.search.label')}
            <input type="search" value={query} data-testid={sel.map.search} placeholder={t('networkMap.search.placeholder')} onChange={(e) => setQuery(e.target.value)} />
          </label>
          {hits.length > 0 ? (
            <ul className="map-search-hits">
              {hits.map((h) => (
                <li key={h.id}>
                  <button type="button" className="link" data-testid={sel.map.searchHit(h.id)} onClick={() => {
                    setSelectedId(h.id);
                    setQuery('');
                  }}>
                    {h.label} · {t(`networkMap.kind.${h.kind}`)}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
      <div className="map-body">
        <NetworkCanvas exporter={exporter} graph={graph} layout={layout} summary={summary} focusId={selectedId ?? spof?.node.id ?? null} onSelect={setSelectedId} onLayoutSettled={onSettled} />
        <div className="map-side">
          {selectedId ? <NodeCard graph={graph} id={selectedId} metrics={metrics} onClose={() => setSelectedId(null)} onSelect={setSelectedId} /> : null}
          <MapLegend overlay={overlay} />
          {metrics && coverage.data ? <SpofPanel metrics={metrics} categories={coverage.data.categories} selectedId={spof?.node.id ?? null} onHighlight={setSpof} /> : null}
          {overlay === 'coverage' && coverage.data ? <GapList coverage={coverage.data} onSelect={setSelectedId} /> : null}
        </div>
      </div>
      <div className="map-tools">
        <div className="map-tabs" role="tablist" aria-label={t('networkMap.tools.label')}>
          {(['design', 'plans', 'export'] as const)
            .filter((name) => name !== 'design' || planning.canDesign)
            .map((name) => (
              <button key={name} type="button" role="tab" aria-selected={tool === name} className={tool === name ? 'active' : ''} data-testid={sel.map.toolTab(name)} onClick={() => setTool(name)}>
                {t(`networkMap.tools.${name}`)}
              </button>
            ))}
        </div>
        <div className="map-tool-body" role="tabpanel">
          {tool === 'design' && planning.canDesign ? <DesignerForms graph={graph} draftChanges={planning.draftChanges} onAddToDraft={planning.onAddToDraft} /> : null}
          {tool === 'plans' ? planning.renderPlans((id) => (graph.hasNode(id) ? graph.getNodeAttribute(id, 'label') : id)) : null}
          {tool === 'export' ? <ExportPanel graph={graph} exporter={exporter} /> : null}
        </div>
      </div>
    </div>
  );
}
