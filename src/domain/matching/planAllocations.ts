import type { Need, Urgency } from '../model';
import { VULNERABILITY_TIERS, vulnerabilityTierIndex, type VulnerabilityTier } from './vulnerabilityTier';

export interface AllocationNeed {
  needId: string;
  villageId: string;
  /** The household's vulnerability score (domain/vulnerabilityIndex). */
  vulnerabilityScore: number;
  urgency: Urgency;
  /** When the need was recorded (ISO date-time); older needs go first among equals. */
  createdAt: Need['createdAt'];
  /** Suitable services, best first — matchNeed's matches fit as they are. */
  candidates: ReadonlyArray<{ serviceId: string; score: number }>;
}

export interface PlanAllocationsInput {
  needs: readonly AllocationNeed[];
  /** Slots each candidate service has left now (capacity − activeReferrals); null = unlimited. Must cover every candidate. */
  capacityLeft: ReadonlyMap<string, number | null>;
}

export interface Assignment {
  needId: string;
  serviceId: string;
  /** The candidate's match score. */
  score: number;
  /** Position of the service in the need's candidate list (0 = its best match). */
  candidateRank: number;
  villageId: string;
  tier: VulnerabilityTier;
}

export interface Unassigned {
  needId: string;
  villageId: string;
  tier: VulnerabilityTier;
  reason: 'NO_CANDIDATES' | 'CANDIDATES_FULL';
  detail: string;
}

export interface VillageAllocationSummary {
  villageId: string;
  needs: number;
  assigned: number;
  unassigned: number;
}

export interface AllocationPlan {
  /** In the order they were made, which is the priority order described on planAllocations. */
  assignments: Assignment[];
  unassigned: Unassigned[];
  /** One row per village with a need, by village id. */
  byVillage: VillageAllocationSummary[];
}

const URGENCY_RANK: Readonly<Record<Urgency, number>> = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3 };

/**
 * Assigns open needs to services, vulnerability first and fair across
 * villages. Each need gets at most one service — the best of its candidates
 * that still has a slot when its turn comes — and no service gets more
 * needs than its capacity left.
 *
 * Turn order:
 *  1. By vulnerability tier (VULNERABILITY_TIERS), most vulnerable first: every
 *     need of a higher tier is served before any need of a lower one.
 *  2. Within a tier, round-robin across villages: each village's needs in the
 *     tier are queued by priority (vulnerability score desc, urgency
 *     CRITICAL > HIGH > MEDIUM > LOW, oldest createdAt, needId); round k takes
 *     the k-th need of every village that still has one, in priority order.
 *     So a village with 500 needs in a tier cannot take all the slots before a
 *     village with 5 has had its turn.
 *
 * Guarantee (tested as a property): call X ahead of Y when X's tier is higher,
 * or the tiers are equal and X's position in its village's queue is earlier,
 * or both are equal and X has priority. If Y got service S and S is among X's
 * candidates, then X got a service too, one X ranks no worse than S. Because
 * capacity only ever decreases, S still had a slot at X's turn. In particular
 * a more vulnerable household is never left without a service that a
 * household of a lower tier — or a less vulnerable one of the same village and
 * tier — received. Across villages within one tier the round-robin rule takes
 * precedence over small score differences, by design.
 *
 * Runs in O(n log n + c) for n needs and c candidates in total: one sort (the
 * turns follow from it by a counting sort on the round) and one pass over a
 * capacity map.
 */
export function planAllocations(input: PlanAllocationsInput): AllocationPlan {
  const needs = input.needs;
  const keys = needs.map((need, i) => toKey(need, i));
  assertUniqueIds(needs);

  // Priority order within each tier, then each need's position in its village's queue.
  const byPriority = keys.slice().sort(comparePriority);
  // byPriority is grouped by tier, so one village → queue length map per tier suffices.
  let queueLength = new Map<string, number>();
  let currentTier = -1;
  for (const key of byPriority) {
    if (key.tierIndex !== currentTier) {
      currentTier = key.tierIndex;
      queueLength = new Map();
    }
    const position = queueLength.get(key.need.villageId) ?? 0;
    key.round = position;
    queueLength.set(key.need.villageId, position + 1);
  }
  const turns = turnOrder(byPriority);

  const left = new Map<string, number | null>();
  const slotsLeft = (serviceId: string, needId: string): number | null => {
    if (!left.has(serviceId)) {
      if (!input.capacityLeft.has(serviceId)) {
        throw new Error(
          `domain/planAllocations: need ${needId} lists candidate ${serviceId} but capacityLeft has no entry for it; pass the capacity left of every candidate service (null = unlimited)`,
        );
      }
      left.set(serviceId, input.capacityLeft.get(serviceId) ?? null);
    }
    return left.get(serviceId) ?? null;
  };

  const assignments: Assignment[] = [];
  const unassigned: Unassigned[] = [];
  const villages = new Map<string, VillageAllocationSummary>();
  for (const { need, tierIndex } of turns) {
    const tier = tierName(tierIndex);
    const summary = villageSummary(villages, need.villageId);
    summary.needs += 1;
    const rank = need.candidates.findIndex((c) => {
      const slots = slotsLeft(c.serviceId, need.needId);
      return slots === null || slots >= 1;
    });
    const chosen = need.candidates[rank];
    if (chosen === undefined) {
      summary.unassigned += 1;
      const candidates = need.candidates;
      unassigned.push({
        needId: need.needId,
        villageId: need.villageId,
        tier,
        reason: candidates.length === 0 ? 'NO_CANDIDATES' : 'CANDIDATES_FULL',
        // Worded when read: a county plan leaves most needs unassigned and shows a few.
        get detail() {
          return candidates.length === 0
            ? 'no suitable service was found for this need'
            : `every candidate service is full, already or by needs ahead of it: ${candidates.map((c) => c.serviceId).join(', ')}`;
        },
      });
      continue;
    }
    const slots = slotsLeft(chosen.serviceId, need.needId);
    if (slots !== null) left.set(chosen.serviceId, slots - 1);
    summary.assigned += 1;
    assignments.push({ needId: need.needId, serviceId: chosen.serviceId, score: chosen.score, candidateRank: rank, villageId: need.villageId, tier });
  }

  const byVillage = [...villages.values()].sort((a, b) => compareIds(a.villageId, b.villageId));
  return { assignments, unassigned, byVillage };
}

