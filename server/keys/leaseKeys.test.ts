import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LicenceLease } from '../../shared/licence/lease.js';
import { decodePublicKey, encodeKey, signLease, verifyLease } from '../../shared/licence/sign.js';
import { loadSodium, type Sodium } from '../crypto/sodium.js';
import { leaseKeyRingFromEnv, leaseKeyRingFromFolder, rotateLeaseKey } from './leaseKeys.js';

const lease = (keyId: string): LicenceLease => ({
  format: 'thuisdossier-lease/1',
  leaseId: '0193a6f0-0000-7000-8000-000000000001',
  organisationId: '0193a6f0-0000-7000-8000-000000000002',
  userId: '0193a6f0-0000-7000-8000-000000000003',
  deviceId: '0193a6f0-0000-7000-8000-000000000004',
  plan: 'solo-1',
  seats: 1,
  status: 'trial',
  blockReason: null,
  exportAllowed: true,
  issuedAt: '2026-11-24T09:00:00.000Z',
  validUntil: '2026-12-08T09:00:00.000Z',
  keyId,
});

describe('lease key rotation', () => {
  let lib: Sodium;
  beforeAll(async () => {
    lib = await loadSodium();
  });
  const published = (ring: ReturnType<typeof leaseKeyRingFromFolder>) =>
    new Map(ring.published.map((key) => [key.keyId, decodePublicKey(lib, key.publicKey)]));

  it('makes a key on first start and keeps it across restarts', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lease-keys-'));
    const first = leaseKeyRingFromFolder(lib, dir, () => new Date('2026-11-24T09:00:00Z'));
    const again = leaseKeyRingFromFolder(lib, dir, () => new Date('2026-11-25T09:00:00Z'));
    expect(again.signing.keyId).toBe(first.signing.keyId);
    expect(again.published).toEqual(first.published);
  });

  it('signs with the new key after rotation, and leases of the old key still verify', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lease-keys-'));
    const before = leaseKeyRingFromFolder(lib, dir, () => new Date('2026-11-24T09:00:00Z'));
    const oldLease = signLease(lib, lease(before.signing.keyId), before.signing);

    const newId = rotateLeaseKey(lib, dir, () => new Date('2026-12-01T09:00:00Z'));
    const after = leaseKeyRingFromFolder(lib, dir, () => new Date('2026-12-01T09:00:00Z'));
    expect(after.signing.keyId).toBe(newId);
    expect(after.published.map((key) => [key.keyId, key.active])).toEqual([
      [newId, true],
      [before.signing.keyId, false],
    ]);
    expect(verifyLease(lib, oldLease, published(after)).ok).toBe(true);
    expect(verifyLease(lib, signLease(lib, lease(newId), after.signing), published(after)).ok).toBe(true);
    // The old ring does not know the new key: a device must fetch the keys again.
    expect(verifyLease(lib, signLease(lib, lease(newId), after.signing), published(before))).toEqual({ ok: false, reason: 'unknown-key' });
    expect(readdirSync(dir).sort()).toEqual(['active', `${before.signing.keyId}.seed`, `${newId}.seed`].sort());
  });

  it('reads the signing key and older public keys from the environment', () => {
    const seed = lib.randombytes_buf(32);
    const older = lib.crypto_sign_keypair();
    const ring = leaseKeyRingFromEnv(lib, {
      THUISDOSSIER_LEASE_SIGNING_KEY: `k2:${encodeKey(lib, seed)}`,
      THUISDOSSIER_LEASE_PUBLISHED_KEYS: `k1:${encodeKey(lib, older.publicKey)}`,
    });
    expect(ring?.signing.keyId).toBe('k2');
    expect(ring?.published.map((key) => key.keyId)).toEqual(['k2', 'k1']);
    expect(leaseKeyRingFromEnv(lib, {})).toBeNull();
    expect(() => leaseKeyRingFromEnv(lib, { THUISDOSSIER_LEASE_SIGNING_KEY: 'no-colon' })).toThrow(/keyId/);
  });
});
