/**
 * Builders for graph tests: network snapshots, hand-made networks of
 * synthetic people by short name ("a" becomes per_a), large indexed graphs
 * and classic shapes. People and relationships come from the entity
 * builders (stakeholders.ts), so they carry the same defaults.
 */
import { MultiUndirectedGraph } from 'graphology';
import type { RelationshipStatus, RelationshipType } from '../../../src/domain/model';
import { buildStakeholderGraph } from '../../../src/graph/buildStakeholderGraph';
import type { NetworkSnapshot } from '../../../src/graph/NetworkSnapshot';
import type {
  StakeholderEdgeAttributes,
  StakeholderGraph,
  StakeholderGraphAttributes,
  StakeholderNodeAttributes,
} from '../../../src/graph/StakeholderGraph';
import { aPerson, aRelationship } from './stakeholders';

/** An empty network snapshot; pass the records a test needs. */
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
        aRelationship({ id: `rel_${i}`, fromId: per(a), toId: per(b), status, type }),
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
