import type { Config } from '../../config/config';
import type { AlertSink } from './AlertSink';
import { createWebhookAlertSink } from './webhookAlertSink';

/** The outbound sinks the configuration asks for: the webhook when ALERT_WEBHOOK_URL is set (config.ts requires its secret then). */
export function alertSinksFromConfig(config: Pick<Config, 'ALERT_WEBHOOK_URL' | 'ALERT_WEBHOOK_SECRET'>): AlertSink[] {
  const sinks: AlertSink[] = [];
  if (config.ALERT_WEBHOOK_URL && config.ALERT_WEBHOOK_SECRET) sinks.push(createWebhookAlertSink({ url: config.ALERT_WEBHOOK_URL, secret: config.ALERT_WEBHOOK_SECRET }));
  return sinks;
}
