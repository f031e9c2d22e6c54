import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalLimits } from './passwords.js';
import { loadSodium, type Sodium } from './sodium.js';
import { workerPasswordHasher } from './workerPasswords.js';

describe('Argon2id in worker threads', () => {
  let lib: Sodium;
  let hasher: ReturnType<typeof workerPasswordHasher>;
  beforeAll(async () => {
    lib = await loadSodium();
    hasher = workerPasswordHasher(lib, minimalLimits(lib), 2);
  });
  afterAll(async () => {
    await hasher?.close();
  });

  it('hashes and verifies like libsodium in the main thread', async () => {
    const hash = await hasher.hash('een geheim wachtwoord');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(lib.crypto_pwhash_str_verify(hash, 'een geheim wachtwoord')).toBe(true);
    expect(await hasher.verify(hash, 'een geheim wachtwoord')).toBe(true);
    expect(await hasher.verify(hash, 'een ander wachtwoord')).toBe(false);
  });

  it('answers many requests at once, each with its own result', async () => {
    const hashes = await Promise.all(Array.from({ length: 8 }, (_, index) => hasher.hash(`wachtwoord ${index}`)));
    const checks = await Promise.all(hashes.map((hash, index) => hasher.verify(hash, `wachtwoord ${index % 2 === 0 ? index : index + 1}`)));
    expect(checks).toEqual([true, false, true, false, true, false, true, false]);
  });

  it('treats a corrupt stored hash as a failed check', async () => {
    expect(await hasher.verify('not a hash', 'x')).toBe(false);
    await expect(hasher.verifyNothing('x')).resolves.toBeUndefined();
  });

  it('keeps a process alive while a hash is pending, and lets it exit when the pool is idle', () => {
    const script = fileURLToPath(new URL('./testing/hashThenExit.ts', import.meta.url));
    // Before the fix the child either exited mid-hash (status 13, nothing printed) or never exited.
    const child = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 30_000 });
    expect(child.error).toBeUndefined();
    expect(child.stdout).toBe('hashed\n');
    expect(child.status).toBe(0);
  }, 45_000);
});
