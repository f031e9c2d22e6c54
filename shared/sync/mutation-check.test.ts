import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { syncLimits } from './limits.js';
import { isWellFormedMutation, mutationSchema, pushRequestSchema } from './protocol.js';
import { syncTableNames } from './tables.js';

/** What the push request's mutation list stands for: z.array(mutationSchema) with its bounds (its former definition). */
const plainList = z.array(mutationSchema).min(1).max(syncLimits.mutationsPerPush);

const hlc = '000001700000000-0000-0123456789abcdef';
const odd = fc.constantFrom<unknown>(
  undefined, null, '', 'x', 0, 1.5, Number.NaN, true, {}, [], [1], new Date(0),
  '0190b8a4-7c3e-7000-8000-000000000002', '0190b8a4-7c3e-4000-8000-000000000002', '0190B8A4-7C3E-7000-8000-000000000002', '00000000-0000-0000-0000-000000000000',
  hlc, `${hlc}0`, hlc.toUpperCase(), 'deletedAt', 'body', 'Body', 'reports', 'pg_shadow', 'insert', 'delete', 'x'.repeat(81), 'x'.repeat(syncLimits.fieldNameChars + 1),
);
const fieldChange = fc.record(
  {
    field: fc.constantFrom('body', 'category', 'deletedAt', 'signedOffAt', 'a', 'x'.repeat(syncLimits.fieldNameChars)),
    baseValue: fc.jsonValue({ maxDepth: 2 }),
    baseHlc: fc.constantFrom(null, hlc),
    value: fc.jsonValue({ maxDepth: 2 }),
    hlc: fc.constant(hlc),
  },
  { noNullPrototype: true },
);
const wellFormed = fc
  .record(
    {
      mutationId: fc.uuid({ version: 7 }),
      table: fc.constantFrom(...syncTableNames),
      rowId: fc.uuid(),
      organisationId: fc.uuid(),
      clientId: fc.option(fc.uuid(), { nil: null }),
      op: fc.constantFrom('insert', 'update'),
      changes: fc.uniqueArray(fieldChange, { minLength: 1, maxLength: 4, selector: (change) => change.field }),
      seen: fc.dictionary(fc.constantFrom('body', 'category', 'deletedAt'), fc.constantFrom(null, hlc), { noNullPrototype: true }),
      resolves: fc.array(fc.string({ maxLength: 80 }), { maxLength: 3 }),
      reseed: fc.constant(true as const),
    },
    // As JSON.parse makes them: plain objects.
    { requiredKeys: ['mutationId', 'table', 'rowId', 'organisationId', 'clientId', 'op', 'changes'], noNullPrototype: true },
  )
  .chain((mutation) => fc.boolean().map((asDelete) => (asDelete ? { ...mutation, op: 'delete' as const, changes: [{ field: 'deletedAt', baseValue: null, baseHlc: null, value: '2026-11-25T00:00:00.000Z', hlc }] } : mutation)));
const mutationKeyNames = ['mutationId', 'table', 'rowId', 'organisationId', 'clientId', 'op', 'changes', 'seen', 'resolves', 'reseed', 'extra'];
const changeKeyNames = ['field', 'baseValue', 'baseHlc', 'value', 'hlc', 'mergeClass'];
/** A well-formed mutation with one key of it, or of one of its changes, set to an odd value or removed. */
const damaged = fc.tuple(wellFormed, fc.boolean(), fc.nat(), fc.nat(), odd, fc.boolean()).map(([mutation, inChange, keyIndex, changeIndex, value, remove]) => {
  const copy: Record<string, unknown> = { ...mutation, changes: mutation.changes.map((change) => ({ ...change })) };
  const target = inChange ? (copy.changes as Record<string, unknown>[])[changeIndex % mutation.changes.length]! : copy;
  const names = inChange ? changeKeyNames : mutationKeyNames;
  const key = names[keyIndex % names.length]!;
  if (remove) delete target[key];
  else target[key] = value;
  return copy as unknown;
});

describe('the fast check of pushed mutations', () => {
  it('accepts every well-formed mutation (so the fast path is taken) and nothing mutationSchema refuses (20,000 random mutations)', () => {
    fc.assert(
      fc.property(wellFormed, (mutation) => {
        expect(mutationSchema.safeParse(mutation).success).toBe(true);
        expect(isWellFormedMutation(mutation)).toBe(true);
      }),
      { numRuns: 10_000 },
    );
    fc.assert(
      fc.property(damaged, (mutation) => {
        if (isWellFormedMutation(mutation)) expect(mutationSchema.safeParse(mutation).success).toBe(true);
      }),
      { numRuns: 10_000 },
    );
  });

  it('a push request takes exactly the mutation lists z.array(mutationSchema) takes (5,000 random lists)', () => {
    const request = (mutations: unknown) => ({ protocolVersion: 1, deviceId: '0190b8a4-7c3e-7000-8000-000000000001', hlcNode: '0123456789abcdef', serverEpoch: null, mutations });
    fc.assert(
      fc.property(fc.array(fc.oneof(wellFormed, damaged), { maxLength: 4 }), (mutations) => {
        expect(pushRequestSchema.safeParse(request(mutations)).success).toBe(plainList.safeParse(mutations).success);
      }),
      { numRuns: 5_000 },
    );
  });

  it("a refused mutation keeps zod's message and the path of the bad field", () => {
    const good = { mutationId: '0190b8a4-7c3e-7000-8000-000000000002', table: 'reports', rowId: '0190b8a4-7c3e-7000-8000-000000000003', organisationId: '0190b8a4-7c3e-7000-8000-000000000004', clientId: null, op: 'update', changes: [{ field: 'body', baseValue: 'oud', baseHlc: null, value: 'nieuw', hlc }] };
    const bad = { ...good, changes: [{ ...good.changes[0], hlc: 'gisteren' }] };
    const result = pushRequestSchema.safeParse({ protocolVersion: 1, deviceId: '0190b8a4-7c3e-7000-8000-000000000001', hlcNode: '0123456789abcdef', serverEpoch: null, mutations: [good, bad] });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ message: 'not an HLC timestamp', path: ['mutations', 1, 'changes', 0, 'hlc'] })]);
  });
});
