import { describe, expect, it } from 'vitest';
import { mergeMutation, mutationResultFor, type MergeAccepted, type MergeOutcome } from './merge.js';
import { mutationResultSchema } from './protocol.js';
import { clientA, hlcAt, type ChangeSpec, mutationOf, nextId, nodeA, nodeB, nowMs, reportRow } from './test-support.js';

const ctxA = { nowMs, hlcNode: nodeA };
const ctxB = { nowMs, hlcNode: nodeB };
const t0 = hlcAt(nowMs - 10_000, nodeB);

function accepted(outcome: MergeOutcome): MergeAccepted {
  if (outcome.status === 'rejected') throw new Error(`rejected: ${outcome.reason} ${outcome.message}`);
  return outcome;
}

/** A synced report: body and category written at t0 by device B. */
function syncedReport(extra: Record<string, string | null> = {}) {
  return reportRow({ body: 'Wond verzorgd.', category: 'Wondzorg', ...extra }, { clientId: t0, body: t0, category: t0 });
}

describe('merge: creating rows', () => {
  it('an insert creates the row with the mutation clocks', () => {
    const rowId = nextId();
    const hlc = hlcAt(nowMs, nodeA);
    const outcome = accepted(mergeMutation(null, mutationOf('reports', rowId, 'insert', { clientId: { value: clientA, hlc }, body: { value: 'Tekst', hlc } }), ctxA));
    expect(outcome.status).toBe('applied');
    expect(outcome.row.values.body).toBe('Tekst');
    expect(outcome.row.clocks.body).toBe(hlc);
    expect(outcome.row.clientId).toBe(clientA);
  });

  it('an insert into another dossier than it names is refused', () => {
    const hlc = hlcAt(nowMs, nodeA);
    const outcome = mergeMutation(null, mutationOf('reports', nextId(), 'insert', { clientId: { value: nextId(), hlc } }), ctxA);
    expect(outcome).toMatchObject({ status: 'rejected', reason: 'scope_mismatch' });
  });

  it('re-sending the same insert is a no-op that answers applied', () => {
    const rowId = nextId();
    const hlc = hlcAt(nowMs, nodeA);
    const mutation = mutationOf('reports', rowId, 'insert', { clientId: { value: clientA, hlc }, body: { value: 'Tekst', hlc } });
    const first = accepted(mergeMutation(null, mutation, ctxA));
    const again = accepted(mergeMutation(first.row, mutation, ctxA));
    expect(again.status).toBe('applied');
    expect(again.changed).toBe(false);
  });

  it('an update of a row the hub does not have is refused', () => {
    const outcome = mergeMutation(null, mutationOf('reports', nextId(), 'update', { category: { value: 'ADL', hlc: hlcAt(nowMs, nodeA) } }), ctxA);
    expect(outcome).toMatchObject({ status: 'rejected', reason: 'row_missing' });
  });
});

describe('merge: structured fields', () => {
  it('different fields of concurrent edits both apply', () => {
    const row = syncedReport();
    const first = accepted(mergeMutation(row, mutationOf('reports', row.id, 'update', { category: { value: 'ADL', hlc: hlcAt(nowMs, nodeA), baseHlc: t0 } }), ctxA));
    const second = accepted(mergeMutation(first.row, mutationOf('reports', row.id, 'update', { occurredAt: { value: '2026-01-01T10:00:00Z', hlc: hlcAt(nowMs - 1, nodeB) } }), ctxB));
    expect(second.status).toBe('applied');
    expect(second.row.values).toMatchObject({ category: 'ADL', occurredAt: '2026-01-01T10:00:00Z' });
  });

  it('the later HLC wins whatever the arrival order, and the loser goes to history', () => {
    const row = syncedReport();
    const early = mutationOf('reports', row.id, 'update', { category: { value: 'ADL', hlc: hlcAt(nowMs - 5, nodeA), baseHlc: t0 } });
    const late = mutationOf('reports', row.id, 'update', { category: { value: 'Gedrag', hlc: hlcAt(nowMs - 5, nodeB), baseHlc: t0 } });
    const oneWay = accepted(mergeMutation(accepted(mergeMutation(row, early, ctxA)).row, late, ctxB));
    const afterLate = accepted(mergeMutation(row, late, ctxB));
    const otherWay = accepted(mergeMutation(afterLate.row, early, ctxA));
    // Same wall time and counter: the node id breaks the tie (b > a).
    expect(oneWay.row.values.category).toBe('Gedrag');
    expect(otherWay.row.values.category).toBe('Gedrag');
    expect(otherWay.status).toBe('merged');
    expect(otherWay.superseded).toEqual(['category']);
    expect(otherWay.history).toEqual([{ field: 'category', value: 'ADL', hlc: early.changes[0]!.hlc, supersededBy: late.changes[0]!.hlc }]);
    expect(oneWay.history).toEqual([{ field: 'category', value: 'ADL', hlc: early.changes[0]!.hlc, supersededBy: late.changes[0]!.hlc }]);
  });
});

