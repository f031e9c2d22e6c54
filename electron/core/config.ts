import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { parseLeaseKeys } from '../session/lease-keys.js';

/** Everything the core needs to know at start, read once from the environment and checked. */
export const coreConfigSchema = z.object({
  /** Folder holding the encrypted database, key file, documents and backups. */
  dataDir: z.string().min(1),
  /** Base URL of the central service. */
  serverUrl: z.string().url(),
  host: z.enum(['electron', 'preview', 'test']),
  version: z.string(),
  /** Lease public keys this app trusts (keyId → base64url Ed25519), see session/lease-keys.ts. */
  leasePublicKeys: z.record(z.string(), z.string()).optional(),
  /** Rows per pull page (default: the protocol's maximum). Smaller pages mean finer progress on slow links. */
  syncPullLimit: z.coerce.number().int().min(1).max(5000).optional(),
});
export type CoreConfig = z.infer<typeof coreConfigSchema>;

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:4300';

export function readCoreConfig(env: NodeJS.ProcessEnv, host: CoreConfig['host'], version: string): CoreConfig {
  const parsed = coreConfigSchema.safeParse({
    dataDir: env.THUISDOSSIER_DATA_DIR ?? path.join(os.homedir(), '.thuisdossier'),
    serverUrl: env.THUISDOSSIER_SERVER_URL ?? DEFAULT_SERVER_URL,
    host,
    version,
    leasePublicKeys: parseLeaseKeys(env.THUISDOSSIER_LEASE_PUBLIC_KEYS),
    ...(env.THUISDOSSIER_SYNC_PULL_LIMIT ? { syncPullLimit: env.THUISDOSSIER_SYNC_PULL_LIMIT } : {}),
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Thuisdossier cannot start, the configuration is not valid: ${problems}`);
  }
  return parsed.data;
}
