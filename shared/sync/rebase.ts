import type { OpaqueValue } from './opaque-value.js';
import { sameValue } from './opaque-value.js';
import type { Conflict, Mutation, MutationResult, RejectReason, RowChange } from './protocol.js';
import { clockOf, isDeleted, valueOf, type RowState } from './row-state.js';
import { lockFields, narrativeFields, tombstoneField } from './tables.js';

/**
 * The device side of sync, pure (docs/sync.md "On the device"). A device keeps per row:
 * - the shadow: the server's version as last pulled (values, clocks, its seq — the store's
 *   `server_seq`); for a row without pending changes the row itself is its shadow;
 * - the pending mutations of that row, in outbox order.
 * What the row shows is always the shadow with the pending changes replayed on top. A pull replaces
 * the shadow and replays; a push answer settles one mutation and replays the rest. So a download
 * never overwrites a local change, and a refused change disappears from the row only because it
 * moved to a place where the user sees it (the rejected-changes list).
 *
 * Pending mutations keep the base they were made on. Rebasing never rewrites a base: the base is
 * what the person saw when typing, and the hub needs exactly that to tell a fast-forward from a
 * concurrent edit.
 */
export interface ShadowRow extends RowState {
  /** The server sequence of this version. */
  readonly seq: number;
  /**
   * Fields a push answer confirmed after this version was pulled, with the sequence of the version
   * that holds them (newer than `seq`). A field's version is then known from `fieldSeqs[field] ?? seq`;
   * the restore procedure needs that to tell a lost version from a stale one (restore.ts).
   */
  readonly fieldSeqs?: Readonly<Record<string, number>>;
}

/** The sequence of the hub version in which the device learned this field's current value. */
export function fieldSeqOf(shadow: ShadowRow, field: string): number {
  return shadow.fieldSeqs?.[field] ?? shadow.seq;
}

/** The shadow with the pending changes on top, in order; null for a row neither the server nor a pending insert has. */
export function overlayPending(shadow: RowState | null, pending: readonly Pick<Mutation, 'changes'>[]): RowState | null {
  if (shadow === null && pending.length === 0) return null;
  const values: Record<string, OpaqueValue> = { ...(shadow?.values ?? {}) };
  const clocks: Record<string, string> = { ...(shadow?.clocks ?? {}) };
  for (const mutation of pending) {
    for (const change of mutation.changes) {
      values[change.field] = change.value;
      clocks[change.field] = change.hlc;
    }
  }
  return { values, clocks };
}

/** What the UI should say about a row a pull changed under pending local changes. */
export type RebaseNotice =
  /** Deleted on another device: the pending edits will come back as `edited_after_delete` conflicts. */
  | { readonly kind: 'deleted_elsewhere'; readonly fields: readonly string[] }
  /** Signed off or locked elsewhere: the pending edits will be refused; offer "add as addendum". */
  | { readonly kind: 'locked_elsewhere'; readonly fields: readonly string[] }
  /** Clinical text changed elsewhere under a pending edit: both versions will be kept as a conflict. */
  | { readonly kind: 'text_changed_elsewhere'; readonly field: string; readonly serverValue: OpaqueValue; readonly localValue: OpaqueValue };

export interface RebaseResult {
  /** Store as the row's server version (values, clocks, server_seq). */
  readonly shadow: ShadowRow;
  /** Store as the row the user sees. */
  readonly visible: RowState;
  /** Fields where a pending local value stays on top of a different server value. */
  readonly keptLocal: readonly string[];
  readonly notices: readonly RebaseNotice[];
}

/**
 * Applies one pulled row version to a local row with (possibly no) pending mutations. The incoming
 * version becomes the shadow; pending fields stay on top. `previous` is the shadow before, used only
 * to tell which changes are news (a notice is given once, when the server changes under the edit).
 */
export function rebaseRow(incoming: RowChange, pending: readonly Mutation[], previous: RowState | null = null): RebaseResult {
  const shadow: ShadowRow = { values: incoming.values, clocks: incoming.clocks, seq: incoming.seq };
  const visible = overlayPending(shadow, pending)!;
  const pendingFields = [...new Set(pending.flatMap((mutation) => mutation.changes.map((change) => change.field)))];
  const keptLocal = pendingFields.filter((field) => !sameValue(valueOf(shadow, field), valueOf(visible, field)));
  const notices: RebaseNotice[] = [];
  if (pendingFields.length === 0) return { shadow, visible, keptLocal, notices };

  const newsOf = (field: string) => previous === null || clockOf(previous, field) !== clockOf(shadow, field);
  const pendingContent = pendingFields.filter((field) => field !== tombstoneField && !lockFields(incoming.table).includes(field));
  if (isDeleted(shadow) && newsOf(tombstoneField) && !pendingFields.includes(tombstoneField) && pendingContent.length > 0) {
    notices.push({ kind: 'deleted_elsewhere', fields: pendingContent });
  }
  const newLock = lockFields(incoming.table).some((field) => valueOf(shadow, field) !== null && newsOf(field) && !pendingFields.includes(field));
  if (newLock && pendingContent.length > 0) notices.push({ kind: 'locked_elsewhere', fields: pendingContent });
  for (const field of narrativeFields(incoming.table)) {
    if (keptLocal.includes(field) && newsOf(field)) {
      notices.push({ kind: 'text_changed_elsewhere', field, serverValue: valueOf(shadow, field), localValue: valueOf(visible, field) });
    }
  }
  return { shadow, visible, keptLocal, notices };
}

