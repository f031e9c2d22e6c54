import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ServerConfig } from '../config.js';
import { loadSodium } from '../crypto/sodium.js';
import { loadBackupKey } from './backup-key.js';
import { defaultServerBackupsKept, pruneServerBackups, serverBackupFileName } from './backup-folder.js';
import type { BackupManifest } from './backup-file.js';
import { backupPglite, restorePglite } from './pglite-backup.js';
import { backupPostgres, restorePostgres } from './postgres-backup.js';

/**
 * The backup settings beside the service's own (config.ts):
 *   THUISDOSSIER_BACKUP_DIR (<data folder>/backups), THUISDOSSIER_BACKUP_KEEP (14),
 *   THUISDOSSIER_BACKUP_KEY (else <data folder>/keys/backup.key), THUISDOSSIER_PG_BIN.
 */
export interface BackupSettings {
  dir: string;
  keep: number;
}

export function readBackupSettings(config: ServerConfig, env: NodeJS.ProcessEnv): BackupSettings {
  const keep = Number(env.THUISDOSSIER_BACKUP_KEEP ?? defaultServerBackupsKept);
  if (!Number.isInteger(keep) || keep < 1) throw new Error('THUISDOSSIER_BACKUP_KEEP must be a whole number of at least 1.');
  return { dir: path.resolve(env.THUISDOSSIER_BACKUP_DIR ?? path.join(config.dataDir, 'backups')), keep };
}

export interface BackupRun {
  file: string;
  manifest: BackupManifest;
  pruned: string[];
}

/** One backup of the service's database (PostgreSQL when DATABASE_URL is set, else the embedded PGlite). */
export async function backupService(config: ServerConfig, env: NodeJS.ProcessEnv, options: { now: Date; serviceStopped: boolean }): Promise<BackupRun> {
  const lib = await loadSodium();
  const settings = readBackupSettings(config, env);
  const key = loadBackupKey(lib, env, path.join(config.dataDir, 'keys'));
  mkdirSync(settings.dir, { recursive: true, mode: 0o700 });
  const kind = config.databaseUrl ? 'postgres' : 'pglite';
  const file = path.join(settings.dir, serverBackupFileName(options.now, kind));
  try {
    const manifest = config.databaseUrl
      ? await backupPostgres({ lib, key, url: config.databaseUrl, target: file, now: options.now })
      : await backupPglite({ lib, key, pgliteDir: pgliteDirOf(config), target: file, now: options.now, serviceStopped: options.serviceStopped });
    return { file, manifest, pruned: pruneServerBackups(settings.dir, settings.keep, options.now) };
  } finally {
    lib.memzero(key);
  }
}

/** Restores `file` into the configured database. The service must be stopped. */
export async function restoreService(config: ServerConfig, env: NodeJS.ProcessEnv, file: string, options: { serviceStopped: boolean }): Promise<BackupManifest> {
  const lib = await loadSodium();
  const key = loadBackupKey(lib, env, path.join(config.dataDir, 'keys'));
  try {
    return config.databaseUrl
      ? await restorePostgres({ lib, key, url: config.databaseUrl, file })
      : await restorePglite({ lib, key, pgliteDir: pgliteDirOf(config), file, serviceStopped: options.serviceStopped });
  } finally {
    lib.memzero(key);
  }
}

/** The same folder startServer.ts opens. */
export function pgliteDirOf(config: ServerConfig): string {
  return path.join(config.dataDir, 'pglite');
}
