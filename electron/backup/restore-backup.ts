import { rmSync } from 'node:fs';
import path from 'node:path';
import { loadSodium } from '../crypto/sodium.js';
import { databaseFileName, isStoreError, StoreError, type LocalStore } from '../store/index.js';
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
  if (hasInterruptedRestore(store.dir)) {
    throw new StoreError('conflict', 'Een eerdere herstelpoging is niet afgerond; start de app opnieuw en probeer het dan nog eens.');
  }
  removeLeftovers(store.dir);
  const incoming = path.join(store.dir, incomingDirName);
  const backupKey = store.backupKey();
  const keys = deriveBackupKeys(sodium, backupKey);
  sodium.memzero(backupKey);
  try {
    const header = unpackBackup(sodium, keys, file, incoming);
    if (header.deviceId !== store.deviceId) throw foreignBackup();
    try {
      store.withDatabaseFile(path.join(incoming, databaseFileName), (restored) => {
        checkRestoredDatabase(restored, header.counts);
        prepareRestoredDatabase(restored, store.connection);
      });
    } catch (error) {
      // A page of the restored copy fails: the backup is damaged, not the store.
      if (isStoreError(error, 'tampered')) throw tamperedBackup();
      throw error;
    }
    store.reopenAfter(
      () => swapInRestoredFiles(store.dir),
      () => rollBackRestore(store.dir),
    );
    commitRestore(store.dir);
    return header;
  } catch (error) {
    rmSync(incoming, { recursive: true, force: true });
    throw error;
  } finally {
    keys.wipe();
  }
}
