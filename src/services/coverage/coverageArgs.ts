import { z } from 'zod';
import { CategoryCode, IsoDate, idOf, type Category } from '../../domain/model';
import { badInput, notFound } from '../../errors/HuzhuError';
import type { NetworkSnapshot } from '../../graph';
import { DEFAULT_MAX_DISTANCE_KM } from './villageCoverage';

const orNull = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? null);

export const MaxDistanceKm = z
  .number()
  .positive({ message: 'must be a positive number of km' })
  .max(500, { message: 'must be at most 500 km' })
  .nullish()
  .transform((v) => v ?? DEFAULT_MAX_DISTANCE_KM);

export const CoverageArgs = z.object({
  townshipId: orNull(idOf('Township')),
  category: orNull(CategoryCode),
  maxDistanceKm: MaxDistanceKm,
  /** The reporting period for MOST_VULNERABLE_SUPPORTED, both days included; default the twelve months up to now. */
  periodFrom: orNull(IsoDate),
  periodTo: orNull(IsoDate),
});
export type CoverageArgs = z.infer<typeof CoverageArgs>;

export const NetworkMetricsArgs = z.object({
  sampleSize: z.number().int().min(2, { message: 'must be at least 2 pivots' }).max(10_000, { message: 'must be at most 10,000 pivots' }).nullish().transform((v) => v ?? undefined),
  top: z.number().int().min(1, { message: 'must be at least 1' }).max(100, { message: 'must be at most 100' }).nullish().transform((v) => v ?? 10),
  maxDistanceKm: MaxDistanceKm,
});

export const WhatIfArgs = z.object({
  changes: z.unknown(),
  maxDistanceKm: MaxDistanceKm,
});

export const MostVulnerableArgs = z.object({
  limit: z.number().int().min(1, { message: 'must be at least 1' }).max(100, { message: 'must be at most 100' }).nullish().transform((v) => v ?? 20),
});

/** NOT_FOUND when the township is not in the network; BAD_USER_INPUT for an unknown category. */
export function assertScopeExists(args: Pick<CoverageArgs, 'townshipId' | 'category'>, snapshot: NetworkSnapshot, categories: readonly Category[]): void {
  if (args.townshipId !== null && !snapshot.townships.some((t) => t.id === args.townshipId)) {
    throw notFound('Township', args.townshipId, ['townshipId']);
  }
  if (args.category !== null && !categories.some((c) => c.code === args.category)) {
    throw badInput(`category: unknown category ${args.category} (known: ${categories.map((c) => c.code).join(', ')})`, ['category']);
  }
}
