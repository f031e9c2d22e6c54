import { rmSync } from 'node:fs';
import path from 'node:path';
import { loadSodium, type Sodium } from '../crypto/sodium.js';
import type { SqliteDatabase } from '../store/database.js';
import { databaseFileName, isStoreError, StoreError, type LocalStore, type RepairTools } from '../store/index.js';
import type { BackupHeader } from './backup-format.js';
import { foreignBackup, tamperedBackup } from './backup-errors.js';
import { deriveBackupKeys } from './backup-keys.js';
import { checkRestoredDatabase, prepareRestoredDatabase } from './restored-database.js';
import { commitRestore, hasInterruptedRestore, incomingDirName, removeLeftovers, rollBackRestore, swapInRestoredFiles } from './restore-swap.js';
import { unpackBackup } from './unpack-backup.js';

/**
 * Restores a backup into the unlocked store. Order matters, so the current data stays until the
 * restore has succeeded:
 *   1. unpack into restore-incoming/, authenticating every record, the hash and the counts;
 *   2. open the restored database with the store's key: migrations (a newer app's backup is
 *      refused here), every page, the counts, search rebuilt, clock and counters carried forward;
 *   3. close the store, swap the files (crash-safe, restore-swap.ts), reopen; if the restored
 *      files do not open, the old ones are put back and reopened; only then the old ones go.
 * A failure in 1 or 2 leaves the store exactly as it was (and open); the error says why:
 * 'tampered' for a damaged or changed backup, 'forbidden' for another store's backup.
 * Changes made after the backup and not yet synced are lost; synced ones come back with the next
 * sync (docs/sync.md).
 */
export async function restoreBackup(store: LocalStore, file: string): Promise<BackupHeader> {
  const sodium = await loadSodium();
  prepareFolder(store.dir);
  try {
    const header = unpackAndCheck(sodium, store, file, store.dir, { live: store.connection, deviceId: store.deviceId });
    store.reopenAfter(
      () => swapInRestoredFiles(store.dir),
      () => rollBackRestore(store.dir),
    );
    commitRestore(store.dir);
    return header;
  } finally {
    rmSync(path.join(store.dir, incomingDirName), { recursive: true, force: true });
  }
}

/**
 * The same for a store that no longer opens (its database damaged or gone, the key file intact):
 * the password unlocks the key without opening the database, the backup is checked the same way,
 * then swapped in and the store opens on it. The damaged files are kept until it opened. The
 * clock and counters cannot be carried forward from a database that does not open; the server
 * checks dossier numbers on sync.
 */
export async function restoreBackupWithPassword(store: LocalStore, file: string, password: string): Promise<BackupHeader> {
  const sodium = await loadSodium();
  prepareFolder(store.dir);
  let header: BackupHeader | null = null;
  try {
    store.unlockWithRepair(
      password,
      (tools) => {
        header = unpackAndCheck(sodium, tools, file, store.dir, { live: null, deviceId: null });
        swapInRestoredFiles(store.dir);
      },
      () => rollBackRestore(store.dir),
    );
    commitRestore(store.dir);
    return header!;
  } finally {
    rmSync(path.join(store.dir, incomingDirName), { recursive: true, force: true });
  }
}

function prepareFolder(storeDir: string): void {
  if (hasInterruptedRestore(storeDir)) {
    throw new StoreError('conflict', 'Een eerdere herstelpoging is niet afgerond; start de app opnieuw en probeer het dan nog eens.');
  }
  removeLeftovers(storeDir);
}

/** Steps 1 and 2: everything is checked and prepared in restore-incoming/; nothing else is touched. */
function unpackAndCheck(
  sodium: Sodium,
  access: Pick<RepairTools, 'backupKey' | 'withDatabaseFile'>,
  file: string,
  storeDir: string,
  current: { live: SqliteDatabase | null; deviceId: string | null },
): BackupHeader {
  const incoming = path.join(storeDir, incomingDirName);
  const backupKey = access.backupKey();
  const keys = deriveBackupKeys(sodium, backupKey);
  sodium.memzero(backupKey);
  try {
    const header = unpackBackup(sodium, keys, file, incoming);
    if (current.deviceId !== null && header.deviceId !== current.deviceId) throw foreignBackup();
    try {
      access.withDatabaseFile(path.join(incoming, databaseFileName), (restored) => {
        checkRestoredDatabase(restored, header);
        prepareRestoredDatabase(restored, current.live);
      });
    } catch (error) {
      // A page of the restored copy fails: the backup is damaged, not the store.
      if (isStoreError(error, 'tampered')) throw tamperedBackup();
      throw error;
    }
    return header;
  } finally {
    keys.wipe();
  }
}
