import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldMap, fieldNameSchema } from './field-map.js';
import { syncLimits } from './limits.js';
import { opaqueValueProblem, opaqueValueSchema } from './opaque-value.js';
import { hlcTextSchema, rowChangeSchema } from './protocol.js';

/** What fieldMap stands for: z.record with the bound on the number of fields (its former definition). */
const plainFieldMap = <T extends z.ZodType>(valueSchema: T) =>
  z.record(fieldNameSchema, valueSchema).refine((map) => Object.keys(map).length <= syncLimits.fieldsPerMutation);

const hlc = '000001700000000-0000-0123456789abcdef';
const names = fc.oneof(
  fc.constantFrom('body', 'clientId', 'deletedAt', 'a', 'constructor', 'toString', 'x'.repeat(syncLimits.fieldNameChars)),
  fc.constantFrom('', 'Body', '1a', 'a_b', 'a-b', 'é', '__proto__', 'x'.repeat(syncLimits.fieldNameChars + 1)),
  fc.string({ maxLength: 8 }),
);
const clocks = fc.oneof(fc.constant(hlc), fc.constant(null), fc.constantFrom(`${hlc}0`, hlc.toUpperCase(), '', 1700000000), fc.string({ maxLength: 40 }));
const values = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, undefined, new Date(0), 'x'.repeat(syncLimits.fieldValueJsonChars)),
);
const maps = <V>(value: fc.Arbitrary<V>) =>
  fc.oneof(
    fc.dictionary(names, value, { maxKeys: 6 }),
    fc.integer({ min: syncLimits.fieldsPerMutation - 1, max: syncLimits.fieldsPerMutation + 1 }).map((count) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`f${i}`, hlc]))),
    fc.constantFrom<unknown>(null, [], ['body'], 'body', 3, new Date(0), Object.create(null) as object),
  );

describe('field maps (values, clocks, seen) of the sync protocol', () => {
  it('accept and refuse exactly what z.record with the field-count bound does (10,000 random maps each)', () => {
    const cases = [
      { fast: fieldMap(hlcTextSchema, (v) => typeof v === 'string' && hlcTextSchema.safeParse(v).success), plain: plainFieldMap(hlcTextSchema), arbitrary: maps(clocks) },
      { fast: fieldMap(hlcTextSchema.nullable(), (v) => v === null || hlcTextSchema.safeParse(v).success), plain: plainFieldMap(hlcTextSchema.nullable()), arbitrary: maps(clocks) },
      { fast: fieldMap(opaqueValueSchema, (v) => opaqueValueProblem(v) === null), plain: plainFieldMap(opaqueValueSchema), arbitrary: maps(values) },
    ];
    for (const { fast, plain, arbitrary } of cases) {
      fc.assert(
        fc.property(arbitrary, (map) => {
          expect(fast.safeParse(map).success).toBe(plain.safeParse(map).success);
        }),
        { numRuns: 10_000 },
      );
    }
  });

  it("a refused map keeps zod's message and the path of the bad field", () => {
    const change = { seq: 1, table: 'reports', rowId: '0190b8a4-7c3e-7000-8000-000000000003', organisationId: '0190b8a4-7c3e-7000-8000-000000000004', clientId: null, values: { body: 'tekst' }, clocks: { body: 'gisteren' } };
    const result = rowChangeSchema.safeParse(change);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ message: 'not an HLC timestamp', path: ['clocks', 'body'] })]);
  });
});
