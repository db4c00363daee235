import { z } from 'zod';
import { IsoDate, ServiceStatus, idOf, type Service } from '../domain/model';
import { badInput, notFound, underInput } from '../errors/HuzhuError';
import { parseInput } from '../errors/fromZodError';
import type { ServiceContext } from './ServiceContext';

/**
 * Service upkeep (issue 11 item 4): the organisation keeps its own service's
 * status, capacity, hours and contact current and says when it confirmed
 * them. Who may do it is decided in src/api/auth/operationRules.ts; this use
 * case only changes the fields given. activeReferrals stays the store's.
 */
export const UpdateServiceInput = z
  .object({
    status: ServiceStatus.nullish(),
    /** Absent: unchanged; null: no stated limit. */
    capacity: z.number().int().min(0, { message: 'must be 0 or more (null: no stated limit) (容量不能为负数)' }).nullable().optional(),
    hours: z.string().trim().max(500, { message: 'must be at most 500 characters (服务时间最多 500 个字符)' }).nullish(),
    contact: z.string().trim().max(200, { message: 'must be at most 200 characters (联系方式最多 200 个字符)' }).nullish(),
    confirmedOn: IsoDate.nullish(),
  })
  .strict();

export async function updateService(ctx: ServiceContext, actor: { actorId: string }, rawId: unknown, rawInput: unknown): Promise<Service> {
  const id = parseInput(idOf('Service'), rawId, ['id']);
  const input = parseInput(UpdateServiceInput, rawInput ?? {}, ['input']);
  const [stored] = await ctx.store.getMany('Service', [id]);
  if (!stored) throw notFound('Service', id, ['id']);
  const next: Service = { ...stored };
  if (input.status != null) next.status = input.status;
  if (input.capacity !== undefined) next.capacity = input.capacity;
  // An empty string clears a stated value, like null.
  if (input.hours !== undefined) next.hours = input.hours === null || input.hours === '' ? undefined : input.hours;
  if (input.contact !== undefined) next.contact = input.contact === null || input.contact === '' ? undefined : input.contact;
  if (input.confirmedOn != null) {
    if (input.confirmedOn > ctx.now().toISOString().slice(0, 10)) {
      throw badInput('input.confirmedOn: must not be in the future (确认日期不能晚于今天)', ['input', 'confirmedOn']);
    }
    next.confirmedOn = input.confirmedOn;
    next.confirmedBy = actor.actorId;
  }
  return underInput(['input'], ctx.store.update('Service', next));
}
