import { z } from 'zod';

/**
 * The one reader of process.env. Parsed once; a bad value stops start-up with
 * a message naming the variable and what it accepts.
 */
const Env = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    DATA_DIR: z.string().min(1).default('.data'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Unset: the embedded memory store. Set: Neo4j over Bolt. */
    NEO4J_URI: z
      .string()
      .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s]+$/, { message: 'must be a bolt:// or neo4j:// URI' })
      .optional(),
    NEO4J_USER: z.string().min(1).default('neo4j'),
    NEO4J_PASSWORD: z.string().optional(),
    NEO4J_DATABASE: z.string().regex(/^[a-z0-9.-]{1,63}$/i).default('neo4j'),
    /** How long one store call may take before it fails with UNAVAILABLE. */
    NEO4J_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
    /** Households generated on first start / by `npm run seed` (synthetic). */
    SEED_HOUSEHOLDS: z.coerce.number().int().min(0).max(5_000_000).default(10_000),
    SEED_RANDOM: z.coerce.number().int().default(20261127),
    /** Skip seeding an empty store on start (tests seed what they need). */
    SEED_ON_START: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
    /** HS256 secret for bearer tokens (issue 6). Required in production. */
    JWT_SECRET: z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
    /** Apollo's Sandbox landing page at GET /graphql (loads from a CDN): off unless asked for, never in production. The console at / is the browser entry. */
    GRAPHQL_SANDBOX: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    // -- sign-in (src/api/session, issue 11) --
    /** Secure, `__Host-` session cookie. Unset: true when NODE_ENV=production, else false (plain http on localhost). */
    COOKIE_SECURE: z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true')),
    /** How long a console session lasts from sign-in, seconds (default 8 h). */
    SESSION_TTL_SECONDS: z.coerce.number().int().min(60).max(7 * 24 * 3600).default(8 * 3600),
    /** The console's public origin (https://huzhu.example.org) when behind a proxy that rewrites Host; default: the request's Host. */
    PUBLIC_ORIGIN: z.url().optional(),
    /** How long an account stays locked after 5 wrong passwords in a row, minutes. */
    LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
    /** Wrong passwords allowed per client address per 15 minutes before 429. */
    LOGIN_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
    /** Wrong passwords allowed per login name per 15 minutes before 429 (the lockout after 5 in a row comes first). */
    LOGIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
    /** Development only: the demo accounts' password (else a random one, printed once). */
    DEMO_ACCOUNT_PASSWORD: z.string().min(10, { message: 'must be at least 10 characters' }).optional(),
    // -- pushed alerts (src/services/alerts, issue 15 item 5) and freshness (issue 14 item 4) --
    /** How often each API process scans for referrals gone overdue, seconds; 0 turns the scan off in this process. */
    ALERT_SCAN_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(24 * 3600).default(300),
    /** Unset: no webhook. Set: every new alert is POSTed there as JSON (ids and the kind only), signed with ALERT_WEBHOOK_SECRET. */
    ALERT_WEBHOOK_URL: z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' }).optional(),
    /** HMAC-SHA256 key for the webhook's X-Huzhu-Signature header; required with ALERT_WEBHOOK_URL. */
    ALERT_WEBHOOK_SECRET: z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
    /** A service whose details were not confirmed for this many days is flagged stale (match answers, the directory, its owner's list). */
    STALE_AFTER_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'is required when NODE_ENV=production' });
    }
    if (env.ALERT_WEBHOOK_URL && !env.ALERT_WEBHOOK_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['ALERT_WEBHOOK_SECRET'], message: 'is required when ALERT_WEBHOOK_URL is set (the receiver checks the signature with it)' });
    }
  });

export type Config = z.infer<typeof Env>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Parse a config from an env-like record (process.env by default). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const relevant = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => v !== undefined && v !== '' && k in Env.shape),
  );
  const result = Env.safeParse(relevant);
  if (!result.success) {
    const lines = result.error.issues.map((i) => {
      const name = String(i.path[0] ?? '');
      const shown = /PASSWORD|SECRET/.test(name) ? '(hidden)' : JSON.stringify(relevant[name] ?? null);
      return `  ${i.path.join('.')}: ${i.message} (got ${shown})`;
    });
    throw new ConfigError(`huzhu/config: invalid environment:\n${lines.join('\n')}`);
  }
  return result.data;
}
