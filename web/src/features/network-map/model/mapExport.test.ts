import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { buildMapGraph } from './buildMapGraph';
import type { MapData } from './mapData';
import { csvCell, exportFileName, mapToCsv, mapToGexf, mapToSvg, parseHexColor, EDGE_CSV_HEADER, NODE_CSV_HEADER } from './mapExport';
import { EDGE_STYLE } from './mapStyles';

// Synthetic network (made up for the test): one township, two villages, an organisation, a prospective link, and a hidden node.
const data: MapData = {
  nodes: [
    { id: 'twp_a', kind: 'township', label: '甲镇（合成）', subKind: null, townshipId: null, location: { lat: 30.6, lng: 103.5, precision: 'exact' }, status: null, categories: [], anchorIds: [] },
    { id: 'vil_a1', kind: 'village', label: '一村, "东"', subKind: null, townshipId: 'twp_a', location: null, status: null, categories: [], anchorIds: ['twp_a'] },
    { id: 'vil_a2', kind: 'village', label: '二村', subKind: null, townshipId: 'twp_a', location: null, status: null, categories: [], anchorIds: ['twp_a'] },
    { id: 'org_x', kind: 'organization', label: '=合成机构', subKind: 'NGO', townshipId: 'twp_a', location: null, status: 'PROSPECTIVE', categories: [], anchorIds: ['twp_a'] },
  ],
  edges: [
    { id: 'part:vil_a1', kind: 'PART_OF', source: 'vil_a1', target: 'twp_a', type: 'PART_OF', status: null, since: null, until: null },
    { id: 'part:vil_a2', kind: 'PART_OF', source: 'vil_a2', target: 'twp_a', type: 'PART_OF', status: null, since: null, until: null },
    { id: 'rel_1', kind: 'RELATIONSHIP', source: 'org_x', target: 'twp_a', type: 'PARTNER', status: 'PROSPECTIVE', since: '2027-01-01', until: null },
  ],
};

function graphWithHiddenVillage() {
  const { graph } = buildMapGraph(data);
  graph.setNodeAttribute('vil_a2', 'hidden', true);
  return graph;
}

describe('map export (issue 12 item 4)', () => {
  test('file names carry the kind and the local date', () => {
    expect(exportFileName('nodes', 'csv', new Date(2026, 11, 1, 23, 59))).toBe('huzhu-map-nodes-2026-12-01.csv');
    expect(exportFileName('view', 'png', new Date(2027, 0, 9))).toBe('huzhu-map-view-2027-01-09.png');
  });

  test('CSV: a header and one row per visible node and edge; quoting; formulas neutralised', () => {
    const { nodes, edges } = mapToCsv(graphWithHiddenVillage());
    const nodeLines = nodes.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(nodeLines[0]).toBe(NODE_CSV_HEADER.join(','));
    expect(nodeLines).toHaveLength(1 + 3);
    expect(nodes).toContain('"一村, ""东"""');
    expect(nodes).toContain(",'=合成机构,");
    expect(nodes).not.toContain('vil_a2');
    const edgeLines = edges.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(edgeLines[0]).toBe(EDGE_CSV_HEADER.join(','));
    // The hidden village's PART_OF edge is not drawn, so not exported.
    expect(edgeLines.map((l) => l.split(',')[0])).toEqual(['id', 'part:vil_a1', 'rel_1']);
    expect(edgeLines[2]).toBe('rel_1,org_x,twp_a,RELATIONSHIP,PARTNER,PROSPECTIVE,2027-01-01,');
    expect(csvCell(-1.5)).toBe('-1.5');
  });

  test('GEXF: parses back with the visible nodes, edges, attributes and colours', () => {
    const xml = mapToGexf(graphWithHiddenVillage());
    const back = parseGexf(Graph, xml);
    expect(back.order).toBe(3);
    expect(back.size).toBe(2);
    expect(back.hasNode('vil_a2')).toBe(false);
    expect(back.getNodeAttribute('org_x', 'status')).toBe('PROSPECTIVE');
    expect(back.getNodeAttribute('org_x', 'label')).toBe('=合成机构');
    const edge = back.edges('org_x', 'twp_a')[0]!;
    expect(back.getEdgeAttribute(edge, 'relationshipType')).toBe('PARTNER');
    expect(xml).toContain('version="1.3"');
    expect(parseHexColor(EDGE_STYLE.PROSPECTIVE.color)).toEqual({ r: 0x6f, g: 0x8f, b: 0xc0, a: 1 });
    expect(parseHexColor('#1f7a3a80').a).toBe(0.5);
  });

  test('SVG: edges, nodes and the labels sigma drew, colours split into colour and opacity, text escaped', () => {
    const svg = mapToSvg({
      width: 200,
      height: 100,
      labelFont: 'sans-serif',
      labelSize: 12,
      nodes: [
        { id: 'a', x: 10, y: 20, size: 4, color: '#112233', label: 'A<&>', labelled: true },
        { id: 'b', x: 100, y: 50, size: 6, color: '#44556673', label: 'B', labelled: false },
      ],
      edges: [
        { id: 'e2', source: 'a', target: 'b', size: 2, color: '#1f7a3a', zIndex: 3 },
        { id: 'e1', source: 'b', target: 'a', size: 1, color: '#6f8fc073', zIndex: 1 },
        { id: 'gone', source: 'a', target: 'zz', size: 1, color: '#000000', zIndex: 0 },
      ],
    });
    expect(svg).toMatch(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="200" height="100"/);
    expect(svg.match(/<line /g)).toHaveLength(2);
    expect(svg.indexOf('data-id="e1"')).toBeLessThan(svg.indexOf('data-id="e2"'));
    expect(svg).toContain('fill="#445566" fill-opacity="0.45"');
    expect(svg).toContain('<text x="17" y="24">A&lt;&amp;&gt;</text>');
    expect(svg.match(/<text /g)).toHaveLength(1);
  });
});
