import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSodium } from '../crypto/sodium.js';
import { interactiveKdfParams } from '../crypto/kdf-params.js';
import { LocalStore } from './local-store.js';
import { databaseFileName } from './local-store.js';
import { createFixture, password, sampleClient, type Fixture } from './test-support.js';
import { StoreError } from './store-error.js';

const secretText = 'Mevrouw klaagt over pijn in de linkerheup; decubitus graad 2 op het stuitje';

function allFileBytes(dir: string): Buffer {
  const parts: Buffer[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else parts.push(readFileSync(full));
    }
  };
  walk(dir);
  return Buffer.concat(parts);
}

function expectCode(fn: () => unknown, code: string): StoreError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe(code);
    return error as StoreError;
  }
  throw new Error(`expected a StoreError with code ${code}`);
}

async function reopen(f: Fixture): Promise<LocalStore> {
  const sodium = await loadSodium();
  return LocalStore.at({ dir: f.dir, kdfParams: interactiveKdfParams(sodium) });
}

describe('encrypted store on disk', () => {
  let f: Fixture;
  afterEach(() => f?.cleanup());

  it('keeps no plaintext BSN, name or report text in any file, also while open (WAL)', async () => {
    f = await createFixture();
    const me = f.store.session(f.nurseId);
    const client = me.clients.create(sampleClient);
    me.reports.create({ clientId: client.id, occurredAt: '2024-03-01T09:30:00.000Z', category: 'Wondzorg', body: secretText });
    me.documents.add({ clientId: client.id, fileName: 'wondfoto.txt', mimeType: 'text/plain' }, Buffer.from(`${secretText} in het document`));
    const checkNoPlaintext = () => {
      const bytes = allFileBytes(f.dir);
      for (const needle of ['111222333', 'decubitus', 'Johanna', 'Biltstraat', 'linkerheup']) expect(bytes.includes(Buffer.from(needle))).toBe(false);
    };
    checkNoPlaintext(); // open: main file + WAL
    f.store.lock();
    checkNoPlaintext(); // closed
    expect(readFileSync(path.join(f.dir, databaseFileName)).subarray(0, 16).toString('latin1')).not.toContain('SQLite format');
  });

  it('a wrong password fails clearly and the right one still opens the data', async () => {
    f = await createFixture();
    const client = f.store.session(f.nurseId).clients.create(sampleClient);
    f.store.lock();
    const store = await reopen(f);
    const error = expectCode(() => store.unlock('not the password'), 'wrong_password');
    expect(error.message).toMatch(/wachtwoord klopt niet/);
    store.unlock(password);
    expect(store.session(f.nurseId).clients.get(client.id).bsn).toBe('111222333');
    store.lock();
  });

  it('changing the password keeps the data; the old password stops working', async () => {
    f = await createFixture();
    const client = f.store.session(f.nurseId).clients.create(sampleClient);
    f.store.changePassword(password, 'een nieuw wachtwoord');
    f.store.lock();
    const store = await reopen(f);
    expectCode(() => store.unlock(password), 'wrong_password');
    store.unlock('een nieuw wachtwoord');
    expect(store.session(f.nurseId).clients.get(client.id).lastName).toBe('Berg');
    store.lock();
  });

  it('a forgotten password is recovered with the service-held secret, keeping unsynced data', async () => {
    f = await createFixture();
    const recoverySecret = new Uint8Array(32).fill(42);
    f.store.enableRecovery(recoverySecret);
    const client = f.store.session(f.nurseId).clients.create(sampleClient);
    f.store.changePassword(password, 'tweede wachtwoord'); // the recovery slot survives a change
    f.store.lock();
    const store = await reopen(f);
    expectCode(() => store.recoverPassword(new Uint8Array(32).fill(1), 'nieuw wachtwoord'), 'wrong_password');
    store.recoverPassword(recoverySecret, 'nieuw wachtwoord');
    expect(store.session(f.nurseId).clients.get(client.id).lastName).toBe('Berg');
    store.lock();
    expectCode(() => store.unlock('tweede wachtwoord'), 'wrong_password');
    store.unlock('nieuw wachtwoord');
    store.lock();
  });

  it('unlocking an open store still checks the password', async () => {
    f = await createFixture();
    expectCode(() => f.store.unlock('niet het wachtwoord'), 'wrong_password');
    f.store.unlock(password);
    expect(f.store.isUnlocked()).toBe(true);
  });

  it('slows down after wrong passwords and refuses after 10 until an online sign-in', async () => {
    let now = Date.parse('2024-03-01T09:00:00Z');
    f = await createFixture({ now: () => new Date(now) });
    f.store.lock();
    const sodium = await loadSodium();
    const store = await LocalStore.at({ dir: f.dir, kdfParams: interactiveKdfParams(sodium), now: () => new Date(now) });
    expectCode(() => store.unlock('fout 1'), 'wrong_password');
    expectCode(() => store.unlock('fout 2'), 'wrong_password');
    expectCode(() => store.unlock('fout 3'), 'wrong_password');
    const wait = expectCode(() => store.unlock(password), 'too_many_attempts'); // even the right one must wait
    expect(wait.extra.retryAfterSeconds).toBeGreaterThan(0);
    for (let i = 4; i <= 10; i++) {
      now += 10 * 60 * 1000;
      expectCode(() => store.unlock(`fout ${i}`), 'wrong_password');
    }
    now += 60 * 60 * 1000;
    expect(expectCode(() => store.unlock(password), 'too_many_attempts').message).toMatch(/online/);
    store.resetUnlockAttempts(); // what the online sign-in flow calls
    store.unlock(password);
    expect(store.unlockAttempts().failedAttempts).toBe(0);
    store.lock();
  });

  it('a flipped byte in the database file is reported as tampered, not a crash', async () => {
    f = await createFixture();
    const me = f.store.session(f.nurseId);
    const client = me.clients.create(sampleClient);
    for (let i = 0; i < 300; i++) me.reports.create({ clientId: client.id, occurredAt: '2024-03-01T09:30:00.000Z', category: 'ADL', body: `${secretText} ${i} ${'x'.repeat(400)}` });
    f.store.lock();
    const file = path.join(f.dir, databaseFileName);
    const original = readFileSync(file);

    // A page in the middle: unlock works, reading that page is refused.
    const middle = Buffer.from(original);
    middle[Math.floor(middle.length / 2) + 100]! ^= 0x01;
    writeFileSync(file, middle);
    let store = await reopen(f);
    // Either a read of the damaged page is refused, or (if no read touched it) the full check finds it.
    let outcome: string;
    try {
      store.unlock(password);
      store.session(f.nurseId).reports.listForClient(client.id, { limit: 500 });
      store.session(f.nurseId).search.reports('decubitus', { limit: 200 });
      outcome = store.verifyIntegrity().database;
    } catch (error) {
      outcome = (error as StoreError).code;
    } finally {
      store.lock();
    }
    expect(outcome).toBe('tampered');

    // Page 1: unlock itself is refused with 'tampered' (the key file proved the password right).
    const first = Buffer.from(original);
    first[200]! ^= 0x01;
    writeFileSync(file, first);
    store = await reopen(f);
    expectCode(() => store.unlock(password), 'tampered');
  });

  it('a flipped byte in a document file is reported as tampered', async () => {
    f = await createFixture();
    const me = f.store.session(f.nurseId);
    const client = me.clients.create(sampleClient);
    const content = Buffer.alloc(200_000, 7);
    const doc = me.documents.add({ clientId: client.id, fileName: 'verslag.pdf', mimeType: 'application/pdf' }, content);
    expect(Buffer.from(me.documents.read(doc.id).content).equals(content)).toBe(true);
    expect(doc.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const file = path.join(f.dir, 'documents', `${doc.id}.doc`);
    const bytes = readFileSync(file);
    for (const offset of [3, 40, 70_000, bytes.length - 1]) {
      const copy = Buffer.from(bytes);
      copy[offset]! ^= 0x10;
      writeFileSync(file, copy);
      expectCode(() => me.documents.read(doc.id), 'tampered');
    }
    writeFileSync(file, bytes.subarray(0, bytes.length - 1000)); // truncated
    expectCode(() => me.documents.read(doc.id), 'tampered');
    writeFileSync(file, bytes);
    expect(me.documents.read(doc.id).content.length).toBe(200_000);
  });

  it('streams large documents from and to files, refusing a tampered one without leaving a partial file', async () => {
    f = await createFixture({ maxDocumentBytes: 2_000_000 });
    const me = f.store.session(f.nurseId);
    const client = me.clients.create(sampleClient);
    const source = path.join(f.dir, 'bron.bin');
    const content = Buffer.alloc(1_000_003);
    for (let i = 0; i < content.length; i++) content[i] = (i * 31) % 251;
    writeFileSync(source, content);
    const doc = me.documents.addFromFile({ clientId: client.id, fileName: 'scan.pdf', mimeType: 'application/pdf' }, source);
    expect(doc.sizeBytes).toBe(content.length);
    const target = path.join(f.dir, 'uit.bin');
    me.documents.saveToFile(doc.id, target);
    expect(readFileSync(target).equals(content)).toBe(true);
    const empty = me.documents.add({ clientId: client.id, fileName: 'leeg.txt' }, new Uint8Array(0));
    expect(me.documents.read(empty.id).content.length).toBe(0);

    const file = path.join(f.dir, 'documents', `${doc.id}.doc`);
    const bytes = readFileSync(file);
    bytes[bytes.length - 5]! ^= 1; // in the last chunk: every earlier chunk decrypts fine first
    writeFileSync(file, bytes);
    const target2 = path.join(f.dir, 'uit2.bin');
    expectCode(() => me.documents.saveToFile(doc.id, target2), 'tampered');
    expect(readdirSync(f.dir).filter((n) => n.startsWith('uit2'))).toEqual([]);
    writeFileSync(source, Buffer.alloc(2_000_001));
    expectCode(() => me.documents.addFromFile({ clientId: client.id, fileName: 'te-groot.bin' }, source), 'too_large');
  });

  it('refuses documents over the size limit', async () => {
    f = await createFixture({ maxDocumentBytes: 1000 });
    const me = f.store.session(f.nurseId);
    const client = me.clients.create(sampleClient);
    expectCode(() => me.documents.add({ clientId: client.id, fileName: 'groot.bin' }, Buffer.alloc(1001)), 'too_large');
  });

  it('a damaged key file is tampered, not a wrong password', async () => {
    f = await createFixture();
    f.store.lock();
    const keyFile = path.join(f.dir, 'thuisdossier.key');
    const json = JSON.parse(readFileSync(keyFile, 'utf8'));
    json.kdf.opsLimit = 1;
    writeFileSync(keyFile, JSON.stringify(json));
    const store = await reopen(f);
    expectCode(() => store.unlock(password), 'tampered');
  });
});
