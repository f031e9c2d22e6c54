import type { DeviceLeaseStatus } from '../../shared/api/admin.js';
import type { licenceLeases } from '../db/schema/index.js';

/**
 * What an admin needs to know of a device's latest lease. A revoked device keeps its last lease
 * offline until validUntil at the latest (a lease cannot be called back); 'revoked' says so.
 */
export function deviceLeaseStatus(lease: typeof licenceLeases.$inferSelect, deviceRevokedAt: Date | null, now: Date): DeviceLeaseStatus {
  const state = deviceRevokedAt !== null ? 'revoked' : lease.validUntil <= now ? 'expired' : 'valid';
  return {
    leaseId: lease.id,
    status: lease.status as DeviceLeaseStatus['status'],
    plan: lease.plan,
    issuedAt: lease.issuedAt.toISOString(),
    validUntil: lease.validUntil.toISOString(),
    state,
  };
}
