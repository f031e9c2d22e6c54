import type { LicenceLease } from './lease.js';

/**
 * Whether a verified lease still holds at `now`, as the device judges it offline.
 * `lastTrustedTime` is the latest time the device has seen (from earlier leases or its own log):
 * a clock earlier than that has been set back, which must not extend an offline grace period.
 */
export type LeaseTimeVerdict = 'valid' | 'expired' | 'clock-set-back';

export const CLOCK_TOLERANCE_MS = 5 * 60 * 1000;

export function judgeLeaseTime(lease: LicenceLease, now: Date, lastTrustedTime?: Date): LeaseTimeVerdict {
  const nowMs = now.getTime();
  const floor = Math.max(Date.parse(lease.issuedAt), lastTrustedTime?.getTime() ?? 0);
  if (nowMs + CLOCK_TOLERANCE_MS < floor) return 'clock-set-back';
  if (nowMs >= Date.parse(lease.validUntil)) return 'expired';
  return 'valid';
}
