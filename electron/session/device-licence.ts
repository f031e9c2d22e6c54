import { createLeaseVerifier, type DeviceIdentity, type ShippedLeaseKeys } from '../licence/lease-verifier.js';
import { LicenceService } from '../licence/licence-service.js';
import type { LocalStore } from '../store/index.js';
import { DeviceValues } from '../sync/device-values.js';
import { wipeDeviceData } from './wipe-device.js';

/**
 * The licence service of this device's account: leases kept in the encrypted store, verified with
 * the configured keys and checked to be made out to this organisation, user and device. When the
 * agreement ended, its wipe is the same secure wipe as a revoked device's (wipeDeviceData): store,
 * documents and device backups overwritten and removed, the account file gone, a wipe notice left.
 * `onWiped` tells the caller, so the window can move to the sign-in screen at once.
 */
export async function deviceLicence(
  store: LocalStore,
  dataDir: string,
  keys: ShippedLeaseKeys,
  identity: DeviceIdentity,
  onWiped: () => void = () => undefined,
): Promise<LicenceService> {
  return new LicenceService({
    storage: new DeviceValues(() => store.connection).asKeyValueStorage(),
    verify: await createLeaseVerifier(keys, identity),
    wiper: {
      wipe: async () => {
        await wipeDeviceData(store, dataDir, 'account_ended');
        onWiped();
      },
    },
  });
}
