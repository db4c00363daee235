import type { Service } from '../domain/model';
import { updateService } from './updateService';
import type { ServiceContext } from './ServiceContext';

/**
 * "These details are still right" in one action (issue 14 item 4): the
 * service's confirmedOn becomes today (the caller's clock, UTC date) and
 * confirmedBy the caller; nothing else changes. Who may: the same keepers as
 * updateService (src/api/auth/operationRules.ts).
 */
export function confirmService(ctx: ServiceContext, actor: { actorId: string }, rawId: unknown): Promise<Service> {
  return updateService(ctx, actor, rawId, { confirmedOn: ctx.now().toISOString().slice(0, 10) });
}
