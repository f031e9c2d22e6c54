import { createCipheriv, randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSodium } from '../crypto/sodium.js';
import { openDatabase } from './database.js';

/**
 * The page cipher is the library's ChaCha20-Poly1305, whichever ChaCha20 code computes it (our
 * build has a multi-block one, scripts/native/accelerate-sqlite3mc.mjs): files written by the stock
 * library open, and every page this build writes checks out against OpenSSL's ChaCha20 and
 * libsodium's Poly1305. A different keystream would fail here even if it round-tripped.
 */
const work = mkdtempSync(path.join(tmpdir(), 'page-cipher-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** SQLite3 Multiple Ciphers' chacha20 page: data | 16-byte nonce | 16-byte Poly1305 tag. */
const reservedBytes = 32;

function chacha20(key: Uint8Array, nonce: Uint8Array, counter: number, data: Uint8Array): Buffer {
  const iv = Buffer.alloc(16);
  iv.writeUInt32LE(counter >>> 0, 0);
  Buffer.from(nonce).copy(iv, 4);
  return createCipheriv('chacha20', key, iv).update(data);
}

/** Verifies and decrypts page `number` (from 2: page 1 also holds the salt) with standard primitives. */
async function openPage(file: Buffer, pageSize: number, number: number, key: Uint8Array): Promise<Buffer | null> {
  const sodium = await loadSodium();
  const page = file.subarray((number - 1) * pageSize, number * pageSize);
  const n = pageSize - reservedBytes;
  const nonce = page.subarray(n, n + 16);
  const counter = (nonce.readUInt32LE(12) ^ number) >>> 0;
  const oneTimeKeys = chacha20(key, nonce.subarray(0, 12), counter, new Uint8Array(64));
  if (!sodium.crypto_onetimeauth_verify(page.subarray(n + 16, n + 32), page.subarray(0, n + 16), oneTimeKeys.subarray(0, 32))) return null;
  return chacha20(oneTimeKeys.subarray(32, 64), nonce.subarray(0, 12), counter + 1, page.subarray(0, n));
}

describe('page cipher (ChaCha20-Poly1305 of SQLite3 Multiple Ciphers)', () => {
  it('opens a database written by the stock library build and reads every row', () => {
    const copy = path.join(work, 'stock.db');
    copyFileSync(path.join(import.meta.dirname, 'testing/fixtures/stock-chacha20.db'), copy);
    const key = Uint8Array.from({ length: 32 }, (_, i) => i + 1); // the fixture's key
    const db = openDatabase(copy, { key });
    const rows = db.prepare('SELECT id, body FROM notes ORDER BY id').all() as Array<{ id: number; body: string }>;
    db.close();
    expect(rows).toHaveLength(60);
    expect(rows[59]!.body).toBe(`Rapportage 60: ${'wond verzorgd, verband gewisseld. '.repeat(23)}`);
  });

  for (const pageSize of [1024, 4096, 16384]) {
    it(`writes ${pageSize}-byte pages that standard ChaCha20 and Poly1305 verify and decrypt`, async () => {
      const file = path.join(work, `written-${pageSize}.db`);
      const key = new Uint8Array(randomBytes(32));
      const db = openDatabase(file, { key, pageSize });
      db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
      const insert = db.prepare('INSERT INTO notes (id, body) VALUES (?, ?)');
      const bodies = Array.from({ length: 400 }, (_, i) => `notitie-${String(i).padStart(4, '0')}: ${'insuline toegediend, bloedsuiker gemeten. '.repeat(1 + (i % 9))}`);
      db.transaction(() => bodies.forEach((body, i) => insert.run(i, body)))();
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();

      const bytes = readFileSync(file);
      const pages = bytes.length / pageSize;
      expect(pages).toBeGreaterThan(4);
      const plaintext: Buffer[] = [];
      for (let number = 2; number <= pages; number++) {
        const page = await openPage(bytes, pageSize, number, key);
        expect(page, `page ${number} fails authentication`).not.toBeNull();
        plaintext.push(page!);
      }
      const all = Buffer.concat(plaintext);
      for (const body of bodies) expect(all.includes(body.slice(0, 14)), body.slice(0, 14)).toBe(true);
      expect(bytes.includes('notitie-0001')).toBe(false);
    });
  }
});
