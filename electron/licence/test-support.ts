import { encodeKey, leaseCrypto, signLease } from '../../shared/licence/sign.js';
import type { LicenceLease, SignedLease } from '../../shared/licence/lease.js';
import type { KeyValueStorage } from './key-value-storage.js';
import type { DeviceIdentity } from './lease-verifier.js';

/** For tests only: the real storage is the encrypted store. */
export class MemoryStorage implements KeyValueStorage {
  readonly values = new Map<string, string>();
  async get(key: string) {
    return this.values.get(key) ?? null;
  }
  async set(key: string, value: string) {
    this.values.set(key, value);
  }
  async delete(key: string) {
    this.values.delete(key);
  }
}

export const identity: DeviceIdentity = {
  organisationId: '0193a6f0-0000-7000-8000-000000000002',
  userId: '0193a6f0-0000-7000-8000-000000000003',
  deviceId: '0193a6f0-0000-7000-8000-000000000004',
};

export function leaseOf(overrides: Partial<LicenceLease> = {}): LicenceLease {
  return {
    format: 'thuisdossier-lease/1',
    leaseId: '0193a6f0-0000-7000-8000-000000000001',
    ...identity,
    plan: 'team-2-4',
    seats: 4,
    status: 'active',
    blockReason: null,
    exportAllowed: true,
    issuedAt: '2026-11-24T09:00:00.000Z',
    validUntil: '2026-12-08T09:00:00.000Z',
    keyId: 'k1',
    ...overrides,
  };
}

/** A signing key as the service holds it, and the public half as the app ships it. */
export async function testSigner() {
  const lib = await leaseCrypto();
  const pair = lib.crypto_sign_keypair();
  return {
    shippedKeys: { k1: encodeKey(lib, pair.publicKey) },
    sign: (lease: LicenceLease): SignedLease => signLease(lib, lease, { keyId: 'k1', secretKey: pair.privateKey }),
  };
}
