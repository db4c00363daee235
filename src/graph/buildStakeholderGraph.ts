import { MultiUndirectedGraph } from 'graphology';
import { IsoDate } from '../domain/model';
import type { NetworkSnapshot } from './NetworkSnapshot';
import { stakeholderEdge } from './stakeholderEdge';
import type {
  SkippedReference,
  StakeholderEdgeAttributes,
  StakeholderEdgeType,
  StakeholderGraph,
  StakeholderGraphAttributes,
  StakeholderNodeAttributes,
} from './StakeholderGraph';

export interface BuildStakeholderGraphOptions {
  /**
   * A date (YYYY-MM-DD): relationships whose `until` is before it have ended
   * and are left out. Without it every relationship is kept, whatever its
   * `until`: the graph has no clock, so "today" is the caller's to give.
   */
  asOf?: string;
}

/**
 * The stakeholder projection of a network snapshot (see StakeholderGraph.ts
 * for why it is a multigraph). Edges, all undirected:
 * - every Relationship record, with its own status (source 'relationship');
 * - a person's assignments, ESTABLISHED (source 'assignment'): SERVES each
 *   village and township they are assigned to, MEMBER_OF their organisation;
 * - service OFFERED_BY its organisation and village IN_TOWNSHIP its township,
 *   ESTABLISHED (source 'structure'); IN_TOWNSHIP is the one edge that is not
 *   traversable for trust paths (StakeholderEdgeAttributes.traversable says why);
 * - whoever SERVES a township (a social worker assigned to it, a station with a
 *   SERVES relationship to it) also SERVES each of its villages, with the same
 *   status: a township social-work station works with every village of its
 *   township, so a family in a village without a liaison still reaches the
 *   network through its station. These derived edges are what make a station
 *   a single point of failure for such villages.
 * A reference to an id the snapshot does not hold is left out and listed in
 * the graph attribute `skippedReferences`, so one stale record cannot take
 * the whole network view down.
 */
