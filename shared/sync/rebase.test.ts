import { describe, expect, it } from 'vitest';
import type { MutationResult, RowChange } from './protocol.js';
import { overlayPending, rebaseRow, settleMutation, type ShadowRow } from './rebase.js';
import { clientA, hlcAt, mutationOf, nextId, nodeA, nodeB, nowMs, orgId } from './test-support.js';

const t0 = hlcAt(nowMs - 10_000, nodeB);
const rowId = nextId();

function incoming(values: Record<string, unknown>, clocks: Record<string, string>, seq: number): RowChange {
  return { seq, table: 'reports', rowId, organisationId: orgId, clientId: clientA, values: { clientId: clientA, deletedAt: null, ...values } as RowChange['values'], clocks };
}

const base: ShadowRow = { values: { clientId: clientA, body: 'Oud', category: 'ADL', deletedAt: null, lockedAt: null }, clocks: { body: t0, category: t0 }, seq: 3 };

describe('rebase: pulled rows under pending changes', () => {
  it('a pull never overwrites a pending field; other fields take the server version', () => {
    const pending = [mutationOf('reports', rowId, 'update', { body: { value: 'Lokaal', hlc: hlcAt(nowMs, nodeA), baseHlc: t0, baseValue: 'Oud' } })];
    const result = rebaseRow(incoming({ body: 'Oud', category: 'Medicatie' }, { body: t0, category: hlcAt(nowMs, nodeB) }, 9), pending, base);
    expect(result.visible.values).toMatchObject({ body: 'Lokaal', category: 'Medicatie' });
    expect(result.shadow).toMatchObject({ seq: 9, values: { body: 'Oud', category: 'Medicatie' } });
    expect(result.keptLocal).toEqual(['body']);
    expect(result.notices).toEqual([]);
    // The base stays what the person saw: rebasing must not hide the coming conflict.
    expect(pending[0]!.changes[0]!.baseHlc).toBe(t0);
  });

  it('warns when the text changed elsewhere, when the row was deleted or locked elsewhere', () => {
    const pending = [mutationOf('reports', rowId, 'update', { body: { value: 'Lokaal', hlc: hlcAt(nowMs, nodeA), baseHlc: t0, baseValue: 'Oud' } })];
    const changed = rebaseRow(incoming({ body: 'Anders' }, { body: hlcAt(nowMs, nodeB) }, 9), pending, base);
    expect(changed.notices).toEqual([{ kind: 'text_changed_elsewhere', field: 'body', serverValue: 'Anders', localValue: 'Lokaal' }]);
    const deleted = rebaseRow(incoming({ body: 'Oud', deletedAt: '2026-01-01T00:00:00Z' }, { body: t0, deletedAt: hlcAt(nowMs, nodeB) }, 9), pending, base);
    expect(deleted.notices).toEqual([{ kind: 'deleted_elsewhere', fields: ['body'] }]);
    const locked = rebaseRow(incoming({ body: 'Oud', lockedAt: '2026-01-01T00:00:00Z' }, { body: t0, lockedAt: hlcAt(nowMs, nodeB) }, 9), pending, base);
    expect(locked.notices).toEqual([{ kind: 'locked_elsewhere', fields: ['body'] }]);
  });

  it('a row without pending changes simply becomes the server version', () => {
    const result = rebaseRow(incoming({ body: 'Nieuw' }, { body: hlcAt(nowMs, nodeB) }, 9), [], base);
    expect(result.visible).toEqual({ values: result.shadow.values, clocks: result.shadow.clocks });
    expect(overlayPending(null, [])).toBeNull();
  });
});

describe('settle: storing the answer to a pushed mutation', () => {
  const edit = mutationOf('reports', rowId, 'update', { body: { value: 'Lokaal', hlc: hlcAt(nowMs, nodeA), baseHlc: t0, baseValue: 'Oud' } });
  const answer = (result: Partial<MutationResult> & Pick<MutationResult, 'status'>) => ({ mutationId: edit.mutationId, ...result }) as MutationResult;

  it('applied: the shadow takes the change, unless a newer version was pulled already', () => {
    const settled = settleMutation(base, edit, answer({ status: 'applied', seq: 12 }));
    expect(settled.shadow).toMatchObject({ seq: 3, values: { body: 'Lokaal' }, clocks: { body: hlcAt(nowMs, nodeA) } });
    const newer: ShadowRow = { ...base, values: { ...base.values, body: 'Nog nieuwer' }, seq: 20 };
    expect(settleMutation(newer, edit, answer({ status: 'applied', seq: 12 })).shadow).toBe(newer);
  });

  it('rejected: the change is kept for the user, the shadow stays', () => {
    const settled = settleMutation(base, edit, answer({ status: 'rejected', reason: 'record_locked', field: 'body', message: 'locked' }));
    expect(settled.shadow).toBe(base);
    expect(settled.rejected).toMatchObject({ reason: 'record_locked', mutation: { mutationId: edit.mutationId } });
    expect(overlayPending(settled.shadow, [])!.values.body).toBe('Oud');
  });

  it('conflict and merged confirm only the fields the hub holds as sent; the rest comes with the next pull', () => {
    const conflict = { conflictId: `${edit.mutationId}:body`, kind: 'concurrent_edit' as const, table: 'reports' as const, rowId, clientId: clientA, field: 'body', kept: { value: 'B', hlc: t0 }, incoming: { value: 'Lokaal', hlc: hlcAt(nowMs, nodeA), mutationId: edit.mutationId } };
    expect(settleMutation(base, edit, answer({ status: 'conflict', seq: 5, applied: [], conflicts: [conflict] }))).toEqual({ shadow: base, rejected: null, conflicts: [conflict] });
    expect(settleMutation(base, edit, answer({ status: 'merged', seq: 5, applied: [], superseded: ['body'] })).shadow).toBe(base);
    const two = mutationOf('reports', rowId, 'update', { body: { value: 'Lokaal', hlc: hlcAt(nowMs, nodeA), baseHlc: t0 }, category: { value: 'Gedrag', hlc: hlcAt(nowMs, nodeA), baseHlc: t0 } });
    const merged = settleMutation(base, two, { mutationId: two.mutationId, status: 'merged', seq: 5, applied: ['body'], superseded: ['category'] });
    expect(merged.shadow!.values).toMatchObject({ body: 'Lokaal', category: 'ADL' });
  });

  it('refuses to settle a mutation with another mutation\'s answer', () => {
    expect(() => settleMutation(base, edit, { mutationId: nextId(), status: 'applied', seq: 1 } as MutationResult)).toThrow();
  });
});