describe('merge: narrative fields', () => {
  it('an edit on top of the current version replaces it; the old text goes to history', () => {
    const row = syncedReport();
    const outcome = accepted(
      mergeMutation(row, mutationOf('reports', row.id, 'update', { body: { value: 'Wond verzorgd, rood.', hlc: hlcAt(nowMs, nodeA), baseHlc: t0, baseValue: 'Wond verzorgd.' } }), ctxA),
    );
    expect(outcome.status).toBe('applied');
    expect(outcome.row.values.body).toBe('Wond verzorgd, rood.');
    expect(outcome.history).toEqual([{ field: 'body', value: 'Wond verzorgd.', hlc: t0, supersededBy: hlcAt(nowMs, nodeA) }]);
  });

  it('concurrent edits keep both versions as a conflict, never overwriting, even with a later clock', () => {
    const row = syncedReport();
    const fromB = accepted(mergeMutation(row, mutationOf('reports', row.id, 'update', { body: { value: 'Versie B', hlc: hlcAt(nowMs - 100, nodeB), baseHlc: t0, baseValue: 'Wond verzorgd.' } }), ctxB));
    const fromA = mutationOf('reports', row.id, 'update', { body: { value: 'Versie A', hlc: hlcAt(nowMs, nodeA), baseHlc: t0, baseValue: 'Wond verzorgd.' } });
    const outcome = accepted(mergeMutation(fromB.row, fromA, ctxA));
    expect(outcome.status).toBe('conflict');
    expect(outcome.row.values.body).toBe('Versie B');
    expect(outcome.conflicts).toEqual([
      expect.objectContaining({ kind: 'concurrent_edit', field: 'body', kept: { value: 'Versie B', hlc: hlcAt(nowMs - 100, nodeB) }, incoming: expect.objectContaining({ value: 'Versie A' }) }),
    ]);
    const result = mutationResultFor(fromA.mutationId, outcome, 7);
    expect(mutationResultSchema.parse(result)).toMatchObject({ status: 'conflict', seq: 7 });
  });

  it('the same text typed on two devices is no conflict', () => {
    const row = syncedReport();
    const outcome = accepted(mergeMutation(row, mutationOf('reports', row.id, 'update', { body: { value: 'Wond verzorgd.', hlc: hlcAt(nowMs, nodeA), baseHlc: null } }), ctxA));
    expect(outcome.status).toBe('merged');
    expect(outcome.changed).toBe(false);
  });

  it('a retried conflicting mutation yields the same conflict id', () => {
    const row = syncedReport();
    const mutation = mutationOf('reports', row.id, 'update', { body: { value: 'Anders', hlc: hlcAt(nowMs, nodeA), baseHlc: null, baseValue: 'iets' } });
    const first = accepted(mergeMutation(row, mutation, ctxA));
    const second = accepted(mergeMutation(first.row, mutation, ctxA));
    expect(second.conflicts.map((c) => c.conflictId)).toEqual(first.conflicts.map((c) => c.conflictId));
  });
});