export function buildStakeholderGraph(
  snapshot: NetworkSnapshot,
  options: BuildStakeholderGraphOptions = {},
): StakeholderGraph {
  const asOf = options.asOf;
  if (asOf !== undefined && !IsoDate.safeParse(asOf).success) {
    throw new Error(
      `graph/buildStakeholderGraph: options.asOf must be a date like "2025-06-30", got ${JSON.stringify(asOf)}`,
    );
  }
  const skipped: SkippedReference[] = [];
  const graph: StakeholderGraph = new MultiUndirectedGraph<
    StakeholderNodeAttributes,
    StakeholderEdgeAttributes,
    StakeholderGraphAttributes
  >({ allowSelfLoops: false });
  graph.replaceAttributes({ skippedReferences: skipped });

  const addNode = (id: string, attributes: StakeholderNodeAttributes): void => {
    if (graph.hasNode(id)) {
      throw new Error(
        `graph/buildStakeholderGraph: the snapshot holds id "${id}" twice; every stakeholder must appear once (deduplicate the snapshot)`,
      );
    }
    graph.addNode(id, attributes);
  };
  const link = (link: PendingLink): void => {
    for (const [field, id] of [link.from, link.to]) {
      if (!graph.hasNode(id)) {
        skipped.push({ recordId: link.recordId, field, referencedId: id, reason: 'MISSING_NODE' });
        return;
      }
    }
    if (link.from[1] === link.to[1]) {
      skipped.push({ recordId: link.recordId, field: link.to[0], referencedId: link.to[1], reason: 'SELF_LOOP' });
      return;
    }
    // A repeated assignment (the same village listed twice) is one link, not two.
    if (graph.hasEdge(link.key)) return;
    graph.addUndirectedEdgeWithKey(link.key, link.from[1], link.to[1], link.attributes);
  };

  const townshipOfVillage = new Map(snapshot.villages.map((v) => [v.id, v.townshipId]));
  const townshipOfOrganization = new Map(
    snapshot.organizations.map((o) => [
      o.id,
      o.townshipId ?? (o.villageId === null ? null : (townshipOfVillage.get(o.villageId) ?? null)),
    ]),
  );

  for (const t of snapshot.townships) {
    addNode(t.id, { kind: 'township', label: t.name, townshipId: t.id, synthetic: false });
  }
  for (const v of snapshot.villages) {
    const counts = snapshot.householdsByVillage.get(v.id);
    addNode(v.id, {
      kind: 'village',
      label: v.displayName,
      townshipId: v.townshipId,
      synthetic: false,
      villageType: v.type,
      households: counts?.households ?? 0,
      vulnerableHouseholds: counts?.vulnerable ?? 0,
    });
  }
  for (const o of snapshot.organizations) {
    addNode(o.id, {
      kind: 'organization',
      label: o.name,
      townshipId: townshipOfOrganization.get(o.id) ?? null,
      synthetic: o.synthetic,
      organizationKind: o.kind,
    });
  }
  for (const s of snapshot.services) {
    addNode(s.id, {
      kind: 'service',
      label: s.name,
      townshipId: townshipOfOrganization.get(s.organizationId) ?? null,
      synthetic: s.synthetic,
      organizationId: s.organizationId,
      categories: [...s.categories],
      serviceStatus: s.status,
      online: s.online,
    });
  }
  for (const p of snapshot.people) {
    const firstVillage = p.villageIds[0];
    addNode(p.id, {
      kind: 'person',
      label: p.name,
      townshipId:
        p.townshipIds[0] ??
        (firstVillage === undefined ? undefined : townshipOfVillage.get(firstVillage)) ??
        (p.organizationId === null ? null : (townshipOfOrganization.get(p.organizationId) ?? null)),
      synthetic: p.synthetic,
      roles: [...p.roles],
      organizationId: p.organizationId,
    });
  }

  for (const v of snapshot.villages) {
    link(structural(v.id, ['townshipId', v.townshipId], 'IN_TOWNSHIP', false));
  }
  for (const s of snapshot.services) {
    link(structural(s.id, ['organizationId', s.organizationId], 'OFFERED_BY', true));
  }
  const townshipIds = new Set(snapshot.townships.map((t) => t.id));
  const villagesOfTownship = new Map<string, string[]>();
  for (const v of snapshot.villages) villagesOfTownship.set(v.townshipId, [...(villagesOfTownship.get(v.townshipId) ?? []), v.id]);
  for (const p of snapshot.people) {
    const direct = new Set(p.villageIds);
    for (const villageId of p.villageIds) link(assignment(p.id, ['villageIds', villageId], 'SERVES'));
    for (const townshipId of p.townshipIds) {
      link(assignment(p.id, ['townshipIds', townshipId], 'SERVES'));
      for (const villageId of villagesOfTownship.get(townshipId) ?? []) {
        if (!direct.has(villageId)) link(assignment(p.id, ['townshipIds', villageId], 'SERVES'));
      }
    }
    if (p.organizationId !== null) link(assignment(p.id, ['organizationId', p.organizationId], 'MEMBER_OF'));
  }
  for (const r of snapshot.relationships) {
    if (asOf !== undefined && r.until !== null && r.until < asOf) continue;
    link({
      key: r.id,
      recordId: r.id,
      from: ['fromId', r.fromId],
      to: ['toId', r.toId],
      attributes: stakeholderEdge(r.type, r.status, 'relationship', { since: r.since, until: r.until, relationshipId: r.id }),
    });
    if (r.type === 'SERVES') {
      const [township, server] = townshipIds.has(r.toId) ? [r.toId, r.fromId] : townshipIds.has(r.fromId) ? [r.fromId, r.toId] : [null, null];
      for (const villageId of township === null ? [] : (villagesOfTownship.get(township) ?? [])) {
        link({
          key: `${r.id}|${villageId}`,
          recordId: r.id,
          from: [server === r.fromId ? 'fromId' : 'toId', server as string],
          to: ['village of township', villageId],
          attributes: stakeholderEdge('SERVES', r.status, 'relationship', { since: r.since, until: r.until, relationshipId: r.id }),
        });
      }
    }
  }
  return graph;
}

// Private:

interface PendingLink {
  key: string;
  recordId: string;
  /** [field naming the id in its record, id] for each end. */
  from: [string, string];
  to: [string, string];
  attributes: StakeholderEdgeAttributes;
}

function structural(fromId: string, to: [string, string], type: StakeholderEdgeType, traversable: boolean): PendingLink {
  return {
    key: `${fromId}|${type}|${to[1]}`,
    recordId: fromId,
    from: ['id', fromId],
    to,
    attributes: { ...stakeholderEdge(type, 'ESTABLISHED', 'structure'), traversable },
  };
}

function assignment(personId: string, to: [string, string], type: StakeholderEdgeType): PendingLink {
  return {
    key: `${personId}|${type}|${to[1]}`,
    recordId: personId,
    from: ['id', personId],
    to,
    attributes: stakeholderEdge(type, 'ESTABLISHED', 'assignment'),
  };
}
