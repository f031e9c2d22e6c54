import { compareHlc, hlcDefaultMaxDriftMs, HlcError, parseHlc } from './hlc.js';
import { sameValue, type OpaqueValue } from './opaque-value.js';
import { conflictIdFor, type Conflict, type FieldChange, type HistoryEntry, type Mutation, type MutationResult, type RejectReason } from './protocol.js';
import { clockOf, isDeleted, valueOf, type ServerRow } from './row-state.js';
import { fieldMergeClass, lockFields, narrativeFields, syncTables, tombstoneField, type MergeClass } from './tables.js';

/**
 * The hub's merge of one mutation into the current server row (docs/sync.md "Merge rules"). Pure:
 * the hub loads the row (inside its per-organisation lock), checks rights and the mutation-id log,
 * calls this, then writes `row` with a new sequence number when `changed`, appends `history` and
 * `conflicts`, closes `resolves`, and stores the answer under the mutation id.
 *
 * Field values are never interpreted: only compared for equality. Decisions rest on the registry's
 * merge classes, the field clocks (HLC) and the base the device says it saw.
 */
export interface MergeContext {
  /** The hub's wall clock in ms: a clock further ahead than `maxDriftMs` is refused. */
  readonly nowMs: number;
  readonly maxDriftMs?: number;
  /** The pushing device's HLC node: every clock in its mutations must name it. */
  readonly hlcNode: string;
}

export interface MergeRejected {
  readonly status: 'rejected';
  readonly reason: RejectReason;
  readonly field: string | null;
  readonly message: string;
}

export interface MergeAccepted {
  /**
   * applied: every changed field now holds exactly the mutation's value and clock.
   * merged: accepted, but some field holds another value or clock (a newer write, or the same value
   * written elsewhere); the device takes the server's state from its pull.
   * conflict: at least one field kept both versions.
   */
  readonly status: 'applied' | 'merged' | 'conflict';
  /** The row after the mutation; identical to the input when `changed` is false. */
  readonly row: ServerRow;
  readonly changed: boolean;
  /** Values replaced by a newer one, or incoming values that lost: never discarded. */
  readonly history: readonly HistoryEntry[];
  readonly conflicts: readonly Conflict[];
  /** Fields that now hold exactly this mutation's value and clock (all of them when `applied`). */
  readonly applied: readonly string[];
  /** Fields of this mutation whose value did not become current (lost to a newer write). */
  readonly superseded: readonly string[];
  /** Conflict ids the mutation settles; the hub closes those that belong to this row. */
  readonly resolves: readonly string[];
}

export type MergeOutcome = MergeRejected | MergeAccepted;

export function mergeMutation(current: ServerRow | null, mutation: Mutation, context: MergeContext): MergeOutcome {
  const spec = syncTables[mutation.table];
  if (spec.direction === 'pull-only') return reject('read_only_table', null, `${mutation.table} changes through the admin API only`);

  const classes = new Map<string, MergeClass | 'tombstone'>();
  for (const change of mutation.changes) {
    const mergeClass = fieldMergeClass(mutation.table, change.field);
    if (!mergeClass) return reject('unknown_field', change.field, `${mutation.table} has no field ${change.field}`);
    classes.set(change.field, mergeClass);
    const clockProblem = checkClock(change.hlc, context, mutation.reseed === true);
    if (clockProblem) return reject('clock_invalid', change.field, clockProblem);
  }

  if (current === null) return createRow(mutation);
  return mergeIntoRow(current, mutation, classes);
}

/** The protocol answer for a merge outcome; `seq` is the server sequence of the row's current version. */
export function mutationResultFor(mutationId: string, outcome: MergeOutcome, seq: number): MutationResult {
  switch (outcome.status) {
    case 'rejected':
      return { mutationId, status: 'rejected', reason: outcome.reason, field: outcome.field, message: outcome.message };
    case 'applied':
      return { mutationId, status: 'applied', seq };
    case 'merged':
      return { mutationId, status: 'merged', seq, applied: [...outcome.applied], superseded: [...outcome.superseded] };
    case 'conflict':
      return { mutationId, status: 'conflict', seq, applied: [...outcome.applied], conflicts: [...outcome.conflicts] };
  }
}

