import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseFileName, keyFileName } from '../store/index.js';
import { deviceAccountFileName } from '../session/device-account.js';
import { backupDirectory } from './handlers/backup.js';
import { licensedCore, witnessOf, type LicensedCore } from './testing/licensed-core.js';

/**
 * SPEC §3: an ended agreement seen on an offline device wipes the device after the final notice,
 * with the same secure wipe as a revoked device (overwrite, then remove; backups and account too).
 * Real core, real encrypted store, a real device backup; no network.
 */
let device: LicensedCore | null = null;
const witnessDirs: string[] = [];
afterEach(async () => {
  await device?.close();
  device = null;
  for (const dir of witnessDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Hard links (same file system) to the files the wipe must overwrite, to read what it left. */
async function witnesses(dataDir: string) {
  const witnessDir = mkdtempSync(path.join(dataDir, '..', `${path.basename(dataDir)}-witness-`));
  witnessDirs.push(witnessDir);
  const backups = readdirSync(backupDirectory(dataDir)).map((name) => path.join(backupDirectory(dataDir), name));
  const documents = readdirSync(path.join(dataDir, 'documents'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
  const files = [path.join(dataDir, databaseFileName), path.join(dataDir, keyFileName), ...backups, ...documents];
  expect(backups.length).toBeGreaterThan(0);
  expect(documents.length).toBeGreaterThan(0);
  return Promise.all(files.map(async (file) => ({ file, before: readFileSync(file), witness: await witnessOf(file, witnessDir) })));
}

function expectEverythingGone(dataDir: string) {
  expect(existsSync(path.join(dataDir, databaseFileName))).toBe(false);
  expect(existsSync(path.join(dataDir, keyFileName))).toBe(false);
  expect(existsSync(path.join(dataDir, 'documents'))).toBe(false);
  expect(existsSync(backupDirectory(dataDir))).toBe(false);
  expect(existsSync(path.join(dataDir, deviceAccountFileName))).toBe(false);
}

describe('an ended agreement on an offline device', () => {
  it('shows the final notice, and the confirmation wipes store, documents, backups and account securely', async () => {
    device = await licensedCore({ status: 'ended' });
    const { dataDir, call } = device;
    const seen = await witnesses(dataDir);

    const status = await call('licence.status');
    expect(status).toMatchObject({ ok: true, value: { state: 'ended', canOpenDossiers: false, canExport: false } });
    // The final notice is on screen; nothing is gone before the user confirmed it.
    expect(existsSync(path.join(dataDir, databaseFileName))).toBe(true);
    expect(await call('clients.get', { clientId: device.clientId })).toMatchObject({ ok: false, error: { code: 'licence_blocked' } });

    expect(await call('licence.confirmEndNotice')).toEqual({ ok: true, value: null });

    expectEverythingGone(dataDir);
    for (const { file, before, witness } of seen) {
      // Overwritten in place before the unlink: the inode's bytes are no longer the old ones.
      const left = readFileSync(witness);
      expect(left.length, file).toBe(before.length);
      expect(left.equals(before), file).toBe(false);
    }
    expect(await call('session.status')).toMatchObject({ ok: true, value: { state: 'no-account', wiped: { reason: 'account_ended' } } });
    expect(await call('licence.status')).toEqual({ ok: true, value: null });
  }, 60_000);

  it('wipes at the next start when the app was closed on the final notice without confirming', async () => {
    device = await licensedCore({ status: 'ended' });
    const { dataDir, call } = device;
    expect(await call('licence.status')).toMatchObject({ ok: true, value: { state: 'ended' } });
    expect(existsSync(path.join(dataDir, databaseFileName))).toBe(true);
    await device.restart();
    // The next run asks for the status first thing: the notice was given, so the wipe follows.
    expect(await call('licence.status')).toMatchObject({ ok: true, value: { state: 'ended' } });
    expectEverythingGone(dataDir);
    expect(await call('session.status')).toMatchObject({ ok: true, value: { state: 'no-account', wiped: { reason: 'account_ended' } } });
  }, 60_000);

  it('does nothing for a confirmation while the agreement is active', async () => {
    device = await licensedCore({ status: 'active' });
    expect(await device.call('licence.confirmEndNotice')).toEqual({ ok: true, value: null });
    expect(existsSync(path.join(device.dataDir, databaseFileName))).toBe(true);
    expect(existsSync(backupDirectory(device.dataDir))).toBe(true);
    expect(await device.call('clients.get', { clientId: device.clientId })).toMatchObject({ ok: true });
  }, 60_000);
});

