import type { RejectReason } from './protocol.js';

/**
 * What the device tells the user about a refused change, and what it offers. The refused text is
 * always kept on the device (rebase.ts `RejectedChange`); this only decides the words and the
 * button. Message keys are translated in the renderer (`sync.rejected.<reason>`).
 */
export type RejectAction =
  /** The record is signed or locked: offer to add the text as an addendum. */
  | 'add_addendum'
  /** The record changed since the user saw it: show the current version, let them redo the action. */
  | 'review_and_redo'
  /** A rights or organisation matter: the text stays here; an administrator can grant access. */
  | 'contact_administrator'
  /** The computer's clock is far off: fix the clock, then sync again (the change is retried). */
  | 'fix_clock'
  /** A fault of the app, not the user: the text stays; report it (the log has the details). */
  | 'report_problem';

export const rejectActions: Readonly<Record<RejectReason, RejectAction>> = {
  record_locked: 'add_addendum',
  stale_base: 'review_and_redo',
  immutable_field: 'report_problem',
  read_only_table: 'report_problem',
  unknown_field: 'report_problem',
  not_deletable: 'report_problem',
  row_missing: 'review_and_redo',
  scope_mismatch: 'report_problem',
  forbidden: 'contact_administrator',
  clock_invalid: 'fix_clock',
  invalid: 'report_problem',
};

/**
 * Refusals that are not final: the device keeps the mutation in its outbox and retries after the
 * user acted (a corrected clock). Every other refusal settles the mutation into the rejected list.
 */
export function isRetryableRejection(reason: RejectReason): boolean {
  return reason === 'clock_invalid';
}
