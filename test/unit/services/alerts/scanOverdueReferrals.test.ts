import type { AlertEvent, AlertSink } from '../../../../src/services/alerts/AlertSink';
import { AlertDeliveryError } from '../../../../src/services/alerts/AlertSink';
import { scanOverdueReferrals } from '../../../../src/services/alerts/scanOverdueReferrals';
import { MemoryStore } from '../../../../src/store/memory/MemoryStore';
import { aReferralFor, smallNetwork, storeNetwork, type SmallNetwork } from '../../../support/builders';

/** The overdue scan over the memory store, with an injected clock and recording sinks (issue 15 item 5). */
const SENT_AT = '2026-12-01T00:00:00.000Z';
const hoursAfter = (hours: number) => new Date(Date.parse(SENT_AT) + hours * 3_600_000);

function recordingSink(name = 'recorder', fail = false): AlertSink & { events: AlertEvent[] } {
  const events: AlertEvent[] = [];
  return {
    name,
    events,
    async deliver(event) {
      events.push(event);
      if (fail) throw new AlertDeliveryError('synthetic failure', 3);
      return { attempts: 1 };
    },
  };
}

describe('scanOverdueReferrals', () => {
  let store: MemoryStore;
  let net: SmallNetwork;
  beforeEach(async () => {
    store = new MemoryStore({ dataDir: null });
    await store.init();
    net = smallNetwork();
    await storeNetwork(store, net);
  });
  afterEach(() => store.close());

  async function sendReferral(needIndex: 0 | 1 | 2) {
    const need = net.needs[needIndex];
    const referral = aReferralFor(need, net.services[1], {
      createdAt: SENT_AT,
      updatedAt: SENT_AT,
      transitions: [{ status: 'SENT', at: SENT_AT, actorId: 'per_synthetic', reason: null, note: null }],
    });
    await store.createReferral(referral);
    return referral;
  }

  it('raises nothing before the limit, one alert per overdue referral after it, and nothing again on the next scan', async () => {
    // needs[1] is CRITICAL (24 h), needs[0] HIGH (72 h), both of households[0] in villages[0] / townships[0].
    const critical = await sendReferral(1);
    await sendReferral(0);
    const sink = recordingSink();
    expect((await scanOverdueReferrals({ store, now: () => hoursAfter(24) }, [sink])).created).toEqual([]);

    const report = await scanOverdueReferrals({ store, now: () => hoursAfter(25) }, [sink]);
    expect(report.overdue).toBe(1);
    expect(report.created).toHaveLength(1);
    expect(report.created[0]).toMatchObject({
      kind: 'REFERRAL_OVERDUE',
      referralId: critical.id,
      villageId: net.villages[0].id,
      townshipId: net.townships[0].id,
      urgency: 'CRITICAL',
      limitHours: 24,
      dueAt: hoursAfter(24).toISOString(),
      deliveries: {},
    });
    expect(sink.events.map((e) => e.referralId)).toEqual([critical.id]);
    const [stored] = await store.getAlerts([report.created[0]!.id]);
    expect(stored?.deliveries['recorder']).toMatchObject({ status: 'DELIVERED', attempts: 1 });

    const later = await scanOverdueReferrals({ store, now: () => hoursAfter(80) }, [sink]);
    expect(later.overdue).toBe(2);
    expect(later.created.map((a) => a.urgency)).toEqual(['HIGH']);
    expect(sink.events).toHaveLength(2);
  });

  it('sends each alert once when several scans (several API processes) run at the same moment', async () => {
    await sendReferral(1);
    const sinks = [recordingSink(), recordingSink(), recordingSink()];
    const reports = await Promise.all(sinks.map((sink) => scanOverdueReferrals({ store, now: () => hoursAfter(30) }, [sink])));
    expect(reports.reduce((n, r) => n + r.created.length, 0)).toBe(1);
    expect(sinks.reduce((n, s) => n + s.events.length, 0)).toBe(1);
  });

  it('raises a new alert when the referral moves on and its next step goes overdue too', async () => {
    const referral = await sendReferral(1);
    await scanOverdueReferrals({ store, now: () => hoursAfter(25) }, []);
    const acceptedAt = hoursAfter(26).toISOString();
    await store.transitionReferral(referral.id, 'SENT', { status: 'ACCEPTED', at: acceptedAt, actorId: 'per_synthetic', reason: null, note: null }, null);
    expect((await scanOverdueReferrals({ store, now: () => hoursAfter(40) }, [])).created).toEqual([]);
    const next = await scanOverdueReferrals({ store, now: () => hoursAfter(51) }, []);
    expect(next.created.map((a) => a.key)).toEqual([`${referral.id}:REFERRAL_OVERDUE:2`]);
  });

  it('records a failed delivery on the alert and reports it, without sending it again next scan', async () => {
    await sendReferral(1);
    const failing = recordingSink('webhook', true);
    const report = await scanOverdueReferrals({ store, now: () => hoursAfter(25) }, [failing]);
    expect(report.failed).toEqual([{ sink: 'webhook', alertId: report.created[0]!.id, attempts: 3 }]);
    const [stored] = await store.getAlerts([report.created[0]!.id]);
    expect(stored?.deliveries['webhook']).toMatchObject({ status: 'FAILED', attempts: 3 });
    await scanOverdueReferrals({ store, now: () => hoursAfter(26) }, [failing]);
    expect(failing.events).toHaveLength(1);
  });
});
