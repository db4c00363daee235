import { applyGeographicLayout, buildMapGraph, prepareForceLayout } from './buildMapGraph';
import { geoPositions } from './geoLayout';
import type { MapData, MapEdgeRecord, MapNodeRecord } from './mapData';
import { ALL_FILTERS, applyFilters, searchNodes } from './mapFilters';
import { applyOverlays, brokerSize, coverageColor, NO_OVERLAY } from './mapOverlays';
import { COVERAGE_COLORS, EDGE_STYLE, SPOF_COLOR } from './mapStyles';
import { summarizeMap } from './mapSummary';

// Synthetic network (made up for the test): two townships, three villages, a hub, a station, people, services.
const node = (over: Partial<MapNodeRecord> & Pick<MapNodeRecord, 'id' | 'kind'>): MapNodeRecord => ({
  label: over.id,
  subKind: null,
  townshipId: null,
  location: null,
  status: null,
  categories: [],
  anchorIds: [],
  ...over,
});
const edge = (id: string, source: string, target: string, status: MapEdgeRecord['status'], kind: MapEdgeRecord['kind'] = 'RELATIONSHIP'): MapEdgeRecord => ({
  id,
  kind,
  source,
  target,
  type: kind === 'RELATIONSHIP' ? 'PARTNER' : kind,
  status,
  since: '2025-01-01',
  until: null,
});

function syntheticNetwork(): MapData {
  const nodes = [
    node({ id: 'twp_a', kind: 'township', label: '甲镇（合成）', location: { lat: 30.6, lng: 103.5, precision: 'exact' } }),
    node({ id: 'twp_b', kind: 'township', label: '乙镇（合成）', location: { lat: 30.5, lng: 103.6, precision: 'exact' } }),
    node({ id: 'vil_a1', kind: 'village', label: '一村', townshipId: 'twp_a', location: { lat: 30.6, lng: 103.5, precision: 'township' } }),
    node({ id: 'vil_a2', kind: 'village', label: '二村', townshipId: 'twp_a', location: { lat: 30.6, lng: 103.5, precision: 'township' } }),
    node({ id: 'vil_b1', kind: 'village', label: '三村', townshipId: 'twp_b', location: { lat: 30.5, lng: 103.6, precision: 'township' } }),
    node({ id: 'org_hub', kind: 'organization', subKind: 'CREDIT_COMPANY', label: '互助网络（合成）', anchorIds: ['twp_a'] }),
    node({ id: 'org_station', kind: 'organization', subKind: 'SOCIAL_WORK_STATION', label: '乙镇社工站', townshipId: 'twp_b', status: 'ESTABLISHED', anchorIds: ['twp_b'] }),
    node({ id: 'org_future', kind: 'organization', subKind: 'NGO', label: '未来机构', status: 'PROSPECTIVE', anchorIds: ['twp_b'] }),
    node({ id: 'per_liaison', kind: 'person', subKind: 'LIAISON', label: '联络人-01', townshipId: 'twp_a', status: 'ESTABLISHED', anchorIds: ['vil_a1'] }),
    node({ id: 'per_new', kind: 'person', subKind: 'VOLUNTEER', label: '志愿者-02', townshipId: 'twp_b', status: 'BUILDING', anchorIds: ['vil_b1'] }),
    node({ id: 'svc_care', kind: 'service', subKind: 'ACTIVE', label: '居家养老', categories: ['ELDERLY_CARE'], townshipId: 'twp_b', anchorIds: ['org_station'] }),
    node({ id: 'svc_school', kind: 'service', subKind: 'PLANNED', label: '课后辅导', categories: ['EDUCATION'], anchorIds: ['org_future'] }),
  ];
  const edges = [
    edge('part_a1', 'vil_a1', 'twp_a', null, 'PART_OF'),
    edge('part_a2', 'vil_a2', 'twp_a', null, 'PART_OF'),
    edge('part_b1', 'vil_b1', 'twp_b', null, 'PART_OF'),
    edge('rel_1', 'org_hub', 'org_station', 'ESTABLISHED'),
    edge('rel_2', 'org_hub', 'org_future', 'PROSPECTIVE'),
    edge('asg_1', 'per_liaison', 'vil_a1', 'ESTABLISHED', 'ASSIGNED_TO'),
    edge('asg_2', 'per_new', 'vil_b1', 'BUILDING', 'ASSIGNED_TO'),
    edge('rel_3', 'per_new', 'org_station', 'BUILDING'),
    edge('off_1', 'org_station', 'svc_care', 'ESTABLISHED', 'OFFERS'),
    edge('off_2', 'org_future', 'svc_school', 'PROSPECTIVE', 'OFFERS'),
    edge('rel_dangling', 'org_hub', 'org_elsewhere', 'ESTABLISHED'),
  ];
  return { nodes, edges };
}

