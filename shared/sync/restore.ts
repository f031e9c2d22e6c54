import { sameValue } from './opaque-value.js';
import type { FieldChange } from './protocol.js';
import { fieldSeqOf, type ShadowRow } from './rebase.js';
import { clockOf, valueOf } from './row-state.js';
import { lockFields, tombstoneField, type SyncTableName } from './tables.js';

/**
 * The device's part after the hub was restored from an older backup (docs/sync.md "Failures").
 * Before pulling from the start, the device keeps its shadows: what the hub had told it. After the
 * full pull, every field the restored hub lacks (missing row, missing field, older clock) is offered
 * again with its original value and clock, in `reseed` mutations placed before the pending ones.
 */

/**
 * What the device knows about the restore, from the restored hub's pull answer and its own state.
 * `sameLine`: everything this device knew came from the epoch the backup was taken in — its cursor's
 * epoch is `server.restoredFromEpoch` and it has settled no push answer of another epoch since. Only
 * then do its sequence numbers and the backup's count along one history; otherwise the device cannot
 * tell stale from lost and offers every differing field again (at worst a conflict a person
 * settles, never an overwrite).
 */
export interface RestoreContext {
  readonly epochStartSeq: number;
  readonly sameLine: boolean;
}

/**
 * Fields whose version the device knew from the hub before (its shadow) but the restored hub does
 * not hold. Present: the same clock, or the same value. Otherwise, on the same line, the device
 * learned the field's version at some sequence (`fieldSeqOf`): at or below `epochStartSeq` the
 * backup holds that version or a later one (merely stale here); above it, the version was made
 * after the backup and is lost. Clocks cannot decide this: a text typed on top of an equal text
 * fast-forwards on the hub with a clock that may be older than the one it replaced.
 */
export function fieldsLostByRestore(knownBefore: ShadowRow, restored: ShadowRow | null, context: RestoreContext): string[] {
  return Object.keys(knownBefore.clocks).filter((field) => {
    if (restored === null) return true;
    if (clockOf(restored, field) === clockOf(knownBefore, field)) return false;
    if (sameValue(valueOf(restored, field), valueOf(knownBefore, field))) return false;
    return !context.sameLine || fieldSeqOf(knownBefore, field) > context.epochStartSeq;
  });
}

/**
 * The changes that re-offer one row's lost fields: original value and original clock (structured
 * fields then settle by HLC exactly as before the restore). The base decides narrative text: when
 * the restored row is still the backup's version on the device's own line, the lost version was
 * made on top of it, so that version is the base and the text fast-forwards; otherwise there is no
 * base, so a differing text on the hub becomes a conflict that keeps both.
 */
export function reseedChanges(knownBefore: ShadowRow, restored: ShadowRow | null, context: RestoreContext): FieldChange[] {
  const base = restored !== null && asBackupHadIt(restored, context) ? restored : null;
  return fieldsLostByRestore(knownBefore, restored, context).map((field) => ({
    field,
    value: valueOf(knownBefore, field),
    hlc: clockOf(knownBefore, field)!,
    baseValue: base ? valueOf(base, field) : null,
    baseHlc: base ? clockOf(base, field) : null,
  }));
}

/**
 * The reseed of one row as mutations' change lists, in the order to send them. A row the hub lost
 * entirely is one insert. Otherwise content first, then the tombstone, then lock fields, each its own
 * mutation with `seen` = the device's pre-restore clocks: a delete or a lock is checked against the
 * content as the hub has it by then, so restoring the text never depends on the lock being accepted
 * (a refused lock lands in the rejected list as "review and sign again").
 */
export function reseedGroups(table: SyncTableName, knownBefore: ShadowRow, restored: ShadowRow | null, context: RestoreContext): FieldChange[][] {
  const changes = reseedChanges(knownBefore, restored, context);
  if (changes.length === 0) return [];
  if (restored === null) return [changes];
  const locks = lockFields(table);
  const groups = [
    changes.filter((c) => c.field !== tombstoneField && !locks.includes(c.field)),
    changes.filter((c) => c.field === tombstoneField),
    changes.filter((c) => locks.includes(c.field)),
  ];
  return groups.filter((group) => group.length > 0);
}

function asBackupHadIt(restored: ShadowRow, context: RestoreContext): boolean {
  return context.sameLine && restored.seq <= context.epochStartSeq;
}