describe('merge: immutable and locked', () => {
  it('changing an immutable field is refused; the same value is fine', () => {
    const row = syncedReport({ authorId: clientA });
    expect(mergeMutation(row, mutationOf('reports', row.id, 'update', { authorId: { value: nextId(), hlc: hlcAt(nowMs, nodeA) } }), ctxA)).toMatchObject({
      status: 'rejected',
      reason: 'immutable_field',
    });
    expect(accepted(mergeMutation(row, mutationOf('reports', row.id, 'insert', { authorId: { value: clientA, hlc: hlcAt(nowMs, nodeA) } }), ctxA)).changed).toBe(false);
  });

  it('a locked report refuses edits, deletion and unlocking', () => {
    const row = reportRow({ body: 'Vast', lockedAt: '2026-01-01T00:00:00Z', lockedBy: clientA }, { body: t0, lockedAt: t0, lockedBy: t0 });
    const hlc = hlcAt(nowMs, nodeA);
    const attempts: Record<string, ChangeSpec>[] = [{ body: { value: 'Nieuw', hlc, baseHlc: t0 } }, { deletedAt: { value: '2026-02-01T00:00:00Z', hlc } }, { lockedAt: { value: null, hlc } }];
    for (const changes of attempts) {
      expect(mergeMutation(row, mutationOf('reports', row.id, 'update', changes), ctxA)).toMatchObject({ status: 'rejected', reason: 'record_locked' });
    }
  });

  it('a signed report can still be locked, and a lock needs the current version to have been seen', () => {
    const row = syncedReport({ signedOffAt: '2026-01-01T00:00:00Z', signedOffBy: clientA });
    const signed = { ...row, clocks: { ...row.clocks, signedOffAt: t0, signedOffBy: t0 } };
    const lock = (seen: Record<string, string | null>) =>
      mergeMutation(signed, mutationOf('reports', row.id, 'update', { lockedAt: { value: '2026-02-01T00:00:00Z', hlc: hlcAt(nowMs, nodeA) } }, { seen }), ctxA);
    expect(accepted(lock(signed.clocks)).row.values.lockedAt).toBe('2026-02-01T00:00:00Z');
    expect(lock({ ...signed.clocks, body: null })).toMatchObject({ status: 'rejected', reason: 'stale_base', field: 'body' });
  });

  it('signing off a report whose text changed since the device saw it is refused', () => {
    const row = syncedReport();
    const edited = accepted(mergeMutation(row, mutationOf('reports', row.id, 'update', { body: { value: 'Nieuw', hlc: hlcAt(nowMs, nodeB), baseHlc: t0 } }), ctxB)).row;
    const sign = mutationOf('reports', row.id, 'update', { signedOffAt: { value: '2026-02-01T00:00:00Z', hlc: hlcAt(nowMs, nodeA) } }, { seen: row.clocks });
    expect(mergeMutation(edited, sign, ctxA)).toMatchObject({ status: 'rejected', reason: 'stale_base', field: 'body' });
  });
});

