import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { interactiveKdfParams } from './kdf-params.js';
import { outsideAsar, pwhashInWorker } from './pwhash-worker.js';
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

  it('loads libsodium from app.asar.unpacked in an installed app, where the unpacked copy exists', () => {
    const resources = mkdtempSync(path.join(os.tmpdir(), 'pwhash-asar-'));
    try {
      const resolve = createRequire(import.meta.url).resolve;
      const wrappers = resolve('libsodium-wrappers-sumo');
      const packageRoot = wrappers.slice(0, wrappers.indexOf(`${path.sep}libsodium-wrappers-sumo${path.sep}`));
      const inFile = path.relative(packageRoot, wrappers);
      // What the packager leaves: app.asar is a file (unreadable for a worker), the copy beside it.
      for (const name of ['libsodium-wrappers-sumo', 'libsodium-sumo']) {
        cpSync(path.join(packageRoot, name), path.join(resources, 'app.asar.unpacked', 'node_modules', name), { recursive: true });
      }
      const insideArchive = path.join(resources, 'app.asar', 'node_modules', inFile);

      const chosen = outsideAsar(insideArchive);
      expect(chosen).toBe(path.join(resources, 'app.asar.unpacked', 'node_modules', inFile));
      // The unpacked copy is complete: it loads with its own libsodium-sumo beside it.
      expect(typeof createRequire(chosen)(chosen)).toBe('object');
      // Without the unpacked copy, or outside an archive, the path is left alone.
      expect(outsideAsar(insideArchive, () => false)).toBe(insideArchive);
      expect(outsideAsar(wrappers)).toBe(wrappers);
    } finally {
      rmSync(resources, { recursive: true, force: true });
    }
  });
});
