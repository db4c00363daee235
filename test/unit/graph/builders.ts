/**
 * Builders for graph tests. Townships and villages are real Dayi County units
 * (晋原街道, 王泗镇 and some of their communities, codes from
 * seed/data/villages.csv); people, organisations, services and relationships
 * are synthetic (`synthetic: true`, names marked 合成).
 */
import { MultiUndirectedGraph } from 'graphology';
import type {
  Organization,
  Person,
  Relationship,
  RelationshipStatus,
  RelationshipType,
  Service,
  Township,
  Village,
} from '../../../src/domain/model';
import { buildStakeholderGraph } from '../../../src/graph/buildStakeholderGraph';
import type { NetworkSnapshot } from '../../../src/graph/NetworkSnapshot';
import type {
  StakeholderEdgeAttributes,
  StakeholderGraph,
  StakeholderGraphAttributes,
  StakeholderNodeAttributes,
} from '../../../src/graph/StakeholderGraph';

export const JINYUAN: Township = {
  id: 'twp_510129001000',
  code: '510129001000',
  name: '晋原街道',
  kind: 'SUBDISTRICT',
  location: { lat: 30.587049, lng: 103.501125, precision: 'exact' },
  source: 'seed/data/townships.csv',
};

export const WANGSI: Township = {
  id: 'twp_510129101000',
  code: '510129101000',
  name: '王泗镇',
  kind: 'TOWN',
  location: { lat: 30.523428, lng: 103.485121, precision: 'exact' },
  source: 'seed/data/townships.csv',
};

export const NANJIE = aVillage({ id: 'vil_510129001002', code: '510129001002', name: '南街社区居委会', displayName: '南街社区' });
export const XIJIE = aVillage({ id: 'vil_510129001003', code: '510129001003', name: '西街社区居委会', displayName: '西街社区' });
export const BEIJIE = aVillage({ id: 'vil_510129001004', code: '510129001004', name: '北街社区居委会', displayName: '北街社区' });
export const FUTIAN = aVillage({
  id: 'vil_510129101003',
  code: '510129101003',
  name: '福田社区居委会',
  displayName: '福田社区',
  townshipId: WANGSI.id,
  location: { ...WANGSI.location, precision: 'township' },
});

export function aVillage(overrides: Partial<Village> = {}): Village {
  return {
    id: 'vil_510129001002',
    code: '510129001002',
    name: '南街社区居委会',
    displayName: '南街社区',
    type: 'COMMUNITY',
    townshipId: JINYUAN.id,
    location: { ...JINYUAN.location, precision: 'township' },
    source: 'seed/data/villages.csv',
    ...overrides,
  };
}

export function aPerson(overrides: Partial<Person> = {}): Person {
  return {
    id: 'per_1',
    name: '联络人(合成)',
    roles: ['LIAISON'],
    villageIds: [],
    townshipIds: [],
    organizationId: null,
    phone: null,
    trainedAt: null,
    trainings: [],
    synthetic: true,
    ...overrides,
  };
}

export function anOrganization(overrides: Partial<Organization> = {}): Organization {
  return {
    id: 'org_1',
    name: '社工站(合成)',
    aliases: [],
    nameEn: null,
    kind: 'SOCIAL_WORK_STATION',
    townshipId: JINYUAN.id,
    villageId: null,
    location: null,
    description: 'synthetic test organisation',
    synthetic: true,
    ...overrides,
  };
}

export function aService(overrides: Partial<Service> = {}): Service {
  return {
    id: 'svc_1',
    organizationId: 'org_1',
    name: '心理咨询(合成)',
    description: 'synthetic test service',
    categories: ['MENTAL_HEALTH'],
    eligibility: { ageBands: [], requiredMarkers: [], anyOfMarkers: [], residencyTownshipIds: [] },
    capacity: null,
    activeReferrals: 0,
    location: null,
    online: true,
    area: { kind: 'COUNTY' },
    status: 'ACTIVE',
    synthetic: true,
    ...overrides,
  };
}

