import { AlertDeliveryError, type AlertEvent } from '../../../../src/services/alerts/AlertSink';
import { createWebhookAlertSink, webhookSignature } from '../../../../src/services/alerts/webhookAlertSink';
import { startWebhookReceiver, type WebhookReceiver } from '../../../support/webhookReceiver';

/** The webhook adapter of the AlertSink port: signed JSON POSTs, retries with backoff on transient failures only. */
const SECRET = 'synthetic-webhook-secret-at-least-32-chars';
const EVENT: AlertEvent = {
  id: 'alt_20261201120000000_0000beef',
  kind: 'REFERRAL_OVERDUE',
  referralId: 'ref_synthetic',
  serviceId: 'svc_synthetic',
  organizationId: 'org_synthetic',
  villageId: 'vil_synthetic',
  townshipId: 'twp_synthetic',
  dueAt: '2026-12-01T00:00:00.000Z',
  occurredAt: '2026-12-01T12:00:00.000Z',
};
const NOW = new Date('2026-12-01T12:00:05Z');

describe('the webhook alert sink', () => {
  let receiver: WebhookReceiver | null = null;
  afterEach(async () => {
    await receiver?.close();
    receiver = null;
  });

  it('POSTs the event as JSON with an HMAC-SHA256 signature a receiver can check', async () => {
    receiver = await startWebhookReceiver([204]);
    const sink = createWebhookAlertSink({ url: receiver.url, secret: SECRET, now: () => NOW });
    await expect(sink.deliver(EVENT)).resolves.toEqual({ attempts: 1 });
    const [hook] = receiver.received;
    expect(JSON.parse(hook!.body)).toEqual(EVENT);
    expect(hook!.headers['content-type']).toBe('application/json');
    expect(hook!.headers['x-huzhu-timestamp']).toBe(String(Math.floor(NOW.getTime() / 1000)));
    expect(hook!.headers['x-huzhu-delivery']).toBe(EVENT.id);
    expect(hook!.headers['x-huzhu-event']).toBe('alert.referral_overdue');
    // Recomputed by hand, as a receiver would: HMAC over "<timestamp>.<body>".
    const expected = webhookSignature(SECRET, String(hook!.headers['x-huzhu-timestamp']), hook!.body);
    expect(hook!.headers['x-huzhu-signature']).toBe(expected);
    expect(expected).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(webhookSignature('another-secret-of-at-least-32-chars!!', String(hook!.headers['x-huzhu-timestamp']), hook!.body)).not.toBe(expected);
  });

  it('retries 5xx and 429 with exponential backoff, then delivers', async () => {
    receiver = await startWebhookReceiver([503, 429, 500, 200]);
    const waits: number[] = [];
    const sink = createWebhookAlertSink({ url: receiver.url, secret: SECRET, baseDelayMs: 100, sleep: async (ms) => void waits.push(ms) });
    await expect(sink.deliver(EVENT)).resolves.toEqual({ attempts: 4 });
    expect(waits).toEqual([100, 200, 400]);
    expect(receiver.received).toHaveLength(4);
    // Every attempt carries the same delivery id, so a receiver can drop a duplicate.
    expect(new Set(receiver.received.map((h) => h.headers['x-huzhu-delivery']))).toEqual(new Set([EVENT.id]));
  });

  it('gives up after maxAttempts and says how many it made', async () => {
    receiver = await startWebhookReceiver([502]);
    const sink = createWebhookAlertSink({ url: receiver.url, secret: SECRET, maxAttempts: 3, sleep: async () => undefined });
    const failure = sink.deliver(EVENT);
    await expect(failure).rejects.toBeInstanceOf(AlertDeliveryError);
    await expect(failure).rejects.toMatchObject({ attempts: 3, message: expect.stringContaining('after 3 attempts') });
    expect(receiver.received).toHaveLength(3);
  });

  it('does not retry a receiver that refuses the request (4xx other than 408/429)', async () => {
    receiver = await startWebhookReceiver([401]);
    const sink = createWebhookAlertSink({ url: receiver.url, secret: SECRET, sleep: async () => undefined });
    await expect(sink.deliver(EVENT)).rejects.toMatchObject({ attempts: 1, message: expect.stringContaining('HTTP 401') });
    expect(receiver.received).toHaveLength(1);
  });

  it('retries a receiver that is down (connection refused)', async () => {
    const down = await startWebhookReceiver();
    const url = down.url;
    await down.close();
    const waits: number[] = [];
    const sink = createWebhookAlertSink({ url, secret: SECRET, maxAttempts: 2, baseDelayMs: 10, sleep: async (ms) => void waits.push(ms) });
    await expect(sink.deliver(EVENT)).rejects.toMatchObject({ attempts: 2 });
    expect(waits).toEqual([10]);
  });
});
