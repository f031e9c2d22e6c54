import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { databaseFileName, LocalStore } from '../store/index.js';
import { interactiveKdfParams } from '../crypto/kdf-params.js';
import { loadSodium } from '../crypto/sodium.js';
import { password } from '../store/test-support.js';
import { listBackups } from './backup-files.js';
import { BackupScheduler, isBackupDue } from './backup-scheduler.js';
import { createBackup } from './create-backup.js';
import { finishInterruptedRestore, incomingDirName, journalFileName, previousDirName, rollBackRestore, swapInRestoredFiles } from './restore-swap.js';
import { createBackupFixture, dossierContents } from './test-support.js';

const day = 24 * 60 * 60 * 1000;
const start = new Date('2026-11-01T07:00:00.000Z');

describe('backup files: keeping seven, interrupted backups, the daily schedule', () => {
  let f: Awaited<ReturnType<typeof createBackupFixture>>;
  afterEach(() => f?.cleanup());

  it('keeps only the last seven backups, newest first', async () => {
    f = await createBackupFixture();
    const made: string[] = [];
    for (let i = 0; i < 9; i++) {
      const { file, pruned } = await createBackup(f.store, { dir: f.backupDir, now: () => new Date(start.getTime() + i * day) });
      made.push(file);
      expect(pruned).toEqual(i >= 7 ? [made[i - 7]] : []);
    }
    expect(listBackups(f.backupDir).map((b) => b.file)).toEqual(made.slice(2).reverse());
    expect(readdirSync(f.backupDir)).toHaveLength(7);
  });

  it('an interrupted backup leaves no partial file, and the next one succeeds', async () => {
    f = await createBackupFixture();
    // A document file that fails to read half-way through the backup (after the database entry).
    const documents = path.join(f.dir, 'documents');
    const victim = readdirSync(documents).sort()[1]!;
    renameSync(path.join(documents, victim), path.join(f.dir, 'aside.doc'));
    mkdirSync(path.join(documents, victim));
    await expect(createBackup(f.store, { dir: f.backupDir, now: () => start })).rejects.toThrow();
    expect(readdirSync(f.backupDir)).toEqual([]);

    rmSync(path.join(documents, victim), { recursive: true });
    renameSync(path.join(f.dir, 'aside.doc'), path.join(documents, victim));
    // What a crash (kill -9) would leave: a temp backup and a snapshot; swept, never listed.
    writeFileSync(path.join(f.backupDir, 'thuisdossier-20261101T070000Z-0badf00d.tdbackup.partial'), 'half');
    writeFileSync(path.join(f.backupDir, 'snapshot-x.db.partial'), 'half');
    expect(listBackups(f.backupDir)).toEqual([]);
    const { file } = await createBackup(f.store, { dir: f.backupDir, now: () => start });
    expect(readdirSync(f.backupDir)).toEqual([path.basename(file)]);
  });

  it('a backup is due when none exists or the newest is 24 hours old', () => {
    expect(isBackupDue(null, start)).toBe(true);
    expect(isBackupDue(start, new Date(start.getTime() + day - 1))).toBe(false);
    expect(isBackupDue(start, new Date(start.getTime() + day))).toBe(true);
    // A clock set back must not stop backups for good.
    expect(isBackupDue(start, new Date(start.getTime() - 1000))).toBe(true);
  });

  it('the scheduler makes a backup only when due and only while unlocked', async () => {
    f = await createBackupFixture();
    let now = start;
    const results: boolean[] = [];
    const scheduler = new BackupScheduler({ store: f.store, dir: f.backupDir, now: () => now, onResult: (r) => results.push(r.ok) });
    expect(await scheduler.runIfDue()).not.toBeNull();
    now = new Date(start.getTime() + 23 * 60 * 60 * 1000);
    expect(await scheduler.runIfDue()).toBeNull();
    now = new Date(start.getTime() + day);
    f.store.lock();
    expect(await scheduler.runIfDue()).toBeNull();
    f.store.unlock(password);
    expect(await scheduler.runIfDue()).not.toBeNull();
    expect(listBackups(f.backupDir)).toHaveLength(2);
    expect(results).toEqual([true, true]);
  });

  it('a restore interrupted mid-swap is rolled back at the next start: the current data comes back whole', async () => {
    f = await createBackupFixture();
    const before = dossierContents(f, f.clientIds);
    f.store.lock();
    // The state a crash between "old database moved away" and "new one moved in" leaves.
    mkdirSync(path.join(f.dir, previousDirName));
    writeFileSync(path.join(f.dir, journalFileName), '{"phase":"swapping"}');
    renameSync(path.join(f.dir, databaseFileName), path.join(f.dir, previousDirName, databaseFileName));
    writeFileSync(path.join(f.dir, databaseFileName), 'half a restored database');
    expect(finishInterruptedRestore(f.dir)).toBe('rolled_back');
    expect(existsSync(path.join(f.dir, journalFileName))).toBe(false);
    expect(existsSync(path.join(f.dir, previousDirName))).toBe(false);
    const reopened = await LocalStore.at({ dir: f.dir, kdfParams: interactiveKdfParams(await loadSodium()) });
    reopened.unlock(password);
    expect(dossierContents({ ...f, store: reopened }, f.clientIds)).toEqual(before);
    reopened.lock();
    expect(finishInterruptedRestore(f.dir)).toBe('nothing_to_do');
  });

  it('when the swapped-in database does not open, the old files are put back and reopened', async () => {
    f = await createBackupFixture();
    const before = dossierContents(f, f.clientIds);
    const incoming = path.join(f.dir, incomingDirName);
    mkdirSync(path.join(incoming, 'documents'), { recursive: true });
    writeFileSync(path.join(incoming, databaseFileName), randomBytes(8192 * 4));
    expect(() =>
      f.store.reopenAfter(
        () => swapInRestoredFiles(f.dir),
        () => rollBackRestore(f.dir),
      ),
    ).toThrow(/beschadigd/);
    expect(f.store.isUnlocked()).toBe(true);
    expect(dossierContents(f, f.clientIds)).toEqual(before);
    expect(existsSync(path.join(f.dir, journalFileName))).toBe(false);
  });
});
