import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { syncDirectory, writeFileAtomic } from '../crypto/atomic-file.js';
import { databaseFileName } from '../store/index.js';

/**
 * Swapping restored files in for the current ones, crash-safe. The store folder also holds files
 * a backup does not carry (key file, device account), so only the database and the documents
 * folder move, one rename each, all on one file system:
 *
 *   1. write the journal            (from here on, a crash rolls back)
 *   2. current files → restore-previous/, restored files → their place
 *      (the store reopens on them; if that fails, rollBackRestore puts the old ones back)
 *   3. delete the journal           (the commit point: from here on, the restore stands)
 *   4. delete restore-previous/ and restore-incoming/
 *
 * `finishInterruptedRestore` runs before the store opens and completes 3–4 or rolls 2 back.
 */
export const incomingDirName = 'restore-incoming';
export const previousDirName = 'restore-previous';
export const journalFileName = 'restore-journal.json';

/** What a restore replaces; the -wal and -shm of the old database must never meet the new one. */
const replacedNames = [databaseFileName, `${databaseFileName}-wal`, `${databaseFileName}-shm`, 'documents'];
/** What a restore brings (a cleanly closed database has no -wal or -shm). */
const restoredNames = [databaseFileName, 'documents'];

export function swapInRestoredFiles(storeDir: string): void {
  const incoming = path.join(storeDir, incomingDirName);
  const previous = path.join(storeDir, previousDirName);
  for (const name of restoredNames) {
    if (!existsSync(path.join(incoming, name))) throw new Error(`restore-incoming mist ${name}`);
  }
  rmSync(previous, { recursive: true, force: true });
  mkdirSync(previous, { mode: 0o700 });
  writeFileAtomic(path.join(storeDir, journalFileName), JSON.stringify({ phase: 'swapping' }));
  try {
    for (const name of replacedNames) {
      if (existsSync(path.join(storeDir, name))) renameSync(path.join(storeDir, name), path.join(previous, name));
    }
    for (const name of restoredNames) renameSync(path.join(incoming, name), path.join(storeDir, name));
    syncDirectory(storeDir);
  } catch (error) {
    rollBackRestore(storeDir);
    throw error;
  }
}

/** Step 3–4, once the restored files opened: the restore stands, the old files go. */
export function commitRestore(storeDir: string): void {
  rmSync(path.join(storeDir, journalFileName));
  syncDirectory(storeDir);
  removeLeftovers(storeDir);
}

/** Call before the store opens (core start): a crash mid-swap is rolled back, leftovers removed. */
export function finishInterruptedRestore(storeDir: string): 'rolled_back' | 'nothing_to_do' {
  const journal = path.join(storeDir, journalFileName);
  const interrupted = existsSync(journal);
  if (interrupted) rollBackRestore(storeDir);
  removeLeftovers(storeDir);
  return interrupted ? 'rolled_back' : 'nothing_to_do';
}

export function hasInterruptedRestore(storeDir: string): boolean {
  return existsSync(path.join(storeDir, journalFileName));
}

/** Only what was moved away comes back; a name not yet moved is still the current file. */
export function rollBackRestore(storeDir: string): void {
  const previous = path.join(storeDir, previousDirName);
  for (const name of replacedNames) {
    const saved = path.join(previous, name);
    if (!existsSync(saved)) continue;
    rmSync(path.join(storeDir, name), { recursive: true, force: true });
    renameSync(saved, path.join(storeDir, name));
  }
  syncDirectory(storeDir);
  rmSync(path.join(storeDir, journalFileName), { force: true });
  syncDirectory(storeDir);
}

export function removeLeftovers(storeDir: string): void {
  rmSync(path.join(storeDir, previousDirName), { recursive: true, force: true });
  rmSync(path.join(storeDir, incomingDirName), { recursive: true, force: true });
}
