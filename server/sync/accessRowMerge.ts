import { compareHlc, hlcDefaultMaxDriftMs, HlcError, parseHlc } from '../../shared/sync/hlc.js';
import type { MergeAccepted, MergeContext, MergeOutcome, MergeRejected } from '../../shared/sync/merge.js';
import { sameValue, type OpaqueValue } from '../../shared/sync/opaque-value.js';
import type { HistoryEntry, Mutation, RejectReason } from '../../shared/sync/protocol.js';
import { clockOf, valueOf, type ServerRow } from '../../shared/sync/row-state.js';
import { fieldMergeClass } from '../../shared/sync/tables.js';

/**
 * The merge of a `dossier_access` row. The shared registry marks that table pull-only (the shared
 * merge refuses it with `read_only_table`), but the device's store writes access rows through its
 * outbox (an admin's grant; a dossier's creator granting themselves). The hub therefore accepts
 * them after its own rights check (admins; the creator's first grant) and merges them here with
 * the registry's classes: ids immutable, rights last-writer-wins by HLC with the loser in history.
 * Narrative and lock fields do not occur in this table. To be replaced by mergeMutation once the
 * registry lets the hub decide who writes rights tables.
 */
export function mergeAccessRow(current: ServerRow | null, mutation: Mutation, context: MergeContext): MergeOutcome {
  for (const change of mutation.changes) {
    const mergeClass = fieldMergeClass(mutation.table, change.field);
    if (!mergeClass) return reject('unknown_field', change.field, `${mutation.table} has no field ${change.field}`);
    const problem = clockProblem(change.hlc, context, mutation.reseed === true);
    if (problem) return reject('clock_invalid', change.field, problem);
  }
  const resolves: string[] = [];
  if (current === null) {
    if (mutation.op !== 'insert') return reject('row_missing', null, `no ${mutation.table} row ${mutation.rowId} to ${mutation.op}`);
    const clientChange = mutation.changes.find((change) => change.field === 'clientId');
    if (mutation.clientId === null || clientChange?.value !== mutation.clientId) return reject('scope_mismatch', 'clientId', 'the row and the mutation name different dossiers');
    const values: Record<string, OpaqueValue> = {};
    const clocks: Record<string, string> = {};
    for (const change of mutation.changes) {
      values[change.field] = change.value;
      clocks[change.field] = change.hlc;
    }
    const row: ServerRow = { table: mutation.table, id: mutation.rowId, organisationId: mutation.organisationId, clientId: mutation.clientId, values, clocks };
    return accepted('applied', row, true, [], mutation.changes.map((change) => change.field), [], resolves);
  }
  if (current.organisationId !== mutation.organisationId) return reject('scope_mismatch', null, 'the row belongs to another organisation');
  if (current.clientId !== mutation.clientId) return reject('scope_mismatch', 'clientId', 'the row belongs to another dossier');
  for (const change of mutation.changes) {
    if (fieldMergeClass(mutation.table, change.field) === 'immutable' && !sameValue(valueOf(current, change.field), change.value)) {
      return reject('immutable_field', change.field, `${change.field} is set once`);
    }
  }
  const values: Record<string, OpaqueValue> = { ...current.values };
  const clocks: Record<string, string> = { ...current.clocks };
  const history: HistoryEntry[] = [];
  const applied: string[] = [];
  const superseded: string[] = [];
  let changed = false;
  let exact = true;
  for (const change of mutation.changes) {
    const currentClock = clockOf(current, change.field);
    const newer = currentClock === null || compareHlc(parseHlc(change.hlc), parseHlc(currentClock)) > 0;
    const equal = sameValue(valueOf(current, change.field), change.value);
    if (newer) {
      if (!equal && valueOf(current, change.field) !== null) {
        history.push({ field: change.field, value: valueOf(current, change.field), hlc: currentClock, supersededBy: change.hlc });
      }
      values[change.field] = change.value;
      clocks[change.field] = change.hlc;
      applied.push(change.field);
      changed = true;
    } else {
      exact = false;
      if (!equal) {
        history.push({ field: change.field, value: change.value, hlc: change.hlc, supersededBy: currentClock });
        superseded.push(change.field);
      }
    }
  }
  const row = changed ? { ...current, values, clocks } : current;
  return accepted(exact ? 'applied' : 'merged', row, changed, history, applied, superseded, resolves);
}

function accepted(
  status: MergeAccepted['status'],
  row: ServerRow,
  changed: boolean,
  history: HistoryEntry[],
  applied: string[],
  superseded: string[],
  resolves: string[],
): MergeAccepted {
  return { status, row, changed, history, conflicts: [], applied, superseded, resolves };
}

function clockProblem(text: string, context: MergeContext, reseed: boolean): string | null {
  try {
    const hlc = parseHlc(text);
    if (!reseed && hlc.node !== context.hlcNode) return `clock ${text} names another device`;
    if (hlc.wallMs - context.nowMs > (context.maxDriftMs ?? hlcDefaultMaxDriftMs)) return `clock ${text} is ahead of the server`;
    return null;
  } catch (error) {
    if (error instanceof HlcError) return error.message;
    throw error;
  }
}

function reject(reason: RejectReason, field: string | null, message: string): MergeRejected {
  return { status: 'rejected', reason, field, message };
}
