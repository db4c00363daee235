import pino, { type Logger } from 'pino';
import type { Config } from '../config/config';

/**
 * Structured logs. Personal data must never reach them: we log ids, codes and
 * timings, never GraphQL variables or records; the redaction list is a second
 * line of defence for anything that slips into an error object.
 */
export const REDACT_PATHS = [
  '*.head',
  '*.name',
  '*.phone',
  '*.idNumber',
  '*.description',
  '*.markers',
  '*.disabilityGrade',
  '*.loan',
  '*.memberAgeBands',
  'variables',
  '*.variables',
  'req.headers.authorization',
  'headers.authorization',
];

export function createLogger(config: Pick<Config, 'LOG_LEVEL'>, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level: config.LOG_LEVEL,
    base: { service: 'huzhu' },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
