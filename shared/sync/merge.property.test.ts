import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc } from './hlc.js';
import { mergeMutation } from './merge.js';
import { sameValue } from './opaque-value.js';
import type { Mutation } from './protocol.js';
import { valueOf, type ServerRow } from './row-state.js';
import { clientA, mutationOf, nextId, nowMs, reportRow } from './test-support.js';

const nodeArb = fc.constantFrom('aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb', 'cccccccccccccccc', 'dddddddddddddddd');
const hlcArb = (node: string) =>
  fc.record({ wallMs: fc.integer({ min: nowMs - 50, max: nowMs }), counter: fc.integer({ min: 0, max: 3 }) }).map((h) => formatHlc({ ...h, node }));
const structuredField = fc.constantFrom('category', 'occurredAt', 'visibility');
const smallValue = fc.constantFrom('a', 'b', 'c', null);

/** A structured edit from one device: one to three fields, each with a value and the device's clock. */
const structuredEditArb = nodeArb.chain((node) =>
  fc.record({
    node: fc.constant(node),
    changes: fc.uniqueArray(fc.record({ field: structuredField, value: smallValue, hlc: hlcArb(node) }), { minLength: 1, maxLength: 3, selector: (c) => c.field }),
  }),
);

function apply(row: ServerRow, edits: { node: string; mutation: Mutation }[]): ServerRow {
  let current = row;
  for (const { node, mutation } of edits) {
    const outcome = mergeMutation(current, mutation, { nowMs, hlcNode: node });
    if (outcome.status === 'rejected') throw new Error(outcome.reason);
    current = outcome.row;
  }
  return current;
}

describe('merge properties', () => {
  it('structured fields: every arrival order gives the same row (last writer by HLC wins)', () => {
    fc.assert(
      fc.property(fc.array(structuredEditArb, { minLength: 2, maxLength: 5 }), fc.func(fc.integer()), (edits, shuffleKey) => {
        const row = reportRow({ category: 'ADL' }, { category: formatHlc({ wallMs: nowMs - 100, counter: 0, node: 'eeeeeeeeeeeeeeee' }) });
        // Two edits never share a clock: each HLC is unique per device and event.
        const seen = new Set<string>();
        const unique = edits.filter((edit) => edit.changes.every((c) => !seen.has(c.hlc)) && edit.changes.every((c) => seen.add(c.hlc)));
        const mutations = unique.map((edit) => ({
          node: edit.node,
          mutation: mutationOf('reports', row.id, 'update', Object.fromEntries(edit.changes.map((c) => [c.field, { value: c.value, hlc: c.hlc }]))),
        }));
        const shuffled = [...mutations].sort((a, b) => shuffleKey(a.mutation.mutationId) - shuffleKey(b.mutation.mutationId));
        const one = apply(row, mutations);
        const other = apply(row, [...shuffled].reverse());
        for (const field of ['category', 'occurredAt', 'visibility']) {
          expect(sameValue(valueOf(one, field), valueOf(other, field))).toBe(true);
          expect(one.clocks[field]).toBe(other.clocks[field]);
        }
      }),
    );
  });

  it('narrative text changes only when the writer saw the text it replaces', () => {
    const bodyEdit = nodeArb.chain((node) => fc.record({ node: fc.constant(node), hlc: hlcArb(node), text: fc.constantFrom('x', 'y', 'z', 'w'), baseIndex: fc.nat() }));
    fc.assert(
      fc.property(fc.array(bodyEdit, { minLength: 1, maxLength: 8 }), (edits) => {
        let row = reportRow({ body: 'start' }, { body: formatHlc({ wallMs: nowMs - 100, counter: 0, node: 'eeeeeeeeeeeeeeee' }) });
        const versions: { value: string; hlc: string }[] = [{ value: 'start', hlc: row.clocks.body! }];
        for (const edit of edits) {
          // The writer saw some version the hub once had (maybe the current one, maybe an older one).
          const base = versions[edit.baseIndex % versions.length]!;
          const mutation = mutationOf('reports', row.id, 'update', { body: { value: edit.text, hlc: edit.hlc, baseValue: base.value, baseHlc: base.hlc } });
          const before = { value: valueOf(row, 'body'), hlc: row.clocks.body };
          const outcome = mergeMutation(row, mutation, { nowMs, hlcNode: edit.node });
          if (outcome.status === 'rejected') continue;
          row = outcome.row;
          if (!sameValue(valueOf(row, 'body'), before.value)) {
            expect(base.hlc === before.hlc || base.value === before.value).toBe(true);
            versions.push({ value: edit.text, hlc: edit.hlc });
          } else if (edit.text !== before.value && edit.hlc !== before.hlc) {
            expect(outcome.conflicts.map((c) => c.incoming.value)).toContain(edit.text);
          }
        }
      }),
    );
  });

  it('never throws, and never changes an immutable field, whatever the mutation', () => {
    const anyChange = fc.record({
      field: fc.constantFrom('body', 'category', 'authorId', 'clientId', 'kind', 'lockedAt', 'signedOffAt', 'deletedAt', 'nope'),
      value: fc.oneof(smallValue, fc.constant(clientA)),
      baseHlc: fc.option(hlcArb('aaaaaaaaaaaaaaaa'), { nil: null }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(anyChange, { minLength: 1, maxLength: 4, selector: (c) => c.field }), fc.boolean(), fc.constantFrom('insert', 'update', 'delete') as fc.Arbitrary<Mutation['op']>, (changes, locked, op) => {
        const t = formatHlc({ wallMs: nowMs - 10, counter: 0, node: 'eeeeeeeeeeeeeeee' });
        const row = reportRow({ body: 'b', authorId: clientA, kind: 'rapportage', lockedAt: locked ? 'x' : null }, { body: t, authorId: t, kind: t, lockedAt: t });
        const hlc = formatHlc({ wallMs: nowMs, counter: 0, node: 'aaaaaaaaaaaaaaaa' });
        const mutation = mutationOf('reports', row.id, op, Object.fromEntries(changes.map((c) => [c.field, { value: c.value, hlc, baseHlc: c.baseHlc }])));
        for (const current of [row, null]) {
          const outcome = mergeMutation(current, mutation, { nowMs, hlcNode: 'aaaaaaaaaaaaaaaa' });
          if (outcome.status !== 'rejected' && current) {
            for (const field of ['authorId', 'kind', 'clientId']) expect(outcome.row.values[field]).toEqual(current.values[field]);
            if (locked) expect(outcome.row.values.body).toBe('b');
          }
        }
        expect(nextId()).toBeTruthy();
      }),
    );
  });
});