/** A change the hub refused, kept on the device and shown (e.g. with "add as addendum"). */
export interface RejectedChange {
  readonly mutation: Mutation;
  readonly reason: RejectReason;
  readonly message: string;
}

export interface SettledMutation {
  /** The row's new shadow (unchanged unless the hub stored this mutation exactly). */
  readonly shadow: ShadowRow | null;
  /** Set when the hub refused the mutation: keep it in the rejected-changes list. */
  readonly rejected: RejectedChange | null;
  /** Narrative versions that did not become current: store and show on the conflict screen. */
  readonly conflicts: readonly Conflict[];
}

/**
 * What the device stores when the answer to one pushed mutation arrives, in the same transaction
 * that removes the mutation from the outbox. Afterwards the row shows
 * `overlayPending(shadow, remaining pending)`.
 *
 * The fields the hub confirms holding exactly as sent (all of them for `applied`, the listed ones
 * for `merged` and `conflict`) move into the shadow, so the row keeps showing them — but only if the
 * shadow is older than the answer's version: a retried push can answer long after a pull already
 * brought a newer version. Everything else the row's current state holds is in the shadow already
 * or arrives in the next pull (a change that altered the row got a sequence number after the
 * device's cursor).
 *
 * `epochChanged`: the push answer names another server epoch than the device's cursor (the hub was
 * restored). Sequence numbers of two epochs do not compare, so `applied` always updates the shadow —
 * the shadow must hold everything the hub confirmed, because the restore procedure re-offers what
 * the hub lost from exactly those shadows (restore.ts), which the device runs before its next pull.
 */
export function settleMutation(shadow: ShadowRow | null, mutation: Mutation, result: MutationResult, epochChanged = false): SettledMutation {
  if (result.mutationId !== mutation.mutationId) throw new Error(`answer for ${result.mutationId} settles ${mutation.mutationId}`);
  switch (result.status) {
    case 'applied':
      return { shadow: confirm(shadow, mutation, mutation.changes.map((c) => c.field), result.seq, epochChanged), rejected: null, conflicts: [] };
    case 'merged':
      return { shadow: confirm(shadow, mutation, result.applied, result.seq, epochChanged), rejected: null, conflicts: [] };
    case 'conflict':
      return { shadow: confirm(shadow, mutation, result.applied, result.seq, epochChanged), rejected: null, conflicts: result.conflicts };
    case 'rejected':
      return { shadow, rejected: { mutation, reason: result.reason, message: result.message }, conflicts: [] };
  }
}

/**
 * The shadow with the fields the hub confirmed holding exactly as this mutation sent them. A row
 * first created by this mutation is exactly that version; otherwise the other fields are still the
 * older version's, so the shadow keeps its older seq and the next pull brings the rest.
 */
function confirm(shadow: ShadowRow | null, mutation: Mutation, confirmed: readonly string[], seq: number, epochChanged: boolean): ShadowRow | null {
  // Per field: a version the device already knows from a later sequence must not be rolled back.
  const fields = epochChanged || shadow === null ? confirmed : confirmed.filter((field) => fieldSeqOf(shadow, field) < seq);
  if (fields.length === 0) return shadow;
  const values: Record<string, OpaqueValue> = { ...(shadow?.values ?? {}) };
  const clocks: Record<string, string> = { ...(shadow?.clocks ?? {}) };
  for (const change of mutation.changes) {
    if (!fields.includes(change.field)) continue;
    values[change.field] = change.value;
    clocks[change.field] = change.hlc;
  }
  const createdHere = shadow === null && mutation.op === 'insert' && confirmed.length === mutation.changes.length;
  if (createdHere) return { values, clocks, seq };
  const fieldSeqs: Record<string, number> = { ...(shadow?.fieldSeqs ?? {}) };
  for (const field of fields) fieldSeqs[field] = seq;
  return { values, clocks, seq: shadow?.seq ?? 0, fieldSeqs };
}
