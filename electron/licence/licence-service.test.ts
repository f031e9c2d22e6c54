import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SignedLease } from '../../shared/licence/lease.js';
import { FileWiper } from './file-wiper.js';
import { licenceStorageKeys } from './key-value-storage.js';
import { createLeaseVerifier, type LeaseVerifier } from './lease-verifier.js';
import { LicenceError } from './licence-error.js';
import { LicenceService } from './licence-service.js';
import type { LocalDataWiper } from './local-data-wiper.js';
import { identity, leaseOf, MemoryStorage, testSigner } from './test-support.js';

let signer: Awaited<ReturnType<typeof testSigner>>;
let verify: LeaseVerifier;
let clock: Date;
let storage: MemoryStorage;

beforeAll(async () => {
  signer = await testSigner();
  verify = await createLeaseVerifier(signer.shippedKeys, identity);
});

beforeEach(() => {
  clock = new Date('2026-11-30T12:00:00Z');
  storage = new MemoryStorage();
});

const noWipe: LocalDataWiper = { wipe: () => Promise.reject(new Error('must not wipe')) };

function service(wiper: LocalDataWiper = noWipe) {
  return new LicenceService({ storage, verify, wiper, now: () => clock });
}

async function refusalOf(promise: Promise<unknown>): Promise<LicenceError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(LicenceError);
  return error as LicenceError;
}

describe('LicenceService', () => {
  it('stores a valid lease and allows work and export', async () => {
    const licence = service();
    expect((await licence.accept(signer.sign(leaseOf()))).accepted).toBe(true);
    expect((await licence.assertCanOpenDossiers()).state).toBe('active');
    expect((await licence.assertCanExport()).canExport).toBe(true);
  });

  it('refuses dossier access and export for a blocked lease, offline, with the reason', async () => {
    // No network in this service at all: fetch must never be reached.
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const licence = service();
    await licence.accept(signer.sign(leaseOf({ status: 'blocked', blockReason: 'overdue', issuedAt: '2026-11-25T09:00:00.000Z' })));
    const open = await refusalOf(licence.assertCanOpenDossiers());
    expect(open.code).toBe('licence_blocked');
    expect(open.decision.blockReason).toBe('overdue');
    expect((await refusalOf(licence.assertCanExport())).code).toBe('licence_blocked');
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  });

  it('refuses a lease with any changed byte of payload or signature, and treats it as no lease', async () => {
    const licence = service();
    const signed = signer.sign(leaseOf());
    const variants: SignedLease[] = [];
    for (let index = 0; index < signed.payload.length; index += 1) {
      const code = signed.payload.charCodeAt(index) ^ 0x01;
      variants.push({ ...signed, payload: signed.payload.slice(0, index) + String.fromCharCode(code) + signed.payload.slice(index + 1) });
    }
    for (let index = 0; index < signed.signature.length; index += 1) {
      const replacement = signed.signature[index] === 'A' ? 'B' : 'A';
      const signature = signed.signature.slice(0, index) + replacement + signed.signature.slice(index + 1);
      // The last base64url character carries 2 padding bits; a flip there can decode to the same bytes.
      if (Buffer.from(signature, 'base64url').equals(Buffer.from(signed.signature, 'base64url'))) continue;
      variants.push({ ...signed, signature });
    }
    for (const tampered of variants) {
      const result = await licence.accept(tampered);
      expect(result.accepted).toBe(false);
      expect(result.decision).toMatchObject({ state: 'none', canOpenDossiers: false, canExport: false });
    }
    expect(storage.values.has(licenceStorageKeys.signedLease)).toBe(false);
  });

  it('treats a stored lease edited on disk as no lease', async () => {
    const licence = service();
    await licence.accept(signer.sign(leaseOf({ status: 'blocked', blockReason: 'abuse' })));
    const stored = JSON.parse(storage.values.get(licenceStorageKeys.signedLease) ?? '') as SignedLease;
    storage.values.set(licenceStorageKeys.signedLease, JSON.stringify({ ...stored, payload: stored.payload.replace('"blocked"', '"active"') }));
    expect(await licence.status()).toMatchObject({ state: 'none', canOpenDossiers: false });
  });

  it('refuses a lease signed with another key, and one for another device', async () => {
    const licence = service();
    const stranger = await testSigner();
    expect(await licence.accept(stranger.sign(leaseOf()))).toMatchObject({ accepted: false, reason: 'bad-signature' });
    const otherDevice = signer.sign(leaseOf({ deviceId: '0193a6f0-0000-7000-8000-0000000000ff' }));
    expect(await licence.accept(otherDevice)).toMatchObject({ accepted: false, reason: 'other-device' });
    expect((await refusalOf(licence.assertCanOpenDossiers())).code).toBe('licence_expired');
  });

  it('refuses an older lease replayed over a newer one', async () => {
    const licence = service();
    const oldActive = signer.sign(leaseOf());
    await licence.accept(signer.sign(leaseOf({ status: 'blocked', blockReason: 'overdue', issuedAt: '2026-11-28T09:00:00.000Z' })));
    expect(await licence.accept(oldActive)).toMatchObject({ accepted: false, reason: 'older-than-stored' });
    expect((await licence.status()).state).toBe('blocked');
  });

  it('catches a clock set back after it has seen a later time', async () => {
    const licence = service();
    await licence.accept(signer.sign(leaseOf()));
    clock = new Date('2026-12-06T12:00:00Z');
    expect((await licence.status()).state).toBe('active');
    clock = new Date('2026-12-01T12:00:00Z');
    const refused = await refusalOf(licence.assertCanOpenDossiers());
    expect(refused.code).toBe('licence_expired');
    expect(refused.decision.reason).toBe('clock-set-back');
    // Setting it back did not move the trusted time: putting it forward again still works.
    clock = new Date('2026-12-06T13:00:00Z');
    expect((await licence.status()).state).toBe('active');
  });

  it('expires after validUntil and asks to go online', async () => {
    const licence = service();
    await licence.accept(signer.sign(leaseOf()));
    clock = new Date('2026-12-09T00:00:00Z');
    const refused = await refusalOf(licence.assertCanExport());
    expect(refused.code).toBe('licence_expired');
    expect(refused.decision).toMatchObject({ state: 'expired', reason: 'lease-expired', mustGoOnline: true });
  });
});

