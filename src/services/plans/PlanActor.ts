import { HuzhuError } from '../../errors/HuzhuError';
import type { PlanRecord } from '../../domain/Plan';
import type { ServiceContext } from '../ServiceContext';

/** Who saves, deletes or applies a plan: the caller's actor id (token subject or account id) and role. */
export interface PlanActor {
  actorId: string;
  role: string;
}

/** The display name of an account actor (acc_…), as the account holds it now; null for any other subject or a missing account. */
export async function actorDisplayName(ctx: ServiceContext, actorId: string): Promise<string | null> {
  if (!actorId.startsWith('acc_')) return null;
  const [account] = await ctx.store.getAccounts([actorId]);
  return account?.displayName ?? null;
}

/** A plan is changed or deleted by its author or an ADMIN; FORBIDDEN at `path` otherwise. */
export function requireAuthorOrAdmin(plan: PlanRecord, actor: PlanActor, operation: string, path: ReadonlyArray<string | number>): void {
  if (actor.role === 'ADMIN' || plan.authorId === actor.actorId) return;
  throw new HuzhuError(
    'FORBIDDEN',
    `${operation}: plan ${plan.id} was written by ${plan.authorName ?? plan.authorId}; only its author or an ADMIN may change or delete it (只有作者或管理员可以修改或删除此规划); save a copy as a new plan instead`,
    { path },
  );
}

/** CONFLICT at `path` when the plan was applied: its records are real now, and the plan stays as it was applied. */
export function requireDraft(plan: PlanRecord, operation: string, path: ReadonlyArray<string | number>): void {
  if (plan.status === 'DRAFT') return;
  throw new HuzhuError(
    'CONFLICT',
    `${operation}: plan ${plan.id} was applied on ${plan.appliedAt ?? '?'} and can no longer change (规划已实施，不能再修改); save a new plan to change the network further`,
    { path, details: { status: plan.status } },
  );
}
