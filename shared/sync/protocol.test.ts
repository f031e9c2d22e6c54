import { describe, expect, it } from 'vitest';
import { syncLimits } from './limits.js';
import { opaqueValueProblem, sameValue } from './opaque-value.js';
import { mutationResultSchema, pullResponseSchema, pushRequestSchema, type PushRequest } from './protocol.js';
import { fieldMergeClass, lockFields, narrativeFields, syncTables, syncTableNames } from './tables.js';

const hlc = '000001700000000-0000-0123456789abcdef';
const push = (overrides: Partial<PushRequest['mutations'][number]> = {}): unknown => ({
  protocolVersion: 1,
  deviceId: '0190b8a4-7c3e-7000-8000-000000000001',
  hlcNode: '0123456789abcdef',
  serverEpoch: null,
  mutations: [
    {
      mutationId: '0190b8a4-7c3e-7000-8000-000000000002',
      table: 'reports',
      rowId: '0190b8a4-7c3e-7000-8000-000000000003',
      organisationId: '0190b8a4-7c3e-7000-8000-000000000004',
      clientId: '0190b8a4-7c3e-7000-8000-000000000005',
      op: 'update',
      changes: [{ field: 'body', baseValue: 'oud', baseHlc: null, value: 'nieuw', hlc }],
      ...overrides,
    },
  ],
});

describe('sync protocol schemas', () => {
  it('accepts a well-formed push', () => {
    expect(pushRequestSchema.safeParse(push()).success).toBe(true);
  });

  it('refuses a declared merge class: the hub classifies, not the device', () => {
    const request = push({ changes: [{ field: 'body', baseValue: null, baseHlc: null, value: 'x', hlc, mergeClass: 'structured' } as never] });
    expect(pushRequestSchema.safeParse(request).success).toBe(false);
  });

  it('refuses unknown tables, non-v7 mutation ids, duplicate fields and bad clocks', () => {
    expect(pushRequestSchema.safeParse(push({ table: 'pg_shadow' as never })).success).toBe(false);
    expect(pushRequestSchema.safeParse(push({ mutationId: '0190b8a4-7c3e-4000-8000-000000000002' })).success).toBe(false);
    const change = { field: 'body', baseValue: null, baseHlc: null, value: 'x', hlc };
    expect(pushRequestSchema.safeParse(push({ changes: [change, change] })).success).toBe(false);
    expect(pushRequestSchema.safeParse(push({ changes: [{ ...change, hlc: 'yesterday' }] })).success).toBe(false);
    expect(pushRequestSchema.safeParse(push({ op: 'delete' })).success).toBe(false);
  });

  it('bounds batch sizes and value sizes', () => {
    const base = push() as { mutations: unknown[] };
    const tooMany = { ...base, mutations: Array.from({ length: syncLimits.mutationsPerPush + 1 }, () => base.mutations[0]) };
    expect(pushRequestSchema.safeParse(tooMany).success).toBe(false);
    const huge = 'x'.repeat(syncLimits.fieldValueJsonChars + 1);
    expect(pushRequestSchema.safeParse(push({ changes: [{ field: 'body', baseValue: null, baseHlc: null, value: huge, hlc }] })).success).toBe(false);
    const seen = Object.fromEntries(Array.from({ length: syncLimits.fieldsPerMutation + 1 }, (_, i) => [`f${i}`, hlc]));
    expect(pushRequestSchema.safeParse(push({ seen })).success).toBe(false);
  });

  it('opaque strings: bounded by the length of their JSON text, escapes included', () => {
    const limit = syncLimits.fieldValueJsonChars;
    expect(opaqueValueProblem('x'.repeat(limit - 2))).toBeNull();
    expect(opaqueValueProblem('x'.repeat(limit - 1))).toMatch(/larger/);
    // Each quote is two characters of JSON: half the limit of them is too large, a bit less is not.
    expect(opaqueValueProblem('"'.repeat(limit / 2))).toMatch(/larger/);
    expect(opaqueValueProblem('"'.repeat(limit / 2 - 1))).toBeNull();
    // Control characters are six (\\u0001).
    expect(opaqueValueProblem('\u0001'.repeat(Math.floor((limit - 2) / 6)))).toBeNull();
    expect(opaqueValueProblem('\u0001'.repeat(Math.floor((limit - 2) / 6) + 1))).toMatch(/larger/);
    expect(opaqueValueProblem(Number.POSITIVE_INFINITY)).toMatch(/finite/);
    expect(opaqueValueProblem(false)).toBeNull();
  });

  it('opaque values: plain JSON only, depth-bounded without recursion', () => {
    expect(opaqueValueProblem({ a: [1, 'x', null, true] })).toBeNull();
    expect(opaqueValueProblem(Number.NaN)).not.toBeNull();
    expect(opaqueValueProblem(new Date())).not.toBeNull();
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(opaqueValueProblem(deep)).toMatch(/nested/);
    expect(sameValue({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(sameValue(null, undefined)).toBe(true);
    expect(sameValue('1', 1)).toBe(false);
  });

  it('result and pull schemas parse their examples', () => {
    expect(mutationResultSchema.safeParse({ mutationId: '0190b8a4-7c3e-7000-8000-000000000002', status: 'rejected', reason: 'record_locked', field: null, message: 'locked' }).success).toBe(true);
    const pull = {
      protocolVersion: 1,
      server: { id: '0190b8a4-7c3e-7000-8000-000000000009', epoch: '0190b8a4-7c3e-7000-8000-00000000000a', restoredFromEpoch: null, epochStartSeq: 0 },
      reset: false,
      changes: [],
      conflicts: [],
      purges: [{ seq: 3, scope: 'client', clientId: '0190b8a4-7c3e-7000-8000-000000000005', reason: 'access_revoked' }],
      cursor: { epoch: '0190b8a4-7c3e-7000-8000-00000000000a', seq: 3 },
      hasMore: false,
    };
    expect(pullResponseSchema.safeParse(pull).success).toBe(true);
  });
});

describe('table registry', () => {
  it('covers every table with consistent specs', () => {
    for (const name of syncTableNames) {
      const spec = syncTables[name];
      expect(spec.name).toBe(name);
      expect(Object.keys(spec.fields)).not.toContain('deletedAt');
      if (spec.clientScoped) expect(spec.fields.clientId).toBe('immutable');
    }
  });

  it('classifies clinical text as narrative and locks as lock', () => {
    expect(fieldMergeClass('reports', 'body')).toBe('narrative');
    expect(fieldMergeClass('reports', 'authorId')).toBe('immutable');
    expect(fieldMergeClass('reports', 'deletedAt')).toBe('tombstone');
    expect(fieldMergeClass('reports', 'toString')).toBeUndefined();
    expect(lockFields('reports')).toEqual(['signedOffBy', 'signedOffAt', 'lockedBy', 'lockedAt']);
    expect(lockFields('time_registrations')).toEqual(['declaredAt']);
    expect(narrativeFields('appointments')).toEqual(['notes']);
  });
});
