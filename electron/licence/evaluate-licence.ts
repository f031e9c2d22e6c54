import type { LeaseBlockReason, LeaseStatus, LicenceLease } from '../../shared/licence/lease.js';
import { judgeLeaseTime } from '../../shared/licence/time.js';

/**
 * What the device may do under a lease, decided offline (SPEC.md §3). Pure: the same lease, clock
 * and last seen time always give the same answer, so every guard and the lock screen agree.
 *
 * - none:    no lease, or one that failed verification → sign in online first.
 * - trial / active: normal work; export as the lease's exportAllowed says.
 * - blocked: lock screen with the lease's blockReason; no dossier access, no export.
 * - expired: past validUntil (the offline grace the service granted, 14 days by default), or a
 *            clock set back before the last time this device saw → go online to continue.
 * - ended:   the agreement ended: no access; local data is wiped after the final notice.
 */
export type LicenceState = 'none' | LeaseStatus | 'expired';

export type LicenceReason =
  | 'no-lease'
  | 'blocked'
  | 'ended'
  | 'lease-expired'
  | 'clock-set-back'
  | 'export-not-allowed';

/**
 * What the user can do about a refusal, for the lock screen's button and text (the renderer
 * translates it). Who pays or contacts whom follows art. 9 and 20 of the terms.
 */
export type LicenceNextStep =
  | 'sign-in-online'
  | 'go-online'
  | 'correct-clock-and-go-online'
  | 'pay-outstanding'
  | 'contact-admin'
  | 'contact-support'
  | 'none';

export interface LicenceDecision {
  state: LicenceState;
  canOpenDossiers: boolean;
  canExport: boolean;
  /** Why something is refused; null when everything is allowed. */
  reason: LicenceReason | null;
  /** The service's reason for a block, for the lock screen's wording. */
  blockReason: LeaseBlockReason | null;
  nextStep: LicenceNextStep;
  /** Only contact with the service can change this state. */
  mustGoOnline: boolean;
  /** The agreement ended: local data and documents must be wiped (after the final notice). */
  mustWipe: boolean;
  validUntil: string | null;
  /** Whole days left before the lease needs renewing online; null without a usable lease. */
  offlineDaysLeft: number | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * `lease` must already be verified (signature, key, device): an unverified one is passed as null.
 * `lastSeenAt` is the latest time this device has trusted, kept in the encrypted store.
 */
export function evaluateLicence(lease: LicenceLease | null, now: Date, lastSeenAt: Date | null): LicenceDecision {
  if (!lease) return refuse('none', 'no-lease', { mustGoOnline: true });

  const base = { validUntil: lease.validUntil, blockReason: lease.blockReason };
  // The service's last word about an ended or blocked account holds whatever the clock says: an
  // expired lease must never unlock what a fresh one would refuse.
  if (lease.status === 'ended') return refuse('ended', 'ended', { ...base, mustWipe: true });

  const time = judgeLeaseTime(lease, now, lastSeenAt ?? undefined);
  if (lease.status === 'blocked') return refuse('blocked', 'blocked', { ...base, mustGoOnline: time !== 'valid' });
  if (time === 'clock-set-back') return refuse('expired', 'clock-set-back', { ...base, mustGoOnline: true });
  if (time === 'expired') return refuse('expired', 'lease-expired', { ...base, mustGoOnline: true });

  return {
    state: lease.status,
    canOpenDossiers: true,
    canExport: lease.exportAllowed,
    reason: lease.exportAllowed ? null : 'export-not-allowed',
    blockReason: null,
    nextStep: lease.exportAllowed ? 'none' : 'contact-admin',
    mustGoOnline: false,
    mustWipe: false,
    validUntil: lease.validUntil,
    offlineDaysLeft: Math.floor((Date.parse(lease.validUntil) - now.getTime()) / DAY_MS),
  };
}

/** The newer of the stored last seen time and now; a clock set back never moves it backwards. */
export function nextLastSeenAt(now: Date, lastSeenAt: Date | null): Date {
  return lastSeenAt && lastSeenAt.getTime() > now.getTime() ? lastSeenAt : now;
}

function refuse(
  state: LicenceState,
  reason: LicenceReason,
  extra: Partial<Pick<LicenceDecision, 'blockReason' | 'mustGoOnline' | 'mustWipe' | 'validUntil'>> = {},
): LicenceDecision {
  return {
    state,
    canOpenDossiers: false,
    canExport: false,
    reason,
    blockReason: extra.blockReason ?? null,
    nextStep: nextStepFor(reason, extra.blockReason ?? null),
    mustGoOnline: extra.mustGoOnline ?? false,
    mustWipe: extra.mustWipe ?? false,
    validUntil: extra.validUntil ?? null,
    offlineDaysLeft: null,
  };
}

function nextStepFor(reason: LicenceReason, blockReason: LeaseBlockReason | null): LicenceNextStep {
  switch (reason) {
    case 'no-lease':
      return 'sign-in-online';
    case 'lease-expired':
      return 'go-online';
    case 'clock-set-back':
      return 'correct-clock-and-go-online';
    case 'ended':
      return 'none';
    case 'export-not-allowed':
      return 'contact-admin';
    case 'blocked':
      if (blockReason === 'overdue' || blockReason === 'reversed-direct-debit') return 'pay-outstanding';
      if (blockReason === 'user-paused') return 'contact-admin';
      return 'contact-support';
  }
}
