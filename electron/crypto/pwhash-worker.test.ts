import { describe, expect, it } from 'vitest';
import { interactiveKdfParams } from './kdf-params.js';
import { pwhashInWorker } from './pwhash-worker.js';
import { loadSodium } from './sodium.js';

describe('Argon2id in a worker thread', () => {
  it('derives exactly the key libsodium derives in-process, per password and salt', async () => {
    const sodium = await loadSodium();
    const params = interactiveKdfParams(sodium);
    const salt = sodium.randombytes_buf(sodium.crypto_pwhash_SALTBYTES);
    const inProcess = sodium.crypto_pwhash(32, 'correct horse', salt, params.opsLimit, params.memLimitBytes, sodium.crypto_pwhash_ALG_ARGON2ID13);

    const inWorker = pwhashInWorker(32, 'correct horse', salt, params);
    expect(inWorker).not.toBeNull();
    expect(Buffer.from(inWorker!).equals(Buffer.from(inProcess))).toBe(true);
    // Another password or salt: another key (the worker really derives, it does not echo).
    expect(Buffer.from(pwhashInWorker(32, 'wrong horse', salt, params)!).equals(Buffer.from(inProcess))).toBe(false);
    expect(Buffer.from(pwhashInWorker(32, 'correct horse', sodium.randombytes_buf(sodium.crypto_pwhash_SALTBYTES), params)!).equals(Buffer.from(inProcess))).toBe(false);
  });

  it('answers null rather than a key when libsodium refuses the parameters (the caller derives in-process and gets its error)', () => {
    expect(pwhashInWorker(32, 'correct horse', new Uint8Array(3), { opsLimit: 1, memLimitBytes: 8192 })).toBeNull();
  });
});