function createRow(mutation: Mutation): MergeOutcome {
  const spec = syncTables[mutation.table];
  if (mutation.op !== 'insert') return reject('row_missing', null, `no ${mutation.table} row ${mutation.rowId} to ${mutation.op}`);
  if (mutation.table === 'clients' && mutation.clientId !== null && mutation.clientId !== mutation.rowId) {
    return reject('scope_mismatch', 'clientId', 'a dossier row names itself as its client');
  }
  if (spec.clientScoped) {
    const clientChange = mutation.changes.find((change) => change.field === 'clientId');
    if (mutation.clientId === null || !clientChange || clientChange.value !== mutation.clientId) {
      return reject('scope_mismatch', 'clientId', 'the row and the mutation name different dossiers');
    }
  }
  if (!spec.deletable && mutation.changes.some((c) => c.field === tombstoneField && c.value !== null)) {
    return reject('not_deletable', tombstoneField, `${mutation.table} rows are not deleted through sync`);
  }
  const values: Record<string, OpaqueValue> = {};
  const clocks: Record<string, string> = {};
  for (const change of mutation.changes) {
    values[change.field] = change.value;
    clocks[change.field] = change.hlc;
  }
  const row: ServerRow = {
    table: mutation.table,
    id: mutation.rowId,
    organisationId: mutation.organisationId,
    clientId: spec.clientScoped ? mutation.clientId : mutation.table === 'clients' ? mutation.rowId : null,
    values,
    clocks,
  };
  const applied = mutation.changes.map((change) => change.field);
  return { status: 'applied', row, changed: true, history: [], conflicts: [], applied, superseded: [], resolves: unique(mutation.resolves ?? []) };
}

function mergeIntoRow(current: ServerRow, mutation: Mutation, classes: Map<string, MergeClass | 'tombstone'>): MergeOutcome {
  const problem = validateAgainstRow(current, mutation, classes);
  if (problem) return problem;

  const values: Record<string, OpaqueValue> = { ...current.values };
  const clocks: Record<string, string> = { ...current.clocks };
  const history: HistoryEntry[] = [];
  const conflicts: Conflict[] = [];
  const superseded: string[] = [];
  const applied: string[] = [];
  let changed = false;
  let exact = true;
  const set = (field: string, value: OpaqueValue, hlc: string) => {
    values[field] = value;
    clocks[field] = hlc;
    changed = true;
    applied.push(field);
  };
  const keepOld = (field: string, supersededBy: string) => {
    const old = valueOf(current, field);
    if (old !== null) history.push({ field, value: old, hlc: clockOf(current, field), supersededBy });
  };

  // The tombstone first, so a "restore and edit" mutation edits a live row.
  const ordered = [...mutation.changes].sort((a, b) => Number(b.field === tombstoneField) - Number(a.field === tombstoneField));
  for (const change of ordered) {
    const mergeClass = classes.get(change.field)!;
    const currentClock = clocks[change.field] ?? null;
    const currentValue = values[change.field] ?? null;
    // The same write again (a retried push whose answer was lost): nothing to do.
    if (currentClock === change.hlc && sameValue(currentValue, change.value)) {
      applied.push(change.field);
      continue;
    }

    if (mergeClass === 'immutable' || mergeClass === 'lock') {
      // Validation let through only "equal" or "lock set for the first time".
      if (sameValue(currentValue, change.value)) exact = false;
      else set(change.field, change.value, change.hlc);
      continue;
    }

    if (mergeClass === 'tombstone') {
      const deletedNow = currentValue !== null;
      if (change.value !== null && deletedNow) exact = false; // deleted already: the first delete stands
      else if (change.value === null && !deletedNow) exact = false; // not deleted: nothing to restore
      else set(change.field, change.value, change.hlc);
      continue;
    }

    const equal = sameValue(currentValue, change.value);
    const deleted = isDeleted({ values, clocks });

    if (mergeClass === 'structured') {
      const newer = currentClock === null || compareHlc(parseHlc(change.hlc), parseHlc(currentClock)) > 0;
      if (equal) {
        // Same value: keep the later clock, so the row does not depend on the order of arrival.
        if (newer) set(change.field, change.value, change.hlc);
        else exact = false;
      } else if (deleted) {
        conflicts.push(conflictOf('edited_after_delete', current, mutation, change, currentValue, currentClock));
        exact = false;
      } else if (newer) {
        keepOld(change.field, change.hlc);
        set(change.field, change.value, change.hlc);
      } else {
        history.push({ field: change.field, value: change.value, hlc: change.hlc, supersededBy: currentClock! });
        superseded.push(change.field);
        exact = false;
      }
      continue;
    }

    if (equal) {
      // The same text typed elsewhere: nothing to merge; the hub's clock stays, the device learns it on pull.
      exact = false;
      continue;
    }

    if (deleted) {
      // Delete wins over a concurrent edit, but the edit is kept where a person will see it.
      conflicts.push(conflictOf('edited_after_delete', current, mutation, change, currentValue, currentClock));
      exact = false;
      continue;
    }

    // Narrative: only a change made on top of the current version replaces it.
    const sawCurrent = change.baseHlc === currentClock || sameValue(change.baseValue, currentValue);
    if (sawCurrent) {
      keepOld(change.field, change.hlc);
      set(change.field, change.value, change.hlc);
    } else {
      conflicts.push(conflictOf('concurrent_edit', current, mutation, change, currentValue, currentClock));
      exact = false;
    }
  }

  const row: ServerRow = changed ? { ...current, values, clocks } : current;
  const status = conflicts.length > 0 ? 'conflict' : exact ? 'applied' : 'merged';
  return { status, row, changed, history, conflicts, applied, superseded, resolves: unique(mutation.resolves ?? []) };
}

