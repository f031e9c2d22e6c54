import { createLeaseVerifier, type DeviceIdentity, type ShippedLeaseKeys } from '../licence/lease-verifier.js';
import { LicenceService } from '../licence/licence-service.js';
import type { LocalStore } from '../store/index.js';
import { DeviceValues } from '../sync/device-values.js';

/**
 * The licence service of this device's account: leases kept in the encrypted store, verified with
 * the configured keys and checked to be made out to this organisation, user and device. When the
 * agreement ended, its wipe removes the store and its documents.
 */
export async function deviceLicence(store: LocalStore, keys: ShippedLeaseKeys, identity: DeviceIdentity): Promise<LicenceService> {
  return new LicenceService({
    storage: new DeviceValues(() => store.connection).asKeyValueStorage(),
    verify: await createLeaseVerifier(keys, identity),
    wiper: { wipe: async () => store.wipe() },
  });
}
