/**
 * When the app looks for an update. Offline is the normal case for a nurse on the road, so no
 * network means "not now", silently. A check at most every few hours; once an update is verified
 * and waiting for the next quit, no further checks (one pending install is enough).
 */
export const UPDATE_CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

export type UpdateCheckDecision = 'check' | 'offline' | 'too-soon' | 'busy' | 'update-waiting';

export function decideUpdateCheck(state: {
  online: boolean;
  now: number;
  lastCheckAt: number | null;
  checking: boolean;
  updateWaiting: boolean;
  intervalMs?: number;
}): UpdateCheckDecision {
  if (state.updateWaiting) return 'update-waiting';
  if (state.checking) return 'busy';
  if (!state.online) return 'offline';
  if (state.lastCheckAt !== null && state.now - state.lastCheckAt < (state.intervalMs ?? UPDATE_CHECK_INTERVAL_MS)) return 'too-soon';
  return 'check';
}
