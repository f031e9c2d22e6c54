import type { ShippedLeaseKeys } from '../licence/lease-verifier.js';

/**
 * The lease public keys this app trusts, from configuration: `keyId:base64url,keyId:base64url`
 * (the format the service's THUISDOSSIER_LEASE_PUBLISHED_KEYS uses). A production build ships its
 * keys; the preview host passes the key of the demo service it started. Keys are never taken from
 * a sign-in answer: whoever could answer in the service's place could then sign their own leases.
 * The update keys (THUISDOSSIER_UPDATE_PUBLIC_KEYS, electron/update) use the same format.
 */
export function parseLeaseKeys(spec: string | undefined, variable = 'THUISDOSSIER_LEASE_PUBLIC_KEYS'): ShippedLeaseKeys {
  const keys: Record<string, string> = {};
  for (const part of (spec ?? '').split(',').map((item) => item.trim()).filter(Boolean)) {
    const at = part.indexOf(':');
    const keyId = part.slice(0, at);
    const key = part.slice(at + 1);
    if (at < 1 || !/^[A-Za-z0-9_-]{1,64}$/.test(keyId) || !/^[A-Za-z0-9_-]{43}$/.test(key)) {
      throw new Error(`${variable} must look like keyId:base64urlKey[,keyId:key]`);
    }
    keys[keyId] = key;
  }
  return keys;
}
