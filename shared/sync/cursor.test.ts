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
    const before = { values: { body: 'Nieuw', category: 'ADL' }, clocks: { body: hlcAt(nowMs, nodeA), category: hlcAt(nowMs - 50, nodeA) } };
    const restored = { values: { body: 'Oud', category: 'ADL' }, clocks: { body: hlcAt(nowMs - 100, nodeA), category: hlcAt(nowMs - 50, nodeA) }, seq: 40 };
    const sameLine = { epochStartSeq: 50, sameLine: true };
    expect(fieldsLostByRestore(before, restored, sameLine)).toEqual(['body']);
    expect(fieldsLostByRestore(before, null, sameLine)).toEqual(['body', 'category']);
    // The backup had a newer version than this device knew: its knowledge was stale, nothing lost.
    const newerInBackup = { ...restored, clocks: { ...restored.clocks, body: hlcAt(nowMs + 100, nodeA) } };
    expect(fieldsLostByRestore(before, newerInBackup, sameLine)).toEqual([]);
    // Changed after the restore, or knowledge from another line: whatever the clocks, offer it again.
    expect(fieldsLostByRestore(before, newerInBackup, { epochStartSeq: 30, sameLine: true })).toEqual(['body']);
    expect(fieldsLostByRestore(before, newerInBackup, { epochStartSeq: 50, sameLine: false })).toEqual(['body']);
    // Row still as the backup had it: the lost text builds on it.
    expect(reseedChanges(before, restored, sameLine)).toEqual([{ field: 'body', value: 'Nieuw', hlc: before.clocks.body, baseValue: 'Oud', baseHlc: restored.clocks.body }]);
    // Row changed after the restore: no base, so differing text becomes a conflict.
    expect(reseedChanges(before, restored, { epochStartSeq: 30, sameLine: true })).toEqual([{ field: 'body', value: 'Nieuw', hlc: before.clocks.body, baseValue: null, baseHlc: null }]);
  });
});
