import { createHmac } from 'node:crypto';
import { AlertDeliveryError, type AlertEvent, type AlertSink } from './AlertSink';

export interface WebhookOptions {
  /** ALERT_WEBHOOK_URL. */
  url: string;
  /** ALERT_WEBHOOK_SECRET: the HMAC-SHA256 key of X-Huzhu-Signature. */
  secret: string;
  /** Tries in all (default 5): the first and up to 4 retries. */
  maxAttempts?: number;
  /** Wait before retry n (1-based): baseDelayMs · 2^(n−1) (default 1000: 1 s, 2 s, 4 s, 8 s). */
  baseDelayMs?: number;
  /** Longest one attempt may take (default 5000 ms). */
  timeoutMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
}

/** The signature header: `sha256=` + hex HMAC-SHA256(secret, `${timestamp}.${body}`). */
export const SIGNATURE_HEADER = 'x-huzhu-signature';
export const TIMESTAMP_HEADER = 'x-huzhu-timestamp';

/** HMAC-SHA256 over `${timestamp}.${body}`, hex, prefixed `sha256=`: what a receiver recomputes to trust a delivery. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * The webhook adapter of the AlertSink port: POSTs the AlertEvent as JSON to
 * ALERT_WEBHOOK_URL, signed (X-Huzhu-Signature over the timestamp and the
 * body, X-Huzhu-Timestamp so a receiver can refuse replays, X-Huzhu-Event,
 * X-Huzhu-Delivery = the alert id for the receiver's de-duplication). A 2xx
 * answer delivers; a network failure, a timeout, 408, 429 or a 5xx is retried
 * with exponential backoff; any other 4xx is the receiver refusing the
 * request and is not retried.
 */
export function createWebhookAlertSink(options: WebhookOptions): AlertSink {
  const maxAttempts = options.maxAttempts ?? 5;
  const baseDelayMs = options.baseDelayMs ?? 1000;
  const timeoutMs = options.timeoutMs ?? 5000;
  const send = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? (() => new Date());
  return {
    name: 'webhook',
    async deliver(event: AlertEvent) {
      const body = JSON.stringify(event);
      let last = '';
      for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        if (attempt > 1) await sleep(baseDelayMs * 2 ** (attempt - 2));
        const timestamp = String(Math.floor(now().getTime() / 1000));
        try {
          const response = await send(options.url, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              [SIGNATURE_HEADER]: webhookSignature(options.secret, timestamp, body),
              [TIMESTAMP_HEADER]: timestamp,
              'x-huzhu-event': `alert.${event.kind.toLowerCase()}`,
              'x-huzhu-delivery': event.id,
            },
            body,
            signal: AbortSignal.timeout(timeoutMs),
          });
          await response.body?.cancel();
          if (response.ok) return { attempts: attempt };
          last = `answered HTTP ${response.status}`;
          if (!retryable(response.status)) throw new AlertDeliveryError(`alerts/webhook: the receiver ${last} for alert ${event.id}; not retried (fix the receiver or ALERT_WEBHOOK_URL)`, attempt);
        } catch (error) {
          if (error instanceof AlertDeliveryError) throw error;
          last = error instanceof Error ? `failed: ${error.name}` : 'failed';
        }
      }
      throw new AlertDeliveryError(`alerts/webhook: gave up on alert ${event.id} after ${maxAttempts} attempts (last ${last}); check that ALERT_WEBHOOK_URL answers 2xx`, maxAttempts);
    },
  };
}

// Private:

function retryable(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}