/** Everything that refuses the whole mutation, checked before anything is applied (a mutation is all or nothing). */
function validateAgainstRow(current: ServerRow, mutation: Mutation, classes: Map<string, MergeClass | 'tombstone'>): MergeRejected | null {
  const spec = syncTables[mutation.table];
  if (current.organisationId !== mutation.organisationId) return reject('scope_mismatch', null, 'the row belongs to another organisation');
  if (spec.clientScoped && current.clientId !== mutation.clientId) return reject('scope_mismatch', 'clientId', 'the row belongs to another dossier');

  const locks = lockFields(mutation.table);
  const locked = locks.some((field) => valueOf(current, field) !== null);
  let setsLock = false;

  for (const change of mutation.changes) {
    const mergeClass = classes.get(change.field)!;
    const currentValue = valueOf(current, change.field);
    const unchanged = sameValue(currentValue, change.value);
    switch (mergeClass) {
      case 'immutable':
        if (!unchanged) return reject('immutable_field', change.field, `${change.field} is set once`);
        break;
      case 'lock':
        if (currentValue !== null && !unchanged) return reject('record_locked', change.field, `${change.field} is set and stays set`);
        if (currentValue === null && change.value !== null) setsLock = true;
        break;
      case 'tombstone': {
        const deleting = change.value !== null && currentValue === null;
        const restoring = change.value === null && currentValue !== null;
        if ((deleting || restoring) && locked) return reject('record_locked', change.field, 'a locked row is neither deleted nor restored');
        if (deleting && !spec.deletable) return reject('not_deletable', change.field, `${mutation.table} rows are not deleted through sync`);
        if (deleting) {
          // Deleting text the user has not seen would make it vanish without anyone deciding so.
          const unseen = narrativeFields(mutation.table).find((field) => seenClock(mutation, field) !== clockOf(current, field));
          if (unseen) return reject('stale_base', unseen, `${unseen} changed after this device last saw it`);
        }
        if (restoring && change.baseHlc !== clockOf(current, tombstoneField)) {
          return reject('stale_base', change.field, 'the row was deleted again after this device saw it');
        }
        break;
      }
      default:
        if (locked && !unchanged) return reject('record_locked', change.field, 'the row is signed off or locked; add an addendum instead');
    }
  }

  if (setsLock) {
    // Signing or locking freezes exactly the version the person looked at: every content field
    // (and the tombstone) must be as the device saw it, through its own base or through `seen`.
    const contentFields = [...Object.keys(spec.fields).filter((field) => spec.fields[field] !== 'immutable'), tombstoneField];
    for (const field of contentFields) {
      const change = mutation.changes.find((c) => c.field === field);
      if (change && classes.get(field) === 'lock') continue;
      const saw = change ? change.baseHlc : seenClock(mutation, field);
      if (saw !== clockOf(current, field)) return reject('stale_base', field, `${field} changed after this device last saw it; review before signing or locking`);
    }
  }
  return null;
}

function seenClock(mutation: Mutation, field: string): string | null {
  const change = mutation.changes.find((c) => c.field === field);
  if (change) return change.baseHlc;
  const seen = mutation.seen;
  return seen && Object.prototype.hasOwnProperty.call(seen, field) ? (seen[field] ?? null) : null;
}

/** A reseed re-offers versions other devices made, so their clocks name other nodes. */
function checkClock(text: string, context: MergeContext, reseed: boolean): string | null {
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

function conflictOf(
  kind: Conflict['kind'],
  current: ServerRow,
  mutation: Mutation,
  change: FieldChange,
  keptValue: OpaqueValue,
  keptClock: string | null,
): Conflict {
  return {
    conflictId: conflictIdFor(mutation.mutationId, change.field),
    kind,
    table: mutation.table,
    rowId: current.id,
    clientId: current.clientId,
    field: change.field,
    kept: { value: keptValue, hlc: keptClock },
    incoming: { value: change.value, hlc: change.hlc, mutationId: mutation.mutationId },
  };
}

function reject(reason: RejectReason, field: string | null, message: string): MergeRejected {
  return { status: 'rejected', reason, field, message };
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}
