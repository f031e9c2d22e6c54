import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/** Service backups in one folder: `thuisdossier-server-<UTC time>-<kind>.tdsbackup`, newest kept. */
const pattern = /^thuisdossier-server-(\d{8}T\d{6}Z)-(postgres|pglite)\.tdsbackup$/;
export const defaultServerBackupsKept = 14;

export function serverBackupFileName(createdAt: Date, kind: 'postgres' | 'pglite'): string {
  const stamp = createdAt.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
  return `thuisdossier-server-${stamp}-${kind}.tdsbackup`;
}

/** Newest first. */
export function listServerBackups(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => pattern.test(name))
    .sort()
    .reverse()
    .map((name) => path.join(dir, name));
}

/**
 * Removes all but the newest `keep`, and what interrupted runs left (`.partial` older than a day:
 * a younger one may be a backup still being written by another run).
 */
export function pruneServerBackups(dir: string, keep: number, now: Date): string[] {
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    const file = path.join(dir, name);
    if (name.endsWith('.partial') && statSync(file).mtimeMs < now.getTime() - 24 * 60 * 60 * 1000) rmSync(file, { force: true });
  }
  const removed = listServerBackups(dir).slice(keep);
  for (const file of removed) rmSync(file, { force: true });
  return removed;
}
