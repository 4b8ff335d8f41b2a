// One validated configuration object, read from the environment once. Every problem is listed at start.
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0', '']).transform((v) => v === 'true' || v === '1');

/** An address or a network (`10.0.0.0/8`, `fd00::/8`): IPv4 or IPv6, with a prefix that fits. */
function isAddressOrNetwork(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

const addressList = z
  .string()
  .default('')
  .transform((v) => v.split(',').map((x) => x.trim()).filter(Boolean))
  .refine((list) => list.every(isAddressOrNetwork), 'muss eine durch Kommas getrennte Liste von Adressen oder Netzen sein, z. B. 127.0.0.1,10.0.0.0/8');

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'muss mit postgres:// beginnen').optional(),
  DATABASE_LISTEN_URL: z.string().regex(/^postgres(ql)?:\/\//, 'muss mit postgres:// beginnen').optional(),
  CONTENT_VERSION_TTL_SECONDS: z.coerce.number().positive().default(10),
  DEMO_DATA: bool.default(true),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  SECURE_COOKIES: bool.optional(),
  LOGIN_MAX_ATTEMPTS: z.coerce.number().int().positive().default(10),
  LOGIN_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  // scrypt's cost (log2 of N) for new password hashes: 15 everywhere but in tests, whose thousands of sign-ins
  // and new accounts take the same code path with less work per hash.
  PASSWORD_HASH_COST: z.coerce.number().int().min(10).max(15).default(15),
  TRUSTED_PROXIES: addressList,
  IMPORT_MAX_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
  IMPORT_MAX_ROWS: z.coerce.number().int().positive().default(10000),
  LOG_REQUESTS: bool.default(false),
  // -- mail, jobs and update rounds --
  SMTP_HOST: z.string().trim().optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_SECURE: bool.default(false),
  MAIL_FROM: z.string().trim().optional(),
  REMINDER_DAYS_BEFORE: z.coerce.number().int().min(0).max(365).default(7),
  ROUND_LINK_GRACE_DAYS: z.coerce.number().int().min(0).max(365).default(14),
  JOBS_POLL_SECONDS: z.coerce.number().positive().default(30),
  PAGE_CACHE_MB: z.coerce.number().min(0).default(64),
  QUESTIONNAIRE_RATE_LIMIT: z.coerce.number().int().min(0).default(20),
  // -- machine translation (drafts only) --
  MT_PROVIDER: z.enum(['deepl', 'libretranslate', '']).default(''),
  MT_URL: z.string().trim().url().optional().or(z.literal('')),
  MT_KEY: z.string().trim().default(''),
})
  .refine((e) => e.MT_PROVIDER !== 'libretranslate' || !!e.MT_URL, { path: ['MT_URL'], message: 'muss gesetzt sein, wenn MT_PROVIDER=libretranslate' })
  .refine((e) => e.MT_PROVIDER !== 'deepl' || !!e.MT_KEY, { path: ['MT_KEY'], message: 'muss gesetzt sein, wenn MT_PROVIDER=deepl' })
  .refine((e) => !e.SMTP_HOST || !!e.MAIL_FROM, { path: ['MAIL_FROM'], message: 'muss gesetzt sein, wenn SMTP_HOST gesetzt ist' })
  .refine((e) => e.NODE_ENV === 'test' || e.PASSWORD_HASH_COST === 15, { path: ['PASSWORD_HASH_COST'], message: 'darf nur in Tests (NODE_ENV=test) kleiner als 15 sein' });

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Where the connection that listens for other processes' writes goes (PostgreSQL; default: databaseUrl). */
  databaseListenUrl: string | undefined;
  /**
   * On PostgreSQL, how long a process trusts a municipality's content version it keeps in memory without
   * reading it again, even when no notification came (a bound on staleness should one be lost on the way).
   */
  contentVersionTtlMs: number;
  demoData: boolean;
  sessionTtlHours: number;
  secureCookies: boolean;
  loginMaxAttempts: number;
  loginWindowMinutes: number;
  /** scrypt's cost for new password hashes, log2 of N (15; lower only in tests). */
  passwordHashCost: number;
  /** Reverse proxies whose `X-Forwarded-For` names the client; from anyone else the header is ignored. */
  trustedProxies: string[];
  importMaxBytes: number;
  importMaxRows: number;
  /** Memory for rendered public pages (0: none), see http/page-cache.ts. */
  pageCacheBytes: number;
  logRequests: boolean;
  /** SMTP server for outgoing mail; null when not configured (the app then shows links to copy). */
  smtp: { host: string; port: number; user: string | undefined; password: string | undefined; secure: boolean } | null;
  mailFrom: string;
  reminderDaysBefore: number;
  roundLinkGraceDays: number;
  jobsPollSeconds: number;
  /** Open questionnaires: answers one client may start on one questionnaire in ten minutes (0: no limit). */
  questionnaireRateLimit: number;
  /** The machine translation provider for drafts, or null when none is configured. */
  machineTranslation: { kind: 'deepl' | 'libretranslate'; url: string; key: string } | null;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Ungültige Konfiguration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databaseListenUrl: e.DATABASE_LISTEN_URL,
    contentVersionTtlMs: e.CONTENT_VERSION_TTL_SECONDS * 1000,
    demoData: e.DEMO_DATA,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    // Served over https (or in production), every cookie is Secure unless SECURE_COOKIES says otherwise.
    secureCookies: e.SECURE_COOKIES ?? (e.NODE_ENV === 'production' || publicUrl.startsWith('https:')),
    loginMaxAttempts: e.LOGIN_MAX_ATTEMPTS,
    loginWindowMinutes: e.LOGIN_WINDOW_MINUTES,
    passwordHashCost: e.PASSWORD_HASH_COST,
    trustedProxies: e.TRUSTED_PROXIES,
    importMaxBytes: e.IMPORT_MAX_BYTES,
    importMaxRows: e.IMPORT_MAX_ROWS,
    logRequests: e.LOG_REQUESTS,
    smtp: e.SMTP_HOST ? { host: e.SMTP_HOST, port: e.SMTP_PORT, user: e.SMTP_USER || undefined, password: e.SMTP_PASSWORD || undefined, secure: e.SMTP_SECURE } : null,
    mailFrom: e.MAIL_FROM ?? '',
    reminderDaysBefore: e.REMINDER_DAYS_BEFORE,
    roundLinkGraceDays: e.ROUND_LINK_GRACE_DAYS,
    jobsPollSeconds: e.JOBS_POLL_SECONDS,
    pageCacheBytes: Math.round(e.PAGE_CACHE_MB * 1024 * 1024),
    questionnaireRateLimit: e.QUESTIONNAIRE_RATE_LIMIT,
    machineTranslation: e.MT_PROVIDER
      ? {
          kind: e.MT_PROVIDER,
          // DeepL's free keys end in ":fx" and have their own host.
          url: e.MT_URL || (e.MT_KEY.endsWith(':fx') ? 'https://api-free.deepl.com' : 'https://api.deepl.com'),
          key: e.MT_KEY,
        }
      : null,
  };
}
