import type { LicenceLease } from '../../shared/licence/lease.js';
import { decodePublicKey, leaseCrypto, verifyLease, type LeaseVerification } from '../../shared/licence/sign.js';

/** Who this device is: a lease made out to another user, device or organisation is no lease here. */
export interface DeviceIdentity {
  organisationId: string;
  userId: string;
  deviceId: string;
}

export type DeviceLeaseVerification =
  | { ok: true; lease: LicenceLease }
  | { ok: false; reason: Extract<LeaseVerification, { ok: false }>['reason'] | 'other-device' };

/** Public keys shipped with the app (keyId → base64url Ed25519 key), as the service publishes them. */
export type ShippedLeaseKeys = Readonly<Record<string, string>>;

/**
 * Checks a signed lease offline with the keys shipped in the app, then checks it is meant for this
 * device. Built once (libsodium must load first); `verify` itself is synchronous and never throws.
 */
export async function createLeaseVerifier(shippedKeys: ShippedLeaseKeys, identity: DeviceIdentity) {
  const lib = await leaseCrypto();
  const publicKeys = new Map(Object.entries(shippedKeys).map(([keyId, key]) => [keyId, decodePublicKey(lib, key)]));
  return (candidate: unknown): DeviceLeaseVerification => {
    const result = verifyLease(lib, candidate, publicKeys);
    if (!result.ok) return result;
    const { lease } = result;
    if (lease.organisationId !== identity.organisationId || lease.userId !== identity.userId || lease.deviceId !== identity.deviceId) {
      return { ok: false, reason: 'other-device' };
    }
    return result;
  };
}

export type LeaseVerifier = Awaited<ReturnType<typeof createLeaseVerifier>>;
