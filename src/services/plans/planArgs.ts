import { z } from 'zod';
import { IsoDate } from '../../domain/model';
import { MAX_PLAN_NAME, MAX_PLAN_NOTE, PlanId } from '../../domain/Plan';
import { MaxDistanceKm } from '../coverage/coverageArgs';

/**
 * savePlan's input without its changes (those are parsed by the one what-if
 * schema, coverage/WhatIfChange.parseWhatIfChanges, at ['input', 'changes']).
 */
export const SavePlanFields = z.object({
  id: PlanId.nullish().transform((v) => v ?? null),
  name: z
    .string()
    .trim()
    .min(1, { message: 'must not be empty (请填写规划名称)' })
    .max(MAX_PLAN_NAME, { message: `must be at most ${MAX_PLAN_NAME} characters (规划名称最多 ${MAX_PLAN_NAME} 个字符)` }),
  note: z
    .string()
    .trim()
    .max(MAX_PLAN_NOTE, { message: `must be at most ${MAX_PLAN_NOTE} characters (备注最多 ${MAX_PLAN_NOTE} 个字符)` })
    .nullish()
    .transform((v) => (v === undefined || v === null || v === '' ? null : v)),
  changes: z.unknown(),
});

export const PlanIdArgs = z.object({ id: PlanId });

export const EvaluatePlanArgs = z.object({
  id: PlanId,
  asOf: IsoDate.nullish().transform((v) => v ?? null),
  maxDistanceKm: MaxDistanceKm,
});

export const ComparePlansArgs = z.object({
  a: PlanId,
  b: PlanId,
  asOf: IsoDate.nullish().transform((v) => v ?? null),
  maxDistanceKm: MaxDistanceKm,
});