export function aRelationship(
  fromId: string,
  toId: string,
  overrides: Partial<Relationship> = {},
): Relationship {
  return {
    id: `rel_${fromId.replace('_', '')}-${toId.replace('_', '')}`,
    fromId,
    toId,
    type: 'KNOWS',
    status: 'ESTABLISHED',
    since: '2024-03-01',
    until: null,
    note: null,
    createdAt: '2024-03-01T08:00:00+08:00',
    updatedAt: '2024-03-01T08:00:00+08:00',
    ...overrides,
  };
}

export function aSnapshot(overrides: Partial<NetworkSnapshot> = {}): NetworkSnapshot {
  return {
    townships: [],
    villages: [],
    people: [],
    organizations: [],
    services: [],
    relationships: [],
    householdsByVillage: new Map(),
    ...overrides,
  };
}

/** A link between two people of peopleGraph, by their short names: [from, to, status?, type?]. */
export type PersonLink = [string, string, RelationshipStatus?, RelationshipType?];

/**
 * A graph of synthetic people ("a" becomes per_a) linked by relationships,
 * built through buildStakeholderGraph: the shape of hand-made test networks.
 */
export function peopleGraph(links: readonly PersonLink[], extraPeople: readonly string[] = []): StakeholderGraph {
  const names = new Set<string>(extraPeople);
  for (const [a, b] of links) names.add(a).add(b);
  return buildStakeholderGraph(
    aSnapshot({
      people: [...names].map((name) => aPerson({ id: per(name), name: `${name}(合成)` })),
      relationships: links.map(([a, b, status = 'ESTABLISHED', type = 'KNOWS'], i) =>
        aRelationship(per(a), per(b), { id: `rel_${i}`, status, type }),
      ),
    }),
  );
}

export function per(name: string): string {
  return `per_${name}`;
}

/**
 * A large graph of synthetic people built straight into graphology, for
 * tests that need tens of thousands of nodes: `edges` as index pairs.
 */
export function indexedPeopleGraph(order: number, edges: ReadonlyArray<readonly [number, number]>): StakeholderGraph {
  const graph = new MultiUndirectedGraph<StakeholderNodeAttributes, StakeholderEdgeAttributes, StakeholderGraphAttributes>();
  graph.replaceAttributes({ skippedReferences: [] });
  const id = (i: number): string => `per_${String(i).padStart(6, '0')}`;
  for (let i = 0; i < order; i++) {
    graph.addNode(id(i), { kind: 'person', label: `p${i}(合成)`, townshipId: null, synthetic: true, roles: ['VOLUNTEER'], organizationId: null });
  }
  edges.forEach(([a, b], i) =>
    graph.addUndirectedEdgeWithKey(`rel_${i}`, id(a), id(b), {
      type: 'KNOWS',
      status: 'ESTABLISHED',
      since: null,
      until: null,
      source: 'relationship',
      traversable: true,
      relationshipId: `rel_${i}`,
    }),
  );
  return graph;
}

/** The node ids of a path, in order, from a TrustPath's steps. */
export function nodesOf(path: { fromId: string; steps: ReadonlyArray<{ toId: string }> }): string[] {
  return [path.fromId, ...path.steps.map((s) => s.toId)];
}

/** Classic shapes as PersonLink lists, by short names. */
export const shapes = {
  /** centre linked to each leaf. */
  star: (centre: string, leaves: readonly string[]): PersonLink[] => leaves.map((leaf) => [centre, leaf]),
  /** names[0] – names[1] – … – names[n−1]. */
  path: (names: readonly string[]): PersonLink[] => names.slice(1).map((name, i) => [names[i] as string, name]),
  /** a path closed back to its start. */
  cycle: (names: readonly string[]): PersonLink[] => [...shapes.path(names), [names[names.length - 1] as string, names[0] as string]],
  /** every pair linked. */
  complete: (names: readonly string[]): PersonLink[] =>
    names.flatMap((a, i) => names.slice(i + 1).map((b): PersonLink => [a, b])),
};

/** A deterministic pseudo-random generator for generated test networks (mulberry32). */
export function testRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
