import sodium from 'libsodium-wrappers-sumo';
import { signDetached, verifyDetached } from '../signing/detached.js';
import { canonicalJson } from './canonical.js';
import { LEASE_FORMAT, licenceLeaseSchema, signedLeaseSchema, type LicenceLease, type SignedLease } from './lease.js';

/**
 * Ed25519 signing and verification of licence leases. Pure: no Node built-ins, so the desktop app
 * verifies offline with exactly this code.
 *
 * The signed message is a domain-separation prefix plus the canonical JSON (shared/signing), so a
 * lease signature can never be replayed as a signature over some other kind of statement made with
 * the same key.
 */

export async function leaseCrypto(): Promise<typeof sodium> {
  await sodium.ready;
  return sodium;
}

export interface LeaseSigningKey {
  keyId: string;
  /** 64-byte libsodium Ed25519 secret key (seed followed by public key). */
  secretKey: Uint8Array;
}

export type LeaseVerification =
  | { ok: true; lease: LicenceLease }
  | { ok: false; reason: 'malformed' | 'unknown-key' | 'bad-signature' | 'invalid-content' };

export function signLease(lib: typeof sodium, lease: LicenceLease, key: LeaseSigningKey): SignedLease {
  if (lease.keyId !== key.keyId) throw new Error('lease.keyId must name the signing key');
  const checked = licenceLeaseSchema.parse(lease);
  const payload = canonicalJson(checked);
  return {
    format: LEASE_FORMAT,
    keyId: key.keyId,
    payload,
    signature: signDetached(lib, LEASE_FORMAT, payload, key.secretKey),
  };
}

/**
 * Verifies a signed lease against the published public keys (keyId → 32-byte key). Anything that is
 * not exactly what the service signed — one changed byte, another key, a re-ordered payload — fails.
 */
export function verifyLease(
  lib: typeof sodium,
  candidate: unknown,
  publicKeys: ReadonlyMap<string, Uint8Array>,
): LeaseVerification {
  const envelope = signedLeaseSchema.safeParse(candidate);
  if (!envelope.success) return { ok: false, reason: 'malformed' };
  const publicKey = publicKeys.get(envelope.data.keyId);
  if (!publicKey) return { ok: false, reason: 'unknown-key' };

  const checked = verifyDetached(lib, LEASE_FORMAT, envelope.data.payload, envelope.data.signature, publicKey);
  if (checked !== 'valid') return { ok: false, reason: checked };

  // Signed bytes are trusted from here on, but still checked: a key compromise of one field
  // format must not become a crash on the device.
  let parsed: unknown;
  try {
    parsed = JSON.parse(envelope.data.payload);
  } catch {
    return { ok: false, reason: 'invalid-content' };
  }
  const lease = licenceLeaseSchema.safeParse(parsed);
  if (!lease.success || lease.data.keyId !== envelope.data.keyId || canonicalJson(lease.data) !== envelope.data.payload) {
    return { ok: false, reason: 'invalid-content' };
  }
  return { ok: true, lease: lease.data };
}

export function decodePublicKey(lib: typeof sodium, base64url: string): Uint8Array {
  const key = lib.from_base64(base64url, lib.base64_variants.URLSAFE_NO_PADDING);
  if (key.length !== lib.crypto_sign_PUBLICKEYBYTES) throw new Error('not an Ed25519 public key');
  return key;
}

export function encodeKey(lib: typeof sodium, key: Uint8Array): string {
  return lib.to_base64(key, lib.base64_variants.URLSAFE_NO_PADDING);
}
