import { isRetryableRejection } from '../../shared/sync/advice.js';
import type { Mutation, MutationResult } from '../../shared/sync/protocol.js';
import { overlayPending, settleMutation } from '../../shared/sync/rebase.js';
import type { LocalRow } from './local-rows.js';
import type { SyncDb } from './sync-db.js';

export interface SettleSummary {
  settled: number;
  rejected: number;
  conflicts: number;
  /** Answers that are not final (`clock_invalid`): the mutation stays in the outbox. */
  retryLater: number;
}

/**
 * Stores the hub's answers to one pushed batch, in ONE transaction with removing the answered
 * entries from the outbox (docs/sync.md promise 1). A crash before the commit leaves the outbox as
 * it was; the batch is sent again and the hub returns the stored answers (promise 2).
 */
export function settleAnswers(sync: SyncDb, batch: readonly Mutation[], results: readonly MutationResult[], epochChanged: boolean): SettleSummary {
  const summary: SettleSummary = { settled: 0, rejected: 0, conflicts: 0, retryLater: 0 };
  const nowIso = sync.now().toISOString();
  sync.transaction(() => {
    for (const [index, result] of results.entries()) {
      const mutation = batch[index];
      if (!mutation || mutation.mutationId !== result.mutationId) throw new Error('The central service answered a different batch than was sent.');
      if (result.status === 'rejected' && isRetryableRejection(result.reason)) {
        summary.retryLater += 1;
        continue;
      }
      const pendingBefore = sync.outbox.forRow(mutation.table, mutation.rowId);
      // A retried batch may answer a mutation this device settled already (the answer got through once).
      if (!pendingBefore.some((m) => m.mutationId === mutation.mutationId)) continue;
      const { shadow, stored, local } = sync.shadows.lookup(mutation.table, mutation.rowId, pendingBefore);
      const settled = settleMutation(shadow, mutation, result, epochChanged);
      sync.outbox.remove(mutation.mutationId);
      if (settled.rejected) {
        sync.keepRejected(settled.rejected);
        summary.rejected += 1;
      }
      for (const conflict of settled.conflicts) sync.keepConflict(conflict, 'open', null);
      summary.conflicts += settled.conflicts.length;
      const remaining = pendingBefore.filter((m) => m.mutationId !== mutation.mutationId);
      showRow(sync, mutation, settled.shadow, remaining, nowIso, local);
      sync.shadows.save(mutation.table, mutation.rowId, settled.shadow, remaining.length, stored);
      summary.settled += 1;
    }
  });
  return summary;
}

/** The row shows the shadow with the remaining pending changes on top; a refused insert leaves nothing to show. */
function showRow(sync: SyncDb, mutation: Mutation, shadow: ReturnType<typeof settleMutation>['shadow'], remaining: readonly Mutation[], nowIso: string, local: LocalRow | null | undefined): void {
  if (shadow === null && remaining.length > 0) return; // still only local: the row stays as it is
  const visible = overlayPending(shadow, remaining);
  if (visible === null) {
    // The hub refused the row's creation: its text is in the refused list, the row itself goes.
    sync.rows.delete(mutation.table, mutation.rowId);
    return;
  }
  sync.rows.writeChanged(mutation.table, mutation.rowId, mutation.organisationId, visible, shadow?.seq ?? null, nowIso, local);
}