describe('merge: deletion', () => {
  it('a delete needs the current text to have been seen', () => {
    const row = syncedReport();
    const del = (seen: Record<string, string | null>) =>
      mergeMutation(row, mutationOf('reports', row.id, 'delete', { deletedAt: { value: '2026-02-01T00:00:00Z', hlc: hlcAt(nowMs, nodeA) } }, { seen }), ctxA);
    expect(del({})).toMatchObject({ status: 'rejected', reason: 'stale_base' });
    expect(accepted(del({ body: t0 })).row.values.deletedAt).toBe('2026-02-01T00:00:00Z');
  });

  it('an edit after a delete keeps the row deleted and the edit as a visible conflict', () => {
    const row = syncedReport();
    const deleted = accepted(mergeMutation(row, mutationOf('reports', row.id, 'delete', { deletedAt: { value: '2026-02-01T00:00:00Z', hlc: hlcAt(nowMs, nodeB) } }, { seen: { body: t0 } }), ctxB)).row;
    const edit = accepted(mergeMutation(deleted, mutationOf('reports', row.id, 'update', { body: { value: 'Aanvulling', hlc: hlcAt(nowMs, nodeA), baseHlc: t0 } }), ctxA));
    expect(edit.status).toBe('conflict');
    expect(edit.conflicts[0]).toMatchObject({ kind: 'edited_after_delete', incoming: { value: 'Aanvulling' } });
    expect(edit.row.values.deletedAt).toBe('2026-02-01T00:00:00Z');
  });

  it('a restore with the right base brings the row back; the organisation is never deleted through sync', () => {
    const row = syncedReport();
    const deleted = accepted(mergeMutation(row, mutationOf('reports', row.id, 'delete', { deletedAt: { value: '2026-02-01T00:00:00Z', hlc: hlcAt(nowMs, nodeB) } }, { seen: { body: t0 } }), ctxB)).row;
    const restore = mutationOf('reports', row.id, 'update', { deletedAt: { value: null, hlc: hlcAt(nowMs + 1, nodeA), baseHlc: hlcAt(nowMs, nodeB) } });
    expect(accepted(mergeMutation(deleted, restore, ctxA)).row.values.deletedAt).toBeNull();
    const organisation = { ...row, table: 'organisations' as const, clientId: null, values: { name: 'Zorg BV' }, clocks: { name: t0 } };
    const outcome = mergeMutation(organisation, mutationOf('organisations', row.id, 'delete', { deletedAt: { value: '2026-02-01T00:00:00Z', hlc: hlcAt(nowMs, nodeA) } }, { clientId: null }), ctxA);
    expect(outcome).toMatchObject({ status: 'rejected', reason: 'read_only_table' });
    const client = { ...row, table: 'clients' as const, clientId: row.id, values: { lastName: 'Jansen' }, clocks: { lastName: t0 } };
    const clientDeleted = mergeMutation(client, mutationOf('clients', row.id, 'delete', { deletedAt: { value: '2026-02-01T00:00:00Z', hlc: hlcAt(nowMs, nodeA) } }, { clientId: row.id, seen: {} }), ctxA);
    expect(clientDeleted).toMatchObject({ status: 'applied' });
  });
});

describe('merge: what the hub refuses outright', () => {
  it('pull-only tables, unknown fields, foreign or future clocks', () => {
    const row = syncedReport();
    expect(mergeMutation(null, mutationOf('users', nextId(), 'insert', { email: { value: 'x', hlc: hlcAt(nowMs, nodeA) } }, { clientId: null }), ctxA)).toMatchObject({ reason: 'read_only_table' });
    expect(mergeMutation(null, mutationOf('dossier_access', nextId(), 'insert', { clientId: { value: clientA, hlc: hlcAt(nowMs, nodeA) }, canRead: { value: true, hlc: hlcAt(nowMs, nodeA) } }), ctxA)).toMatchObject({ status: 'applied' });
    expect(mergeMutation(row, mutationOf('reports', row.id, 'update', { fieldClocks: { value: {}, hlc: hlcAt(nowMs, nodeA) } }), ctxA)).toMatchObject({ reason: 'unknown_field' });
    expect(mergeMutation(row, mutationOf('reports', row.id, 'update', { category: { value: 'ADL', hlc: hlcAt(nowMs, nodeB) } }), ctxA)).toMatchObject({ reason: 'clock_invalid' });
    expect(mergeMutation(row, mutationOf('reports', row.id, 'update', { category: { value: 'ADL', hlc: hlcAt(nowMs + 3_600_000, nodeA) } }), ctxA)).toMatchObject({ reason: 'clock_invalid' });
  });

  it('a mutation naming another dossier than the row is refused', () => {
    const row = syncedReport();
    const outcome = mergeMutation(row, mutationOf('reports', row.id, 'update', { category: { value: 'ADL', hlc: hlcAt(nowMs, nodeA) } }, { clientId: nextId() }), ctxA);
    expect(outcome).toMatchObject({ status: 'rejected', reason: 'scope_mismatch' });
  });
});