describe('buildMapGraph', () => {
  it('styles the three statuses apart in colour, width and opacity, and leaves out edges whose ends were not read', () => {
    const { graph, droppedEdges } = buildMapGraph(syntheticNetwork());
    expect(droppedEdges).toBe(1);
    expect(graph.order).toBe(12);
    const established = graph.getEdgeAttributes('rel_1');
    const building = graph.getEdgeAttributes('rel_3');
    const prospective = graph.getEdgeAttributes('rel_2');
    expect(new Set([established.color, building.color, prospective.color]).size).toBe(3);
    expect(established.size).toBeGreaterThan(building.size);
    expect(building.size).toBeGreaterThan(prospective.size);
    expect(established.opacity).toBeGreaterThan(prospective.opacity);
    expect(established.color).toBe(EDGE_STYLE.ESTABLISHED.color);
    expect(established.zIndex).toBeGreaterThan(prospective.zIndex);
    // A prospective organisation is drawn translucent; an established one is not.
    expect(graph.getNodeAttribute('org_future', 'color')).toMatch(/^#[0-9a-f]{8}$/);
    expect(graph.getNodeAttribute('org_station', 'color')).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('summarises the rendered edges per status for the browser suite', () => {
    const { graph } = buildMapGraph(syntheticNetwork());
    const summary = summarizeMap(graph, 'geographic');
    expect(summary.byStatus.ESTABLISHED.count).toBe(3);
    expect(summary.byStatus.BUILDING.count).toBe(2);
    expect(summary.byStatus.PROSPECTIVE.count).toBe(2);
    expect(summary.byStatus.ESTABLISHED.colors).not.toEqual(summary.byStatus.BUILDING.colors);
    expect(summary.byStatus.BUILDING.colors).not.toEqual(summary.byStatus.PROSPECTIVE.colors);
    expect(summary.visibleEdges).toBe(10);
  });
});

describe('geographic positions', () => {
  it('keeps a township on its point, spreads villages sharing it on a ring, and marks precision', () => {
    const positions = geoPositions(syntheticNetwork().nodes);
    const twp = positions.get('twp_a')!;
    const v1 = positions.get('vil_a1')!;
    const v2 = positions.get('vil_a2')!;
    expect(v1.precision).toBe('township');
    expect([v1.x, v1.y]).not.toEqual([v2.x, v2.y]);
    expect([v1.x, v1.y]).not.toEqual([twp.x, twp.y]);
    expect(Math.hypot(v1.x - twp.x, v1.y - twp.y)).toBeLessThan(20);
    // North is up: 甲镇 (30.6°N) above 乙镇 (30.5°N); east to the right.
    expect(twp.y).toBeGreaterThan(positions.get('twp_b')!.y);
    expect(twp.x).toBeLessThan(positions.get('twp_b')!.x);
    // Without a point of its own: drawn near its anchor (a service follows its anchored organisation), derived.
    const svc = positions.get('svc_school')!;
    expect(svc.precision).toBe('derived');
    expect(Math.hypot(svc.x - positions.get('org_future')!.x, svc.y - positions.get('org_future')!.y)).toBeLessThan(10);
  });

  it('switches layouts: force starts from geography with townships pinned, geography restores the points', () => {
    const { graph } = buildMapGraph(syntheticNetwork());
    prepareForceLayout(graph);
    expect(graph.getNodeAttribute('twp_a', 'fixed')).toBe(true);
    expect(graph.getNodeAttribute('vil_a1', 'fixed')).toBe(false);
    graph.setNodeAttribute('vil_a1', 'x', 999);
    applyGeographicLayout(graph);
    expect(graph.getNodeAttribute('vil_a1', 'x')).toBe(graph.getNodeAttribute('vil_a1', 'geoX'));
    expect(graph.getNodeAttribute('twp_a', 'fixed')).toBe(false);
  });
});

describe('applyFilters', () => {
  it('hides prospective ties and records when PROSPECTIVE is not chosen', () => {
    const { graph } = buildMapGraph(syntheticNetwork());
    applyFilters(graph, { ...ALL_FILTERS, statuses: ['ESTABLISHED', 'BUILDING'] });
    expect(graph.getEdgeAttribute('rel_2', 'hidden')).toBe(true);
    expect(graph.getNodeAttribute('org_future', 'hidden')).toBe(true);
    expect(graph.getEdgeAttribute('rel_3', 'hidden')).toBe(false);
    // A village's link to its township has no status and stays.
    expect(graph.getEdgeAttribute('part_a1', 'hidden')).toBe(false);
  });

  it('filters by kind, township (county-wide nodes that touch it stay) and category', () => {
    const { graph } = buildMapGraph(syntheticNetwork());
    applyFilters(graph, { ...ALL_FILTERS, kinds: ['township', 'village', 'organization'] });
    expect(graph.getNodeAttribute('per_liaison', 'hidden')).toBe(true);
    expect(graph.getEdgeAttribute('asg_1', 'hidden')).toBe(true);

    const counts = applyFilters(graph, { ...ALL_FILTERS, townshipId: 'twp_b' });
    expect(graph.getNodeAttribute('vil_a1', 'hidden')).toBe(true);
    expect(graph.getNodeAttribute('vil_b1', 'hidden')).toBe(false);
    expect(graph.getNodeAttribute('org_hub', 'hidden')).toBe(false); // no township, linked to 乙镇社工站
    expect(graph.getNodeAttribute('org_future', 'hidden')).toBe(true); // no township, touches nothing of 乙镇
    expect(counts.visibleNodes).toBeGreaterThan(0);

    applyFilters(graph, { ...ALL_FILTERS, category: 'ELDERLY_CARE' });
    expect(graph.getNodeAttribute('svc_care', 'hidden')).toBe(false);
    expect(graph.getNodeAttribute('svc_school', 'hidden')).toBe(true);
    expect(graph.getNodeAttribute('org_future', 'hidden')).toBe(true); // all its services hidden
    expect(graph.getNodeAttribute('org_hub', 'hidden')).toBe(false); // offers none: not the category's business
  });

  it('finds nodes by a part of their name', () => {
    const { graph } = buildMapGraph(syntheticNetwork());
    expect(searchNodes(graph, '社工').map((h) => h.id)).toEqual(['org_station']);
    expect(searchNodes(graph, '  ')).toEqual([]);
  });
});

describe('applyOverlays', () => {
  it('colours villages by coverage, grows brokers, highlights a single point of failure and the villages it cuts off', () => {
    const { graph } = buildMapGraph(syntheticNetwork());
    applyOverlays(graph, {
      ...NO_OVERLAY,
      overlay: 'coverage',
      coverage: [
        { villageId: 'vil_a1', categoriesReached: ['MEDICAL', 'ELDERLY_CARE', 'EDUCATION'] },
        { villageId: 'vil_a2', categoriesReached: [] },
      ],
    });
    expect(graph.getNodeAttribute('vil_a1', 'color')).toBe(COVERAGE_COLORS[3]);
    expect(graph.getNodeAttribute('vil_a2', 'color')).toBe(COVERAGE_COLORS[0]);
    expect(coverageColor(['ELDERLY_CARE'], 'ELDERLY_CARE')).toBe(COVERAGE_COLORS[3]);
    expect(coverageColor(['ELDERLY_CARE'], 'MEDICAL')).toBe(COVERAGE_COLORS[0]);

    const base = graph.getNodeAttribute('org_hub', 'baseSize');
    applyOverlays(graph, { ...NO_OVERLAY, overlay: 'brokers', betweenness: new Map([['org_hub', 0.64]]), spofId: 'org_station', spofVillageIds: ['vil_b1'] });
    expect(graph.getNodeAttribute('org_hub', 'size')).toBeCloseTo(brokerSize(base, 0.64));
    expect(graph.getNodeAttribute('org_hub', 'size')).toBeGreaterThan(base);
    expect(graph.getNodeAttribute('org_station', 'highlighted')).toBe(true);
    expect(graph.getNodeAttribute('org_station', 'color')).toBe(SPOF_COLOR);
    expect(graph.getNodeAttribute('vil_b1', 'color')).toBe(SPOF_COLOR);
    expect(summarizeMap(graph, 'force').highlighted).toEqual(['org_station']);

    // Back to no overlay: base styles return.
    applyOverlays(graph, NO_OVERLAY);
    expect(graph.getNodeAttribute('org_hub', 'size')).toBe(base);
    expect(graph.getNodeAttribute('org_station', 'highlighted')).toBe(false);
  });
});
