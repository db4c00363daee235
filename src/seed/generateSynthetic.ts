import type { EntityMap } from '../domain/model';
import { generateSyntheticHousehold, type HouseholdContext } from './generateSyntheticHousehold';
import { generateSyntheticPeople } from './generateSyntheticPeople';
import { seededRandom, weightedPicker } from './seededRandom';
import { loadSyntheticWorld, type SyntheticWorld } from './syntheticWorld';

export type SyntheticKind = 'Person' | 'Relationship' | 'Household' | 'Need';
/** One batch of rows of one kind, ready for GraphStore.upsertMany. */
export type SyntheticBatch = { [K in SyntheticKind]: { kind: K; rows: Array<EntityMap[K]> } }[SyntheticKind];

export interface SyntheticOptions {
  households: number;
  seed: number;
  /** Households per batch (their needs follow in a batch of their own). */
  batchSize?: number;
  /** Called after each household batch has been consumed. */
  onProgress?: (progress: { households: number; total: number }) => void;
  /** The real places and stakeholders to hang rows on; loaded from seed/ when omitted. */
  world?: SyntheticWorld;
}

export const DEFAULT_BATCH_SIZE = 5000;

/**
 * Deterministic synthetic data, streamed: first the people and their ties,
 * then households with their needs in batches, so a million households never
 * sit in memory at once. Same seed → byte-identical rows; household #n does not
 * depend on the total or the batch size. Every row is flagged synthetic.
 */
export function* generateSynthetic(options: SyntheticOptions): Generator<SyntheticBatch, void, undefined> {
  const { households: total, seed } = options;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(total) || total < 0) {
    throw new Error(`seed/generateSynthetic: households must be a whole number >= 0, got ${total}`);
  }
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new Error(`seed/generateSynthetic: batchSize must be a whole number >= 1, got ${batchSize}`);
  }
  if (!Number.isSafeInteger(seed)) throw new Error(`seed/generateSynthetic: seed must be an integer, got ${seed}`);
  const world = options.world ?? loadSyntheticWorld();

  const { people, relationships, creditOfficersByTownship } = generateSyntheticPeople(world, seed);
  yield { kind: 'Person', rows: people };
  yield { kind: 'Relationship', rows: relationships };

  const ctx: HouseholdContext = {
    seed,
    pickVillage: villagePicker(world, seed),
    creditOfficersByTownship,
    categories: new Map(world.categories.map((c) => [c.code, c])),
  };
  for (let first = 1; first <= total; first += batchSize) {
    const last = Math.min(total, first + batchSize - 1);
    const households: Array<EntityMap['Household']> = [];
    const needs: Array<EntityMap['Need']> = [];
    for (let seq = first; seq <= last; seq++) {
      const generated = generateSyntheticHousehold(seq, ctx);
      households.push(generated.household);
      needs.push(...generated.needs);
    }
    yield { kind: 'Household', rows: households };
    if (needs.length > 0) yield { kind: 'Need', rows: needs };
    options.onProgress?.({ households: last, total });
  }
}

// Private:

const VILLAGE_STREAM = 0x5649; // "VI"
/** Urban communities (社区) hold more households than villages (村) in this seed. */
const COMMUNITY_WEIGHT = 1.5;

/** Weighted by type, with a per-village jitter from the seed so sizes look uneven rather than tiered. */
function villagePicker(world: SyntheticWorld, seed: number): HouseholdContext['pickVillage'] {
  const rng = seededRandom(seed, VILLAGE_STREAM);
  return weightedPicker(
    world.places.villages.map((v) => [v, (v.type === 'COMMUNITY' ? COMMUNITY_WEIGHT : 1) * (0.7 + 0.6 * rng.next())] as const),
  );
}
