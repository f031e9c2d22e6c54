import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { syncPullResponseSchema } from '../../shared/api/sync.js';
import type { SignedLease } from '../../shared/licence/lease.js';
import type { PullPage } from './pull.js';
import { pullAnswerJson } from './pullAnswer.js';

const organisationId = uuidv7();
const lease: SignedLease = { format: 'thuisdossier-lease/1', keyId: 'k1', payload: '{"x":1}', signature: 'A'.repeat(86) };
const hlc = '001764000000000-0001-abcdef0123456789';
const values = { body: 'Regel één\nmet "aanhalingstekens", \u0000 en 🙂', category: 'ADL', restricted: false, deletedAt: null, ids: [uuidv7()] };

function page(overrides: Partial<PullPage> = {}): PullPage {
  const epoch = uuidv7();
  return {
    protocolVersion: 1,
    server: { id: uuidv7(), epoch, restoredFromEpoch: null, epochStartSeq: 0 },
    reset: false,
    headSeq: 12,
    changes: [
      { seq: 7, table: 'reports', rowId: uuidv7(), clientId: uuidv7(), valuesJson: JSON.stringify(values), clocksJson: JSON.stringify({ body: hlc, category: hlc }) },
      {
        seq: 9,
        table: 'users',
        rowId: uuidv7(),
        clientId: null,
        valuesJson: '{"name":"Ans"}',
        clocksJson: `{"name": "${hlc}"}`,
        history: [{ field: 'name', value: 'Anna', hlc: null, supersededBy: hlc }],
      },
    ],
    conflicts: [],
    purges: [{ seq: 10, scope: 'client', clientId: uuidv7(), reason: 'access_revoked' }],
    cursor: { epoch, seq: 10 },
    hasMore: true,
    ...overrides,
  };
}

describe('pullAnswerJson', () => {
  it('writes the page a device parses: rows with their stored values and clocks, everything else as given, the lease', () => {
    const served = page();
    const answer = syncPullResponseSchema.parse(JSON.parse(pullAnswerJson(served, organisationId, lease)));
    const [report, user] = served.changes;
    expect(answer.changes).toEqual([
      { seq: 7, table: 'reports', rowId: report!.rowId, organisationId, clientId: report!.clientId, values, clocks: { body: hlc, category: hlc } },
      { seq: 9, table: 'users', rowId: user!.rowId, organisationId, clientId: null, values: { name: 'Ans' }, clocks: { name: hlc }, history: user!.history },
    ]);
    const { changes, ...envelope } = served;
    void changes;
    expect({ ...answer, changes: [] }).toEqual({ ...envelope, changes: [], lease });
  });

  it('refuses a page whose envelope or history the wire schema does not accept', () => {
    expect(() => pullAnswerJson(page({ cursor: { epoch: 'not-a-uuid', seq: 1 } }), organisationId, lease)).toThrow();
    expect(() => pullAnswerJson(page(), organisationId, { ...lease, signature: 'short' })).toThrow();
    const bad = page();
    bad.changes[1]!.history = [{ field: 'name', value: 'Anna', hlc: null, supersededBy: 'yesterday' }];
    expect(() => pullAnswerJson(bad, organisationId, lease)).toThrow();
    const badTable = page();
    (badTable.changes[0] as { table: string }).table = 'secrets';
    expect(() => pullAnswerJson(badTable, organisationId, lease)).toThrow(/seq or table/);
  });
});
