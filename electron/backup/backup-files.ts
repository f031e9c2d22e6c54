import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/**
 * Backup files in the backup folder: `thuisdossier-<UTC time>-<8 hex>.tdbackup`. The time in the
 * name orders them and tells the scheduler when the last one was made, without reading a header.
 * Anything ending in `.partial` is a backup or snapshot being written, or left by a crash.
 */
export const backupExtension = '.tdbackup';
export const partialSuffix = '.partial';
const namePattern = /^thuisdossier-(\d{8}T\d{6}Z)-[0-9a-f]{8}\.tdbackup$/;

export interface BackupFile {
  file: string;
  createdAt: Date;
}

export function backupFileName(createdAt: Date, backupId: string): string {
  const stamp = createdAt.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
  return `thuisdossier-${stamp}-${backupId.replace(/-/g, '').slice(-8)}${backupExtension}`;
}

/** Complete backups, newest first. */
export function listBackups(dir: string): BackupFile[] {
  if (!existsSync(dir)) return [];
  const found: BackupFile[] = [];
  for (const name of readdirSync(dir)) {
    const match = namePattern.exec(name);
    if (!match) continue;
    const s = match[1]!;
    const createdAt = new Date(`${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`);
    if (!Number.isNaN(createdAt.getTime())) found.push({ file: path.join(dir, name), createdAt });
  }
  return found.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.file < b.file ? 1 : -1));
}

/** Keeps the newest `keep` backups; returns the files removed. */
export function pruneBackups(dir: string, keep: number): string[] {
  const removed = listBackups(dir)
    .slice(keep)
    .map((backup) => backup.file);
  for (const file of removed) rmSync(file, { force: true });
  return removed;
}

/** Removes what an interrupted backup left (its temp file, its database snapshot). */
export function sweepPartials(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    // includes, not endsWith: SQLite may leave `<snapshot>.partial-journal` beside a snapshot.
    if (name.includes(partialSuffix)) rmSync(path.join(dir, name), { force: true, recursive: true });
  }
}
