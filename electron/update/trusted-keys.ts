import type sodium from 'libsodium-wrappers-sumo';
import { decodePublicKey } from '../../shared/licence/sign.js';
import { parseLeaseKeys } from '../session/lease-keys.js';

/**
 * The release keys whose signature on an update manifest this app accepts, as the build baked them
 * in (`keyId:base64url[,keyId:key]`, the lease key format). Never taken from the feed: whoever
 * controls the feed could then sign their own updates. Two keys during a key change.
 */
export const UPDATE_KEYS_VARIABLE = 'THUISDOSSIER_UPDATE_PUBLIC_KEYS';

export function parseUpdateKeys(lib: typeof sodium, spec: string | undefined): Map<string, Uint8Array> {
  const keys = parseLeaseKeys(spec, UPDATE_KEYS_VARIABLE);
  return new Map(Object.entries(keys).map(([keyId, key]) => [keyId, decodePublicKey(lib, key)]));
}