// Private:

/** Sort keys copied flat out of the need, so the comparators touch one small object each. */
interface Key {
  need: AllocationNeed;
  tierIndex: number;
  score: number;
  urgencyRank: number;
  createdMs: number;
  needId: string;
  /** Position in the village's queue within the tier (0-based); set after the priority sort. */
  round: number;
}

function toKey(need: AllocationNeed, index: number): Key {
  const createdMs = Date.parse(need.createdAt);
  if (Number.isNaN(createdMs)) {
    throw new Error(`domain/planAllocations: needs[${index}] (${need.needId}) has createdAt ${JSON.stringify(need.createdAt)}, not an ISO date-time`);
  }
  if (!(need.urgency in URGENCY_RANK)) {
    throw new Error(`domain/planAllocations: needs[${index}] (${need.needId}) has urgency ${JSON.stringify(need.urgency)}; use LOW, MEDIUM, HIGH or CRITICAL`);
  }
  return {
    need,
    tierIndex: vulnerabilityTierIndex(need.vulnerabilityScore),
    score: need.vulnerabilityScore,
    urgencyRank: URGENCY_RANK[need.urgency],
    createdMs,
    needId: need.needId,
    round: 0,
  };
}

/** Tier, then score desc, urgency, oldest, id. */
function comparePriority(a: Key, b: Key): number {
  return (
    a.tierIndex - b.tierIndex ||
    b.score - a.score ||
    a.urgencyRank - b.urgencyRank ||
    a.createdMs - b.createdMs ||
    compareIds(a.needId, b.needId)
  );
}

/**
 * Tier, then round-robin round, then priority within the round: byPriority is grouped by tier and in
 * priority order within it, so a stable counting sort by round, tier by tier, gives the turns in O(n)
 * (rounds are small integers below the tier's size), with no comparison sort.
 */
function turnOrder(byPriority: readonly Key[]): Key[] {
  const turns = new Array<Key>(byPriority.length);
  let start = 0;
  while (start < byPriority.length) {
    const tierIndex = (byPriority[start] as Key).tierIndex;
    let end = start;
    let maxRound = 0;
    for (; end < byPriority.length && (byPriority[end] as Key).tierIndex === tierIndex; end += 1) {
      maxRound = Math.max(maxRound, (byPriority[end] as Key).round);
    }
    // next[r]: where the next key of round r goes.
    const next = new Array<number>(maxRound + 1).fill(0);
    for (let i = start; i < end; i += 1) next[(byPriority[i] as Key).round] = (next[(byPriority[i] as Key).round] as number) + 1;
    let at = start;
    for (let r = 0; r <= maxRound; r += 1) {
      const count = next[r] as number;
      next[r] = at;
      at += count;
    }
    for (let i = start; i < end; i += 1) {
      const key = byPriority[i] as Key;
      const position = next[key.round] as number;
      turns[position] = key;
      next[key.round] = position + 1;
    }
    start = end;
  }
  return turns;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function tierName(index: number): VulnerabilityTier {
  const tier = VULNERABILITY_TIERS[index];
  if (tier === undefined) throw new Error(`domain/planAllocations: no vulnerability tier at index ${index}`);
  return tier.tier;
}

function villageSummary(villages: Map<string, VillageAllocationSummary>, villageId: string): VillageAllocationSummary {
  let summary = villages.get(villageId);
  if (summary === undefined) {
    summary = { villageId, needs: 0, assigned: 0, unassigned: 0 };
    villages.set(villageId, summary);
  }
  return summary;
}

function assertUniqueIds(needs: readonly AllocationNeed[]): void {
  const seen = new Set<string>();
  for (const need of needs) {
    if (seen.has(need.needId)) {
      throw new Error(`domain/planAllocations: need ${need.needId} is listed twice; pass each open need once`);
    }
    seen.add(need.needId);
  }
}
