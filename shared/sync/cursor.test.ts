import { describe, expect, it } from 'vitest';
import { checkCursor, checkServerIdentity } from './cursor.js';
import { fieldsLostByRestore, reseedChanges } from './restore.js';
import { hlcAt, nodeA, nowMs } from './test-support.js';

const server = { id: 'server-1', epoch: 'epoch-2', headSeq: 100 };

describe('cursor and server identity', () => {
  it('continues after a cursor of this epoch; resets on another epoch or a cursor beyond the head', () => {
    expect(checkCursor(null, server)).toEqual({ kind: 'continue', afterSeq: 0 });
    expect(checkCursor({ epoch: 'epoch-2', seq: 40 }, server)).toEqual({ kind: 'continue', afterSeq: 40 });
    expect(checkCursor({ epoch: 'epoch-1', seq: 40 }, server)).toEqual({ kind: 'reset', reason: 'epoch_changed' });
    // Restored without a new epoch: the device has seen sequence numbers the server no longer has.
    expect(checkCursor({ epoch: 'epoch-2', seq: 140 }, server)).toEqual({ kind: 'reset', reason: 'ahead_of_server' });
  });

  it('tells a restored server from another server', () => {
    expect(checkServerIdentity(null, server)).toBe('first_contact');
    expect(checkServerIdentity({ id: 'server-1', epoch: 'epoch-2' }, server)).toBe('same');
    expect(checkServerIdentity({ id: 'server-1', epoch: 'epoch-1' }, server)).toBe('restored');
    expect(checkServerIdentity({ id: 'server-9', epoch: 'epoch-2' }, server)).toBe('other_server');
  });

  it('finds the fields a restore lost', () => {
    // This device learned body at seq 60 (after the backup at 50) and category at 40 (in the backup).
    const before = { values: { body: 'Nieuw', category: 'ADL' }, clocks: { body: hlcAt(nowMs, nodeA), category: hlcAt(nowMs - 50, nodeA) }, seq: 40, fieldSeqs: { body: 60 } };
    const restored = { values: { body: 'Oud', category: 'Wondzorg' }, clocks: { body: hlcAt(nowMs - 100, nodeA), category: hlcAt(nowMs - 10, nodeA) }, seq: 40 };
    const sameLine = { epochStartSeq: 50, sameLine: true };
    expect(fieldsLostByRestore(before, restored, sameLine)).toEqual(['body']);
    expect(fieldsLostByRestore(before, null, sameLine)).toEqual(['body', 'category']);
    // Knowledge from another line: whatever differs is offered again.
    expect(fieldsLostByRestore(before, restored, { epochStartSeq: 50, sameLine: false })).toEqual(['body', 'category']);
    // Row still as the backup had it: the lost text builds on it.
    expect(reseedChanges(before, restored, sameLine)).toEqual([{ field: 'body', value: 'Nieuw', hlc: before.clocks.body, baseValue: 'Oud', baseHlc: restored.clocks.body }]);
    // Row changed after the restore: no base, so differing text becomes a conflict.
    const changedSince = { ...restored, seq: 70 };
    expect(reseedChanges(before, changedSince, sameLine)).toEqual([{ field: 'body', value: 'Nieuw', hlc: before.clocks.body, baseValue: null, baseHlc: null }]);
  });
});
