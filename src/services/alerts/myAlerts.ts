import { z } from 'zod';
import { alertInScope, type AlertRecord, type AlertScope } from '../../domain/Alert';
import { HuzhuError } from '../../errors/HuzhuError';
import { parseInput } from '../../errors/fromZodError';
import type { Page, PageRequest } from '../../store/GraphStore';
import type { ServiceContext } from '../ServiceContext';

/** Who reads alerts: the account (token subject) whose read marks count, and the places it answers for. */
export interface AlertReader {
  readerId: string;
  role: string;
  townshipIds: readonly string[];
  villageIds: readonly string[];
}

/**
 * The alerts a reader is told of, newest first: an ADMIN every alert; a
 * COORDINATOR those of its townships and villages (the referral's household
 * lives there). Who may call it at all is operationRules' decision.
 */
export function alertScopeOf(reader: AlertReader): AlertScope {
  if (reader.role === 'ADMIN') return { townshipIds: null, villageIds: null };
  if (reader.role === 'COORDINATOR') return { townshipIds: reader.townshipIds, villageIds: reader.villageIds };
  throw new HuzhuError('FORBIDDEN', `myAlerts: alerts go to coordinators and admins (提醒只发给协调员和管理员; got ${reader.role})`, { path: [] });
}

export async function myAlerts(
  ctx: ServiceContext,
  reader: AlertReader,
  page: PageRequest,
  unreadOnly: boolean,
): Promise<Page<AlertRecord & { read: boolean }> & { unreadCount: number }> {
  const result = await ctx.store.listAlerts({ scope: alertScopeOf(reader), readerId: reader.readerId, unreadOnly }, page);
  return { ...result, items: result.items.map((alert) => ({ ...alert, read: alert.readBy.includes(reader.readerId) })) };
}

const AlertIds = z.array(z.string().regex(/^alt_[0-9a-f_]{1,64}$/, { message: 'must be an alert id (alt_…)' })).min(1).max(100);

/**
 * Marks alerts read for this reader only (another coordinator's badge is
 * unchanged). Ids outside the reader's scope, or unknown, are ignored as if
 * absent (never confirmed to exist); returns the alerts marked.
 */
export async function markAlertsRead(ctx: ServiceContext, reader: AlertReader, rawIds: unknown): Promise<Array<AlertRecord & { read: boolean }>> {
  const ids = parseInput(AlertIds, rawIds, ['ids']);
  const scope = alertScopeOf(reader);
  const found = await ctx.store.getAlerts(ids);
  const inScope = found.filter((a): a is AlertRecord => a !== null && alertInScope(a, scope)).map((a) => a.id);
  const marked = await ctx.store.markAlertsRead(inScope, reader.readerId);
  return marked.map((alert) => ({ ...alert, read: true }));
}

