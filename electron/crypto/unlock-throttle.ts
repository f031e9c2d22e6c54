/**
 * Growing delay after wrong passwords, and a hard stop after `maxFailures` until an online sign-in.
 * Pure: the key file persists the counters, so restarting the app does not reset them.
 *
 * Honest limit: someone who copies the key file can try passwords offline at Argon2id speed; this
 * throttle protects against guessing at the unlock screen, Argon2id against the copied file.
 */
export interface UnlockAttempts {
  failedAttempts: number;
  lastFailureAt: number | null;
  requiresOnlineSignIn: boolean;
}

export const maxFailedUnlocks = 10;
export const noFailures: UnlockAttempts = { failedAttempts: 0, lastFailureAt: null, requiresOnlineSignIn: false };

/** No delay for the first two slips; then 1, 2, 4 … seconds, at most 5 minutes. */
export function delayAfterFailures(failures: number): number {
  if (failures < 3) return 0;
  return Math.min(1000 * 2 ** (failures - 3), 5 * 60 * 1000);
}

export type UnlockVerdict = { allowed: true } | { allowed: false; reason: 'wait'; retryAfterMs: number } | { allowed: false; reason: 'online_sign_in_required' };

export function mayTryUnlock(state: UnlockAttempts, nowMs: number): UnlockVerdict {
  if (state.requiresOnlineSignIn) return { allowed: false, reason: 'online_sign_in_required' };
  if (state.lastFailureAt === null) return { allowed: true };
  const delay = delayAfterFailures(state.failedAttempts);
  const waitUntil = state.lastFailureAt + delay;
  // Capped at the delay itself: a clock set back after a failure must not lock the user out for days.
  return nowMs < waitUntil ? { allowed: false, reason: 'wait', retryAfterMs: Math.min(waitUntil - nowMs, delay) } : { allowed: true };
}

export function afterFailure(state: UnlockAttempts, nowMs: number): UnlockAttempts {
  const failedAttempts = state.failedAttempts + 1;
  return { failedAttempts, lastFailureAt: nowMs, requiresOnlineSignIn: failedAttempts >= maxFailedUnlocks };
}
