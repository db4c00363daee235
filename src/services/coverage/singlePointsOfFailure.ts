import { articulationPoints } from '../../graph';
import { establishedReach } from './establishedReach';
import { familyCount, sumGroup, type FamilyFigure } from './FamilyFigure';
import { stakeholderRef, villageRef, type StakeholderRef, type VillageRef } from './stakeholderRef';
import {
  serviceSuitability,
  villageCoverage,
  type CoverageNetwork,
  type CoverageOptions,
  type NetworkCoverage,
  type VillageCoverage,
} from './villageCoverage';

/** How many articulation points are analysed by default (each costs one coverage pass over the villages). */
export const DEFAULT_SPOF_LIMIT = 200;

export interface LostAccess {
  category: string;
  /** Villages that reach a covering service of this category today and none without the node. */
  villages: VillageRef[];
  households: FamilyFigure;
}

export interface SinglePointOfFailure {
  node: StakeholderRef;
  /** Into how many groups its part of the network falls without it (≥ 2). */
  pieces: number;
  /** The stakeholders that lose every ESTABLISHED path to the rest of the network (graph/articulationPoints). */
  cutOff: StakeholderRef[];
  /** Per category, the villages that lose all covered access: only categories where some village does. */
  lostAccess: LostAccess[];
  /** Distinct villages losing access to at least one category. */
  villagesLosingAccess: number;
  householdsLosingAccess: FamilyFigure;
  /** The finding in one sentence, e.g. "If 王泗镇社会工作服务站 leaves, 3 villages lose all ELDERLY_CARE access: …". */
  summary: string;
}

export interface SinglePointsOfFailure {
  /** Articulation points of the ESTABLISHED network. */
  articulationPoints: number;
  /** How many of them were analysed (the ones cutting off most first; see limit). */
  analysed: number;
  /** Sorted: most households losing access first, then most villages, most cut off, id. */
  points: SinglePointOfFailure[];
}

/**
 * Single points of failure of the network as a referral can use it today:
 * the articulation points of the ESTABLISHED links (graph/articulationPoints),
 * each with what it cuts off and — the question designers ask — which
 * villages would lose all covered access to a category without it. That is
 * computed, not guessed from the cut-off list: ESTABLISHED reach is
 * recomputed without the node, village coverage with it (villageCoverage,
 * same rules and distance limit), and the result diffed against today. A node can matter without cutting off any
 * village (an organisation whose services hang on it takes them along), so
 * the diff is what decides.
 *
 * Cost: one coverage pass per point analysed, O(V·S + n + m) each. Only the
 * first `limit` points by cut-off size are analysed (default 200, more than
 * the seeded Dayi network has); `analysed` says how many were.
 */
export function singlePointsOfFailure(
  network: CoverageNetwork,
  options: CoverageOptions & { limit?: number; today?: NetworkCoverage },
): SinglePointsOfFailure {
  const limit = options.limit ?? DEFAULT_SPOF_LIMIT;
  if (!Number.isInteger(limit) || limit < 0) {
    throw new Error(`services/singlePointsOfFailure: limit must be a whole number ≥ 0, got ${String(limit)}`);
  }
  const { graph, snapshot } = network;
  const points = articulationPoints(graph);
  const suitability = serviceSuitability(snapshot, options);
  const today = options.today ?? villageCoverage(network, options, { suitability });
  const analysed = points.slice(0, limit).map((point): SinglePointOfFailure => {
    const after = villageCoverage(network, options, { suitability, reach: establishedReach(graph, [point.nodeId]) });
    const lostAccess = diffLostAccess(today, after, point.nodeId);
    const losing = new Map<string, VillageRef>();
    for (const lost of lostAccess) for (const v of lost.villages) losing.set(v.villageId, v);
    const node = stakeholderRef(graph, snapshot, point.nodeId);
    return {
      node,
      pieces: point.pieces,
      cutOff: point.cutOffNodeIds.map((id) => stakeholderRef(graph, snapshot, id)),
      lostAccess,
      villagesLosingAccess: losing.size,
      householdsLosingAccess: familyCount([...losing.values()].reduce((sum, v) => sum + (v.households.value ?? 0), 0)),
      summary: summarize(node, lostAccess, point.cutOffNodeIds.length),
    };
  });
  analysed.sort(
    (a, b) =>
      (b.householdsLosingAccess.value ?? 0) - (a.householdsLosingAccess.value ?? 0) ||
      b.villagesLosingAccess - a.villagesLosingAccess ||
      b.cutOff.length - a.cutOff.length ||
      (a.node.id < b.node.id ? -1 : a.node.id > b.node.id ? 1 : 0),
  );
  return { articulationPoints: points.length, analysed: analysed.length, points: analysed };
}

// Private:

function diffLostAccess(before: NetworkCoverage, after: NetworkCoverage, removedId: string): LostAccess[] {
  const afterById = new Map(after.villages.map((v) => [v.village.id, v]));
  return before.categories.flatMap((category, index) => {
    const villages: VillageCoverage[] = before.villages.filter((v) => {
      if (v.village.id === removedId) return false;
      const now = afterById.get(v.village.id);
      return v.cells[index]?.covered === true && now?.cells[index]?.covered !== true;
    });
    if (villages.length === 0) return [];
    const refs = villages.map(villageRef);
    const households = familyCount(villages.reduce((sum, v) => sum + v.households, 0));
    // The villages' households add up to the row's: complementary cells (suppressSmallCells).
    sumGroup(households, refs.map((r) => r.households));
    return [{ category: category.code, villages: refs, households }];
  });
}

const NAMES_IN_SUMMARY = 5;

function summarize(node: StakeholderRef, lost: readonly LostAccess[], cutOffCount: number): string {
  const who = `If ${node.label} (${node.kind}) leaves`;
  if (lost.length === 0) {
    return `${who}, ${cutOffCount} stakeholder(s) lose every ESTABLISHED path to the rest of the network, but no village loses covered access to any category`;
  }
  // Group categories that cut off the same villages, so "loses all MEDICAL, ELDERLY_CARE access" reads as one finding.
  const groups = new Map<string, { categories: string[]; villages: VillageRef[] }>();
  for (const l of lost) {
    const key = l.villages.map((v) => v.villageId).join(',');
    const group = groups.get(key);
    if (group) group.categories.push(l.category);
    else groups.set(key, { categories: [l.category], villages: l.villages });
  }
  const parts = [...groups.values()].map(({ categories, villages }) => {
    const names = villages.slice(0, NAMES_IN_SUMMARY).map((v) => v.villageName);
    const more = villages.length > NAMES_IN_SUMMARY ? ` and ${villages.length - NAMES_IN_SUMMARY} more` : '';
    const count = villages.length === 1 ? '1 village loses' : `${villages.length} villages lose`;
    return `${count} all ${categories.join(', ')} access (${names.join(', ')}${more})`;
  });
  return `${who}: ${parts.join('; ')}`;
}
