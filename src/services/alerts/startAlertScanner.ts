import type { ServiceContext } from '../ServiceContext';
import type { AlertSink } from './AlertSink';
import { scanOverdueReferrals, type ScanReport } from './scanOverdueReferrals';

export interface AlertScannerLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface AlertScanner {
  /** Runs one scan now (waits for one already running); the interval goes on. */
  scanNow(): Promise<ScanReport | null>;
  stop(): Promise<void>;
}

/**
 * The periodic scan in an API process (ALERT_SCAN_INTERVAL_SECONDS): the first
 * scan runs after one interval, then one every interval, never two at once
 * in this process (other processes may scan at the same time: recordAlert
 * keeps that safe). A failed scan is logged (code and message, no personal
 * data) and the next one tries again. The timer does not keep the process up.
 */
export function startAlertScanner(ctx: ServiceContext, options: { intervalMs: number; sinks: readonly AlertSink[]; log: AlertScannerLog }): AlertScanner {
  let running: Promise<ScanReport | null> | null = null;
  let stopped = false;
  const scan = (): Promise<ScanReport | null> => {
    if (running) return running;
    running = (async () => {
      try {
        const report = await scanOverdueReferrals(ctx, options.sinks);
        if (report.created.length > 0 || report.failed.length > 0) {
          options.log.info(
            { overdue: report.overdue, alertsCreated: report.created.length, alertIds: report.created.map((a) => a.id), deliveriesFailed: report.failed },
            'alerts: overdue referrals scanned',
          );
        }
        return report;
      } catch (error) {
        options.log.warn({ err: { name: (error as Error).name, code: (error as { code?: unknown }).code, message: (error as Error).message } }, 'alerts: the overdue scan failed; the next one retries');
        return null;
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const timer = setInterval(() => {
    if (!stopped) void scan();
  }, options.intervalMs);
  timer.unref();
  return {
    scanNow: scan,
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (running) await running;
    },
  };
}
