import { findDevice } from '../accounts/devices.js';
import type { ServiceContext } from '../context.js';
import type { Caller } from '../http/authenticate.js';
import { forbidden, HttpError } from '../http/httpError.js';
import { issueLease } from '../licence/issueLease.js';

/**
 * The device a sync request speaks for must be the session's own registered device: a session
 * cannot sync (or fetch leases) on behalf of another device. Returns whether it was revoked.
 */
export async function checkSyncDevice(context: ServiceContext, caller: Caller, deviceId: string | null): Promise<{ deviceId: string; revoked: boolean; lastPulledAt: Date | null }> {
  if (!caller.deviceId) throw new HttpError(400, 'invalid_request', 'This session belongs to no device; sign in from the app.');
  if (deviceId !== null && deviceId !== caller.deviceId) throw forbidden('This session belongs to another device.');
  const device = await findDevice(context.database.db, caller.organisationId, caller.userId, caller.deviceId);
  return { deviceId: caller.deviceId, revoked: !device || device.revokedAt !== null, lastPulledAt: device?.lastPulledAt ?? null };
}

/** A sync answer's lease may be one signed this long ago with the same terms (issueLease.ts). */
export const syncLeaseReuseMs = 10 * 60 * 1000;

/**
 * A lease for every sync answer, issued after the sync's own transaction (it holds no lock): the
 * current terms always, signed anew unless a lease with the same terms was signed in the last
 * ten minutes (an initial sync's pages then cost one signature and one write, not one per page).
 */
export function leaseFor(context: ServiceContext, caller: Caller, deviceId: string) {
  return issueLease(context, context.database.db, { organisationId: caller.organisationId, userId: caller.userId, deviceId, userStatus: caller.user.status }, { reuseWithinMs: syncLeaseReuseMs });
}
