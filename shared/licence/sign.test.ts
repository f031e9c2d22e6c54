import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson } from './canonical.js';
import type { LicenceLease, SignedLease } from './lease.js';
import { encodeKey, leaseCrypto, signLease, verifyLease, type LeaseSigningKey } from './sign.js';
import { judgeLeaseTime } from './time.js';

type Sodium = Awaited<ReturnType<typeof leaseCrypto>>;
let lib: Sodium;
let key: LeaseSigningKey;
let publicKeys: Map<string, Uint8Array>;

const lease: LicenceLease = {
  format: 'thuisdossier-lease/1',
  leaseId: '0193a6f0-0000-7000-8000-000000000001',
  organisationId: '0193a6f0-0000-7000-8000-000000000002',
  userId: '0193a6f0-0000-7000-8000-000000000003',
  deviceId: '0193a6f0-0000-7000-8000-000000000004',
  plan: 'team-2-4',
  seats: 4,
  status: 'active',
  blockReason: null,
  exportAllowed: true,
  issuedAt: '2026-11-24T09:00:00.000Z',
  validUntil: '2026-12-08T09:00:00.000Z',
  keyId: 'k1',
};

beforeAll(async () => {
  lib = await leaseCrypto();
  const pair = lib.crypto_sign_keypair();
  key = { keyId: 'k1', secretKey: pair.privateKey };
  publicKeys = new Map([['k1', pair.publicKey]]);
});

describe('licence lease signatures', () => {
  it('verifies with the public key and returns the lease', () => {
    const signed = signLease(lib, lease, key);
    expect(verifyLease(lib, signed, publicKeys)).toEqual({ ok: true, lease });
  });

  it('survives a JSON round trip (what the network and the local store do to it)', () => {
    const signed = JSON.parse(JSON.stringify(signLease(lib, lease, key))) as unknown;
    expect(verifyLease(lib, signed, publicKeys).ok).toBe(true);
  });

  it('fails when any single byte of the payload changes', () => {
    const signed = signLease(lib, lease, key);
    const bytes = lib.from_string(signed.payload);
    for (let index = 0; index < bytes.length; index += 1) {
      for (const flip of [0x01, 0x20, 0x80]) {
        const changed = Uint8Array.from(bytes);
        changed[index] = (changed[index] ?? 0) ^ flip;
        const payload = new TextDecoder().decode(changed);
        if (payload === signed.payload) continue; // an invalid UTF-8 byte can decode to the same replacement text
        expect(verifyLease(lib, { ...signed, payload }, publicKeys).ok, `byte ${index} ^ ${flip}`).toBe(false);
      }
    }
  });

  it('fails when any single byte of the signature changes', () => {
    const signed = signLease(lib, lease, key);
    const signature = lib.from_base64(signed.signature, lib.base64_variants.URLSAFE_NO_PADDING);
    for (let index = 0; index < signature.length; index += 1) {
      const changed = Uint8Array.from(signature);
      changed[index] = (changed[index] ?? 0) ^ 0x01;
      const tampered: SignedLease = { ...signed, signature: encodeKey(lib, changed) };
      expect(verifyLease(lib, tampered, publicKeys)).toEqual({ ok: false, reason: 'bad-signature' });
    }
  });

  it('fails with a wrong key, and with an unknown key id', () => {
    const signed = signLease(lib, lease, key);
    const other = lib.crypto_sign_keypair();
    expect(verifyLease(lib, signed, new Map([['k1', other.publicKey]]))).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyLease(lib, { ...signed, keyId: 'k2' }, publicKeys)).toEqual({ ok: false, reason: 'unknown-key' });
  });

  it('rejects a validly signed but non-canonical payload and a payload naming another key', () => {
    const pretty = JSON.stringify(lease, null, 2);
    const message = lib.from_string(`thuisdossier-lease/1\n${pretty}`);
    const signature = encodeKey(lib, lib.crypto_sign_detached(message, key.secretKey));
    expect(verifyLease(lib, { format: 'thuisdossier-lease/1', keyId: 'k1', payload: pretty, signature }, publicKeys)).toEqual({
      ok: false,
      reason: 'invalid-content',
    });
  });

  it('treats garbage as malformed, never throws', () => {
    for (const candidate of [null, 1, 'lease', {}, { format: 'thuisdossier-lease/1' }, []]) {
      expect(verifyLease(lib, candidate, publicKeys)).toEqual({ ok: false, reason: 'malformed' });
    }
    fc.assert(
      fc.property(fc.anything(), (candidate) => {
        expect(verifyLease(lib, candidate, publicKeys).ok).toBe(false);
      }),
    );
  });

  it('refuses to sign a lease whose key id names another key', () => {
    expect(() => signLease(lib, { ...lease, keyId: 'k9' }, key)).toThrow(/keyId/);
  });
});

describe('canonical JSON', () => {
  it('is independent of key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.string(), fc.boolean())), (object) => {
        const reversed = Object.fromEntries(Object.entries(object).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(object));
        expect(JSON.parse(canonicalJson(object))).toEqual(object);
      }),
    );
  });
});

describe('lease time on the device', () => {
  it('is valid before validUntil, expired at and after it', () => {
    expect(judgeLeaseTime(lease, new Date('2026-12-01T00:00:00Z'))).toBe('valid');
    expect(judgeLeaseTime(lease, new Date('2026-12-08T09:00:00Z'))).toBe('expired');
  });
  it('notices a clock set back before the issue time or the last trusted time', () => {
    expect(judgeLeaseTime(lease, new Date('2026-11-01T00:00:00Z'))).toBe('clock-set-back');
    expect(judgeLeaseTime(lease, new Date('2026-11-30T00:00:00Z'), new Date('2026-12-05T00:00:00Z'))).toBe('clock-set-back');
  });
});
