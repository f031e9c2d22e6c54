import { signWipeOrder, type SignedWipeOrder } from '../../shared/licence/wipe-order.js';
import { findDevice } from '../accounts/devices.js';
import type { ServiceContext } from '../context.js';
import { HttpError } from '../http/httpError.js';

/**
 * A session ended because its device was revoked: the device hears 403 `device_revoked` with a
 * signed wipe order instead of a plain 401, so it deletes its local copy of the dossiers at its
 * next sync (it would otherwise keep them, locked, until the offline lease ran out).
 * Null when the session ended for another reason (sign-out, password change, expiry).
 */
export async function revokedDeviceRefusal(
  context: ServiceContext,
  session: { organisationId: string; userId: string; deviceId: string | null },
): Promise<HttpError | null> {
  if (!session.deviceId) return null;
  const device = await findDevice(context.database.db, session.organisationId, session.userId, session.deviceId);
  if (!device?.revokedAt) return null;
  const order: SignedWipeOrder = signWipeOrder(
    context.lib,
    {
      format: 'thuisdossier-wipe/1',
      organisationId: session.organisationId,
      userId: session.userId,
      deviceId: session.deviceId,
      reason: 'device_revoked',
      issuedAt: context.now().toISOString(),
      keyId: context.leaseKeys.signing.keyId,
    },
    context.leaseKeys.signing,
  );
  return new HttpError(403, 'device_revoked', 'This device was signed out by an admin; its local data must be wiped.', { wipeOrder: order });
}
