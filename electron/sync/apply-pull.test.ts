import { afterEach, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../shared/sync/protocol.js';
import { createFixture, type Fixture } from '../store/test-support.js';
import { applyPullPage } from './apply-pull.js';
import { syncValueKeys } from './device-values.js';
import { SyncDb } from './sync-db.js';

const fixtures: Fixture[] = [];
afterEach(() => {
  for (const fixture of fixtures.splice(0)) fixture.cleanup();
});

const server = { id: '0190b8a4-7c3e-7000-8000-0000000e0002', epoch: '0190b8a4-7c3e-7000-8000-0000000e0003', restoredFromEpoch: null, epochStartSeq: 0 };
const hlc = '001763979000000-0000-00000000000000aa';

describe('applying a pull page', () => {
  it('a row whose dossier is not on the device is left out instead of wedging every later sync', async () => {
    const fixture = await createFixture();
    fixtures.push(fixture);
    const orphanReport = {
      seq: 7,
      table: 'reports' as const,
      rowId: '0190b8a4-7c3e-7000-8000-000000000a01',
      organisationId: fixture.organisationId,
      clientId: '0190b8a4-7c3e-7000-8000-0000000000c9',
      values: { clientId: '0190b8a4-7c3e-7000-8000-0000000000c9', kind: 'rapportage', authorId: fixture.nurseId, occurredAt: '2026-11-20T08:00:00.000Z', category: 'ADL', body: 'Wees', visibility: 'dossier', addendumOf: null, signedOffBy: null, signedOffAt: null, lockedBy: null, lockedAt: null, deletedAt: null },
      clocks: { body: hlc, category: hlc },
    };
    const page: PullResponse = { protocolVersion: 1, server, reset: false, changes: [orphanReport], conflicts: [], purges: [], cursor: { epoch: server.epoch, seq: 7 }, hasMore: false };
    const sync = new SyncDb(fixture.store.connection);
    const applied = applyPullPage(sync, fixture.store, page);
    expect(applied.orphansDropped).toBe(1);
    expect(sync.rows.read('reports', orphanReport.rowId)).toBeNull();
    expect(sync.values.getJson(syncValueKeys.cursor)).toEqual({ epoch: server.epoch, seq: 7 }); // the cursor moved on
  });
});
