import { alertKey, newAlertId, type AlertRecord } from '../../domain/Alert';
import type { Household, Need, Village } from '../../domain/model';
import { AWAITING_ACTION_STATUSES } from '../../domain/referralLifecycle';
import { referralOverdue } from '../../domain/referralOverdue';
import { listAll } from '../listAll';
import type { ServiceContext } from '../ServiceContext';
import { AlertDeliveryError, alertEvent, type AlertSink } from './AlertSink';

export interface ScanReport {
  /** Referrals overdue now (with or without an alert from an earlier scan). */
  overdue: number;
  /** Alerts this scan wrote (and handed to the sinks): 0 when another process or an earlier scan wrote them. */
  created: AlertRecord[];
  /** Deliveries that failed, by sink name and alert id (recorded on the alert too). */
  failed: Array<{ sink: string; alertId: string; attempts: number }>;
}

/**
 * One scan for referrals gone overdue (issue 15 item 5): every referral
 * waiting on a step (SENT, ACCEPTED) past its limit (domain/referralOverdue)
 * gets one REFERRAL_OVERDUE alert for that step. The alert is written with
 * its unique key (GraphStore.recordAlert), so any number of API processes may
 * scan at once: exactly one writes it, and only that one hands it to the
 * outbound sinks; the outcome of each delivery is recorded on the alert.
 * The console reads the records (myAlerts), so it needs no sink.
 */
export async function scanOverdueReferrals(ctx: ServiceContext, sinks: readonly AlertSink[]): Promise<ScanReport> {
  const now = ctx.now();
  const waiting = (await Promise.all(AWAITING_ACTION_STATUSES.map((status) => listAll(ctx.store, 'Referral', { status })))).flat();
  const needs = byId(await ctx.store.getMany('Need', unique(waiting.map((r) => r.needId))));
  const overdue = waiting.flatMap((referral) => {
    const need = needs.get(referral.needId);
    const due = need ? referralOverdue(referral, need.urgency, now) : null;
    return need && due ? [{ referral, need, due }] : [];
  });
  const households = byId(await ctx.store.getMany('Household', unique(overdue.map((o) => o.referral.householdId))));
  const villages = byId(await ctx.store.getMany('Village', unique([...households.values()].map((h) => h.villageId))));
  const report: ScanReport = { overdue: overdue.length, created: [], failed: [] };
  for (const { referral, need, due } of overdue) {
    const village = villageOf(households.get(referral.householdId), villages);
    if (!village) continue;
    const { alert, created } = await ctx.store.recordAlert({
      id: newAlertId(now),
      key: alertKey('REFERRAL_OVERDUE', referral.id, due.step),
      kind: 'REFERRAL_OVERDUE',
      referralId: referral.id,
      needId: referral.needId,
      serviceId: referral.serviceId,
      organizationId: referral.organizationId,
      villageId: village.id,
      townshipId: village.townshipId,
      urgency: need.urgency,
      dueAt: due.dueAt,
      limitHours: due.limitHours,
      createdAt: now.toISOString(),
      readBy: [],
      deliveries: {},
    });
    if (!created) continue;
    report.created.push(alert);
    for (const sink of sinks) {
      const outcome = await deliverTo(sink, alert);
      await ctx.store.setAlertDelivery(alert.id, sink.name, { ...outcome, at: ctx.now().toISOString() });
      if (outcome.status === 'FAILED') report.failed.push({ sink: sink.name, alertId: alert.id, attempts: outcome.attempts });
    }
  }
  return report;
}

// Private:

async function deliverTo(sink: AlertSink, alert: AlertRecord): Promise<{ status: 'DELIVERED' | 'FAILED'; attempts: number }> {
  try {
    const { attempts } = await sink.deliver(alertEvent(alert));
    return { status: 'DELIVERED', attempts };
  } catch (error) {
    return { status: 'FAILED', attempts: error instanceof AlertDeliveryError ? error.attempts : 1 };
  }
}

function villageOf(household: Household | undefined, villages: ReadonlyMap<string, Village>): Village | undefined {
  return household ? villages.get(household.villageId) : undefined;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

function byId<T extends Need | Household | Village>(rows: ReadonlyArray<T | null>): Map<string, T> {
  return new Map(rows.filter((r): r is T => r !== null).map((r) => [r.id, r]));
}
