import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseFileName, StoreError } from '../store/index.js';
import { createFixture, password, type Fixture } from '../store/test-support.js';
import { createBackup } from './create-backup.js';
import { restoreBackup, restoreBackupWithPassword } from './restore-backup.js';
import { createBackupFixture, dossierContents } from './test-support.js';

async function refusal(promise: Promise<unknown>): Promise<StoreError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(StoreError);
    return error as StoreError;
  }
  throw new Error('expected the restore to be refused');
}

describe('device backup and restore', () => {
  let f: Awaited<ReturnType<typeof createBackupFixture>>;
  let other: Fixture | undefined;
  afterEach(() => {
    f?.cleanup();
    other?.cleanup();
    other = undefined;
  });

  it('backup → delete the local data → restore brings every report and document back, searchable, log intact', async () => {
    f = await createBackupFixture();
    const before = dossierContents(f, f.clientIds);
    const { file, header } = await createBackup(f.store, { dir: f.backupDir });
    expect(header.counts).toMatchObject({ clients: 2, reports: 4, documents: 2 });
    // The backup holds nothing readable: neither report text nor document content.
    const bytes = readFileSync(file);
    expect(bytes.includes(Buffer.from('Insuline'))).toBe(false);
    expect(bytes.includes(Buffer.from('roodheid'))).toBe(false);

    for (const clientId of f.clientIds) f.store.purgeDossier(clientId);
    expect(readdirSync(path.join(f.dir, 'documents'))).toEqual([]);
    expect(f.store.session(f.nurseId).search.clients('Berg')).toHaveLength(0);

    const restored = await restoreBackup(f.store, file);
    expect(restored.backupId).toBe(header.backupId);
    expect(f.store.isUnlocked()).toBe(true);
    expect(dossierContents(f, f.clientIds)).toEqual(before);
    const nurse = f.store.session(f.nurseId);
    expect(nurse.search.clients('ozdemir').map((hit) => hit.id)).toEqual([f.clientIds[1]]);
    expect(nurse.search.reports('linkerhiel')).toHaveLength(1);
    expect(f.store.verifyIntegrity()).toMatchObject({ database: 'ok', accessLog: { intact: true } });
    // The swap leaves nothing behind in the store folder.
    expect(readdirSync(f.dir).filter((name) => name.startsWith('restore-'))).toEqual([]);
  });

  it('a restore carries the clock and dossier numbers forward: nothing issued after the backup is issued again', async () => {
    f = await createBackupFixture();
    const { file } = await createBackup(f.store, { dir: f.backupDir });
    const nurse = f.store.session(f.nurseId);
    const after = nurse.clients.create({ firstName: 'Kees', lastName: 'Jansen', birthDate: '1950-01-01', status: 'in_zorg' });
    const hlc = () => f.store.connection.prepare("SELECT value FROM device_state WHERE key = 'hlc'").pluck().get() as string;
    const clockBeforeRestore = hlc();
    await restoreBackup(f.store, file);
    expect(hlc()).toBe(clockBeforeRestore);
    const again = f.store.session(f.nurseId).clients.create({ firstName: 'Ria', lastName: 'Bakker', birthDate: '1948-02-02', status: 'in_zorg' });
    expect(again.dossierNumber).not.toBe(after.dossierNumber);
    expect(hlc() > clockBeforeRestore).toBe(true);
  });

  it('one changed byte anywhere — header, database, document, end — is refused as tampered, and the current data is untouched', async () => {
    f = await createBackupFixture();
    const { file } = await createBackup(f.store, { dir: f.backupDir });
    // A report after the backup: it must survive every refused restore.
    f.store.session(f.nurseId).reports.create({ clientId: f.clientIds[0]!, occurredAt: '2026-03-09T08:00:00.000Z', category: 'Algemeen', body: 'Na de back-up geschreven' });
    const current = dossierContents(f, f.clientIds);
    const original = readFileSync(file);
    const headerJson = original.indexOf(Buffer.from('"counts"'));
    const positions = { header: headerJson + 12, streamStart: 8 + 4096 + 30, middle: Math.floor(original.length / 2), lastByte: original.length - 1 };
    for (const [where, position] of Object.entries(positions)) {
      const tampered = path.join(f.backupDir, `tampered-${where}.tdbackup`);
      const copy = Buffer.from(original);
      copy[position] = copy[position]! ^ 0x01;
      writeFileSync(tampered, copy);
      const error = await refusal(restoreBackup(f.store, tampered));
      expect({ where, code: error.code }).toEqual({ where, code: 'tampered' });
      expect(error.message).toBe('Deze back-up is beschadigd of buiten de app gewijzigd en wordt niet teruggezet. Je huidige gegevens zijn niet aangeraakt.');
      expect(f.store.isUnlocked()).toBe(true);
      expect(dossierContents(f, f.clientIds)).toEqual(current);
      expect(existsSync(path.join(f.dir, 'restore-incoming'))).toBe(false);
    }
  });

  it('a truncated backup, or one with bytes appended, is refused as tampered', async () => {
    f = await createBackupFixture();
    const { file } = await createBackup(f.store, { dir: f.backupDir });
    const original = readFileSync(file);
    const cut = path.join(f.backupDir, 'cut.tdbackup');
    writeFileSync(cut, original.subarray(0, original.length - 100));
    expect((await refusal(restoreBackup(f.store, cut))).code).toBe('tampered');
    const longer = path.join(f.backupDir, 'longer.tdbackup');
    writeFileSync(longer, Buffer.concat([original, Buffer.from([0, 0, 0, 0])]));
    expect((await refusal(restoreBackup(f.store, longer))).code).toBe('tampered');
  });

  it("another store's backup is refused as not belonging here, and nothing changes", async () => {
    f = await createBackupFixture();
    other = await createFixture();
    const { file } = await createBackup(other.store, { dir: f.backupDir });
    const current = dossierContents(f, f.clientIds);
    const error = await refusal(restoreBackup(f.store, file));
    expect(error.code).toBe('forbidden');
    expect(error.message).toMatch(/hoort niet bij dit account/);
    expect(dossierContents(f, f.clientIds)).toEqual(current);
  });

  it('the backup folder can hold a copy made elsewhere: a renamed backup restores', async () => {
    f = await createBackupFixture();
    const { file } = await createBackup(f.store, { dir: f.backupDir });
    const copy = path.join(f.backupDir, 'kopie-van-usb.tdbackup');
    copyFileSync(file, copy);
    await expect(restoreBackup(f.store, copy)).resolves.toMatchObject({ counts: { reports: 4 } });
  });

  it('a store whose database no longer opens is restored with the password; a wrong password changes nothing', async () => {
    f = await createBackupFixture();
    const before = dossierContents(f, f.clientIds);
    const { file } = await createBackup(f.store, { dir: f.backupDir });
    f.store.lock();
    const databaseFile = path.join(f.dir, databaseFileName);
    const damaged = readFileSync(databaseFile);
    damaged[200] = damaged[200]! ^ 0xff;
    writeFileSync(databaseFile, damaged);
    expect(() => f.store.unlock(password)).toThrow(/beschadigd/);

    expect((await refusal(restoreBackupWithPassword(f.store, file, 'niet het wachtwoord'))).code).toBe('wrong_password');
    expect(readFileSync(databaseFile).equals(damaged)).toBe(true);
    expect(f.store.isUnlocked()).toBe(false);

    const header = await restoreBackupWithPassword(f.store, file, password);
    expect(header.counts.reports).toBe(4);
    expect(f.store.isUnlocked()).toBe(true);
    expect(dossierContents(f, f.clientIds)).toEqual(before);
    expect(readdirSync(f.dir).filter((name) => name.startsWith('restore-'))).toEqual([]);
  });

  it('a lost database file (key file still there) is restored with the password', async () => {
    f = await createBackupFixture();
    const before = dossierContents(f, f.clientIds);
    const { file } = await createBackup(f.store, { dir: f.backupDir });
    f.store.lock();
    rmSync(path.join(f.dir, databaseFileName));
    rmSync(path.join(f.dir, 'documents'), { recursive: true });
    await restoreBackupWithPassword(f.store, file, password);
    expect(dossierContents(f, f.clientIds)).toEqual(before);
  });
});