describe('an ended agreement', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'thuisdossier-wipe-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function localData() {
    const database = path.join(dir, 'dossiers.db');
    const documents = path.join(dir, 'documents');
    await writeFile(database, 'encrypted pages of cliënt data');
    await writeFile(`${database}-wal`, 'more pages');
    await mkdir(path.join(documents, 'ab'), { recursive: true });
    await writeFile(path.join(documents, 'ab', 'abcdef.bin'), Buffer.alloc(3 * 1024 * 1024 + 17, 7));
    await writeFile(path.join(documents, 'cd.bin'), '');
    return { database, documents, wiper: new FileWiper([database, `${database}-wal`, `${database}-shm`, documents]) };
  }

  it('shows the final notice first, wipes data and documents when it is confirmed', async () => {
    const data = await localData();
    const wipe = vi.spyOn(data.wiper, 'wipe');
    const licence = service(data.wiper);
    await licence.accept(signer.sign(leaseOf({ status: 'ended' })));
    expect(await licence.status()).toMatchObject({ state: 'ended', mustWipe: true, canOpenDossiers: false });
    expect(existsSync(data.database)).toBe(true);
    expect(storage.values.has(licenceStorageKeys.endNoticeShownAt)).toBe(true);

    await licence.confirmEndNotice();
    expect(wipe).toHaveBeenCalledTimes(1);
    expect(existsSync(data.database)).toBe(false);
    expect(existsSync(`${data.database}-wal`)).toBe(false);
    expect(existsSync(data.documents)).toBe(false);
    expect(await readdir(dir)).toEqual([]);
    expect((await refusalOf(licence.assertCanOpenDossiers())).decision.state).toBe('none');
  });

  it('wipes at the next start when the notice was shown and the app closed', async () => {
    const data = await localData();
    const first = service(noWipe);
    await first.accept(signer.sign(leaseOf({ status: 'ended' })));
    expect(storage.values.has(licenceStorageKeys.endNoticeShownAt)).toBe(false); // a sync is not the user seeing it
    expect((await first.status()).state).toBe('ended');
    const restarted = service(data.wiper);
    await restarted.status();
    expect(await readdir(dir)).toEqual([]);
  });
});
