import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decodePublicKey, encodeKey, type LeaseSigningKey } from '../../shared/licence/sign.js';
import type { LeasePublicKey } from '../../shared/licence/lease.js';
import type { Sodium } from '../crypto/sodium.js';

/**
 * The Ed25519 keys that sign licence leases. One key signs; older keys stay published so leases
 * they signed keep verifying until they expire (rotation without locking anyone out).
 *
 * Sources, in order:
 * - env THUISDOSSIER_LEASE_SIGNING_KEY = "<keyId>:<base64url 32-byte seed>" (the signing key), and
 *   THUISDOSSIER_LEASE_PUBLISHED_KEYS = "<keyId>:<base64url public key>,…" (older keys to publish);
 * - otherwise the data folder: <dir>/<keyId>.seed files (base64url seed), the file `active` names
 *   the signing key; made on first start, rotated with `npm run server -- rotate-lease-key`.
 */
export interface LeaseKeyRing {
  readonly signing: LeaseSigningKey;
  readonly published: LeasePublicKey[];
  readonly publicKeys: ReadonlyMap<string, Uint8Array>;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function leaseKeyRingFromEnv(lib: Sodium, env: NodeJS.ProcessEnv): LeaseKeyRing | null {
  const signingSpec = env.THUISDOSSIER_LEASE_SIGNING_KEY;
  if (!signingSpec) return null;
  const [keyId, seed] = splitSpec(signingSpec, 'THUISDOSSIER_LEASE_SIGNING_KEY');
  const signing = keyFromSeed(lib, keyId, lib.from_base64(seed, lib.base64_variants.URLSAFE_NO_PADDING));
  const older = (env.THUISDOSSIER_LEASE_PUBLISHED_KEYS ?? '')
    .split(',')
    .map((spec) => spec.trim())
    .filter(Boolean)
    .map((spec) => {
      const [olderId, publicKey] = splitSpec(spec, 'THUISDOSSIER_LEASE_PUBLISHED_KEYS');
      return { keyId: olderId, publicKey: decodePublicKey(lib, publicKey) };
    });
  return ring(lib, signing, older);
}

export function leaseKeyRingFromFolder(lib: Sodium, dir: string, now: () => Date): LeaseKeyRing {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const activeFile = path.join(dir, 'active');
  if (!existsSync(activeFile)) rotateLeaseKey(lib, dir, now);
  const activeId = readFileSync(activeFile, 'utf8').trim();
  const keys = readdirSync(dir)
    .filter((name) => name.endsWith('.seed'))
    .map((name) => {
      const keyId = name.slice(0, -'.seed'.length);
      const seed = lib.from_base64(readFileSync(path.join(dir, name), 'utf8').trim(), lib.base64_variants.URLSAFE_NO_PADDING);
      return keyFromSeed(lib, keyId, seed);
    });
  const signing = keys.find((key) => key.keyId === activeId);
  if (!signing) throw new Error(`lease key folder ${dir}: the active key ${activeId} has no .seed file`);
  const older = keys
    .filter((key) => key.keyId !== activeId)
    .map((key) => ({ keyId: key.keyId, publicKey: lib.crypto_sign_ed25519_sk_to_pk(key.secretKey) }));
  return ring(lib, signing, older);
}

/** Makes a new signing key in the folder and makes it the active one. Returns its id. */
export function rotateLeaseKey(lib: Sodium, dir: string, now: () => Date): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stamp = now().toISOString().replace(/[-:]/g, '').slice(0, 15);
  const keyId = `k${stamp}-${lib.to_hex(lib.randombytes_buf(3))}`;
  const seed = lib.randombytes_buf(lib.crypto_sign_SEEDBYTES);
  writeFileSync(path.join(dir, `${keyId}.seed`), encodeKey(lib, seed) + '\n', { mode: 0o600 });
  writeFileSync(path.join(dir, 'active'), keyId + '\n', { mode: 0o600 });
  return keyId;
}

/** A fresh in-memory ring, for tests and benchmarks. */
export function ephemeralLeaseKeyRing(lib: Sodium, keyId = 'test-key'): LeaseKeyRing {
  return ring(lib, keyFromSeed(lib, keyId, lib.randombytes_buf(lib.crypto_sign_SEEDBYTES)), []);
}

function ring(lib: Sodium, signing: LeaseSigningKey, older: { keyId: string; publicKey: Uint8Array }[]): LeaseKeyRing {
  const signingPublic = lib.crypto_sign_ed25519_sk_to_pk(signing.secretKey);
  const all = [{ keyId: signing.keyId, publicKey: signingPublic, active: true }, ...older.map((key) => ({ ...key, active: false }))];
  return {
    signing,
    published: all.map((key) => ({ keyId: key.keyId, algorithm: 'Ed25519' as const, publicKey: encodeKey(lib, key.publicKey), active: key.active })),
    publicKeys: new Map(all.map((key) => [key.keyId, key.publicKey])),
  };
}

function keyFromSeed(lib: Sodium, keyId: string, seed: Uint8Array): LeaseSigningKey {
  if (!KEY_ID.test(keyId)) throw new Error(`lease key id ${JSON.stringify(keyId)}: use 1–64 letters, digits, _ or -`);
  if (seed.length !== lib.crypto_sign_SEEDBYTES) throw new Error(`lease key ${keyId}: the seed must be ${lib.crypto_sign_SEEDBYTES} bytes`);
  return { keyId, secretKey: lib.crypto_sign_seed_keypair(seed).privateKey };
}

function splitSpec(spec: string, variable: string): [string, string] {
  const at = spec.indexOf(':');
  if (at <= 0) throw new Error(`${variable}: expected "<keyId>:<base64url key>"`);
  return [spec.slice(0, at), spec.slice(at + 1)];
}
