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
  it('a row whose dossier is not on the device yet waits aside instead of wedging every later sync, and leaves with a purge of that dossier', async () => {
    const fixture = await createFixture();
    fixtures.push(fixture);
    const clientId = '0190b8a4-7c3e-7000-8000-0000000000c9';
    const orphanReport = {
      seq: 7,
      table: 'reports' as const,
      rowId: '0190b8a4-7c3e-7000-8000-000000000a01',
      organisationId: fixture.organisationId,
      clientId,
      values: { clientId, kind: 'rapportage', authorId: fixture.nurseId, occurredAt: '2026-11-20T08:00:00.000Z', category: 'ADL', body: 'Wees', visibility: 'dossier', addendumOf: null, signedOffBy: null, signedOffAt: null, lockedBy: null, lockedAt: null, deletedAt: null },
      clocks: { body: hlc, category: hlc },
    };
    const page: PullResponse = { protocolVersion: 1, server, reset: false, changes: [orphanReport], conflicts: [], purges: [], cursor: { epoch: server.epoch, seq: 7 }, hasMore: true };
    const sync = new SyncDb(fixture.store.connection);
    const applied = applyPullPage(sync, fixture.store, page);
    expect(applied.orphansParked).toBe(1);
    expect(sync.rows.read('reports', orphanReport.rowId)).toBeNull();
    const waiting = () => sync.db.prepare('SELECT table_name, row_id, client_id FROM sync_parked_rows').all();
    expect(waiting()).toEqual([{ table_name: 'reports', row_id: orphanReport.rowId, client_id: clientId }]);
    expect(sync.values.getJson(syncValueKeys.cursor)).toEqual({ epoch: server.epoch, seq: 7 }); // the cursor moved on

    // A later page without its dossier: the report keeps waiting, the page applies in one go.
    const empty: PullResponse = { ...page, changes: [], cursor: { epoch: server.epoch, seq: 8 } };
    expect(applyPullPage(sync, fixture.store, empty).orphansParked).toBe(0);
    expect(waiting()).toHaveLength(1);

    // Access to that dossier is gone: its waiting rows go with it.
    const purge: PullResponse = { ...page, changes: [], purges: [{ seq: 9, scope: 'client', clientId, reason: 'access_revoked' }], cursor: { epoch: server.epoch, seq: 9 }, hasMore: false };
    applyPullPage(sync, fixture.store, purge);
    expect(waiting()).toEqual([]);
  });
});
