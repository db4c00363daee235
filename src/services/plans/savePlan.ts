import { newPlanId, type PlanRecord } from '../../domain/Plan';
import { notFound } from '../../errors/HuzhuError';
import { parseInput } from '../../errors/fromZodError';
import { parseWhatIfChanges } from '../coverage/WhatIfChange';
import type { ServiceContext } from '../ServiceContext';
import { actorDisplayName, requireAuthorOrAdmin, requireDraft, type PlanActor } from './PlanActor';
import { SavePlanFields } from './planArgs';

/**
 * Saves a plan (issue 12 item 3): without input.id a new DRAFT with the caller
 * as author; with it, the plan's name, note and changes replaced (its author
 * or an ADMIN; an APPLIED plan is a CONFLICT). The changes are parsed by the
 * what-if schema (BAD_USER_INPUT at input.changes.<i>.<field>) and stored as
 * parsed; whether their ids exist is checked when the plan is evaluated or
 * applied, against the network as it stands then.
 */
export async function savePlan(ctx: ServiceContext, actor: PlanActor, rawInput: unknown): Promise<PlanRecord> {
  const fields = parseInput(SavePlanFields, rawInput ?? {}, ['input']);
  const changes = parseWhatIfChanges(fields.changes, ['input', 'changes']);
  const now = ctx.now().toISOString();
  const stored = changes.map((c) => JSON.parse(JSON.stringify(c)) as PlanRecord['changes'][number]);
  if (fields.id === null) {
    return ctx.store.createPlan({
      id: newPlanId(ctx.now()),
      name: fields.name,
      note: fields.note,
      changes: stored,
      authorId: actor.actorId,
      authorName: await actorDisplayName(ctx, actor.actorId),
      status: 'DRAFT',
      createdAt: now,
      updatedAt: now,
      appliedAt: null,
      appliedById: null,
      appliedByName: null,
      version: 1,
    });
  }
  const existing = await ctx.store.getPlan(fields.id);
  if (!existing) throw notFound('Plan', fields.id, ['input', 'id']);
  requireAuthorOrAdmin(existing, actor, 'savePlan', ['input', 'id']);
  requireDraft(existing, 'savePlan', ['input', 'id']);
  return ctx.store.updatePlan(
    { ...existing, name: fields.name, note: fields.note, changes: stored, updatedAt: now, version: existing.version + 1 },
    { expectedVersion: existing.version },
  );
}
