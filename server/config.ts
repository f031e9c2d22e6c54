import path from 'node:path';
import { z } from 'zod';

/**
 * The service's settings, from the environment (12-factor: the same build runs everywhere).
 *   PORT (8787), HOST (127.0.0.1), DATABASE_URL (unset: embedded PGlite in the data folder),
 *   THUISDOSSIER_DATA_DIR (.data/server), THUISDOSSIER_TRUST_PROXY (unset; "true" or proxy addresses),
 *   THUISDOSSIER_PAYMENT_PROVIDERS ("name:secret,…"), LOG_LEVEL (info), THUISDOSSIER_LEASE_DAYS (14),
 *   THUISDOSSIER_DB_POOL (10), THUISDOSSIER_OPERATOR_TOKEN (unset: no operator API), plus the key variables of keys/leaseKeys.ts and keys/masterKey.ts.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  THUISDOSSIER_DATA_DIR: z.string().default('.data/server'),
  THUISDOSSIER_TRUST_PROXY: z.string().optional(),
  THUISDOSSIER_PAYMENT_PROVIDERS: z.string().optional(),
  THUISDOSSIER_LEASE_DAYS: z.coerce.number().int().min(1).max(60).default(14),
  THUISDOSSIER_DB_POOL: z.coerce.number().int().min(1).max(200).default(10),
  /** Bearer token of the operator API (service staff); unset = the operator API refuses every call. */
  THUISDOSSIER_OPERATOR_TOKEN: z.string().min(32, 'at least 32 characters (e.g. openssl rand -base64 32)').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  trustProxy: boolean | string[];
  paymentProviders: { name: string; secret: string }[];
  leaseValidDays: number;
  poolSize: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** A secret: handed to the context, which keeps only its keyed hash; never logged. */
  operatorToken: string | undefined;
}

export function readConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid server settings: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  const e = parsed.data;
  const trust = e.THUISDOSSIER_TRUST_PROXY;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.THUISDOSSIER_DATA_DIR),
    trustProxy: trust === undefined || trust === '' ? false : trust === 'true' ? true : trust.split(',').map((part) => part.trim()),
    paymentProviders: (e.THUISDOSSIER_PAYMENT_PROVIDERS ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const at = part.indexOf(':');
        if (at <= 0) throw new Error('THUISDOSSIER_PAYMENT_PROVIDERS: expected "name:secret,…"');
        return { name: part.slice(0, at), secret: part.slice(at + 1) };
      }),
    leaseValidDays: e.THUISDOSSIER_LEASE_DAYS,
    poolSize: e.THUISDOSSIER_DB_POOL,
    logLevel: e.LOG_LEVEL,
    operatorToken: e.THUISDOSSIER_OPERATOR_TOKEN,
  };
}
