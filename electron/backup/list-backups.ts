import { closeSync, fstatSync, openSync } from 'node:fs';
import { loadSodium } from '../crypto/sodium.js';
import { isStoreError, type LocalStore } from '../store/index.js';
import type { BackupCounts } from './backup-format.js';
import { listBackups } from './backup-files.js';
import { deriveBackupKeys } from './backup-keys.js';
import { readVerifiedHeader } from './unpack-backup.js';

export interface BackupSummary {
  file: string;
  createdAt: string;
  /** Size of the file, for the list on screen. */
  bytes: number;
  counts: BackupCounts | null;
  /** From the authenticated header only; the full check happens at restore. */
  state: 'ok' | 'tampered' | 'foreign';
}

/** The backups in `dir`, newest first, with what their headers say (for the restore screen). */
export async function describeBackups(store: LocalStore, dir: string): Promise<BackupSummary[]> {
  const sodium = await loadSodium();
  const backupKey = store.backupKey();
  const keys = deriveBackupKeys(sodium, backupKey);
  sodium.memzero(backupKey);
  try {
    return listBackups(dir).map(({ file, createdAt }) => {
      const fd = openSync(file, 'r');
      const bytes = fstatSync(fd).size;
      try {
        const header = readVerifiedHeader(sodium, keys, fd);
        return { file, createdAt: header.createdAt, bytes, counts: header.counts, state: 'ok' as const };
      } catch (error) {
        const state = isStoreError(error, 'forbidden') ? ('foreign' as const) : isStoreError(error, 'tampered') ? ('tampered' as const) : null;
        if (!state) throw error;
        return { file, createdAt: createdAt.toISOString(), bytes, counts: null, state };
      } finally {
        closeSync(fd);
      }
    });
  } finally {
    keys.wipe();
  }
}
