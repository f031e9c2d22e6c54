import { decodePublicKey, leaseCrypto } from '../../shared/licence/sign.js';
import { verifyWipeOrder, type WipeOrder } from '../../shared/licence/wipe-order.js';
import type { DeviceIdentity, ShippedLeaseKeys } from '../licence/lease-verifier.js';

/**
 * A wipe order counts only when it verifies with the lease keys this app trusts (configured or
 * shipped, never fetched) and is made out to this very device; anything else is ignored, so an
 * impostor on the network cannot make a laptop delete its dossiers.
 */
export async function verifiedWipeOrder(candidate: unknown, keys: ShippedLeaseKeys, device: DeviceIdentity): Promise<WipeOrder | null> {
  const lib = await leaseCrypto();
  const publicKeys = new Map(Object.entries(keys).map(([keyId, key]) => [keyId, decodePublicKey(lib, key)]));
  return verifyWipeOrder(lib, candidate, publicKeys, device);
}
