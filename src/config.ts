// One validated configuration object, read from the environment once. Every problem is listed at start.
import path from 'node:path';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0', '']).transform((v) => v === 'true' || v === '1');

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'muss mit postgres:// beginnen').optional(),
  DEMO_DATA: bool.default(true),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  SECURE_COOKIES: bool.optional(),
  LOGIN_MAX_ATTEMPTS: z.coerce.number().int().positive().default(10),
  LOGIN_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  IMPORT_MAX_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
  IMPORT_MAX_ROWS: z.coerce.number().int().positive().default(10000),
  LOG_REQUESTS: bool.default(false),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demoData: boolean;
  sessionTtlHours: number;
  secureCookies: boolean;
  loginMaxAttempts: number;
  loginWindowMinutes: number;
  importMaxBytes: number;
  importMaxRows: number;
  logRequests: boolean;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Ungültige Konfiguration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    demoData: e.DEMO_DATA,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    secureCookies: e.SECURE_COOKIES ?? e.NODE_ENV === 'production',
    loginMaxAttempts: e.LOGIN_MAX_ATTEMPTS,
    loginWindowMinutes: e.LOGIN_WINDOW_MINUTES,
    importMaxBytes: e.IMPORT_MAX_BYTES,
    importMaxRows: e.IMPORT_MAX_ROWS,
    logRequests: e.LOG_REQUESTS,
  };
}
