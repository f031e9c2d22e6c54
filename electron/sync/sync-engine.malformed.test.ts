import { afterEach, describe, expect, it } from 'vitest';
import { SimHub } from '../../shared/sync/simulation/sim-hub.js';
import { createFixture, sampleClient, type Fixture } from '../store/test-support.js';
import { SyncDb } from './sync-db.js';
import { SyncEngine } from './sync-engine.js';
import { simHubTransport } from './testing/sim-hub-transport.js';

const fixtures: Fixture[] = [];
afterEach(() => {
  for (const fixture of fixtures.splice(0)) fixture.cleanup();
});

describe('a change the protocol cannot carry', () => {
  it('settles as refused with its text kept, and does not block the changes behind it', async () => {
    const fixture = await createFixture();
    fixtures.push(fixture);
    const hub = new SimHub(() => Date.now());
    const me = fixture.store.session(fixture.nurseId);
    const client = me.clients.create(sampleClient);
    const report = me.reports.create({ clientId: client.id, occurredAt: '2026-11-20T08:00:00.000Z', category: 'ADL', body: 'Tekst die bewaard moet blijven' });
    // Damage the report's outbox entry the way an old or buggy writer could (not a UUIDv7 mutation id).
    fixture.store.connection.prepare("UPDATE outbox SET mutation_id = 'not-a-uuid' WHERE row_id = ?").run(report.id);

    const result = await new SyncEngine({ store: fixture.store, transport: simHubTransport(hub), deviceId: () => '0190b8a4-7c3e-7000-8000-0000000d0003' }).run();
    const sync = new SyncDb(fixture.store.connection);
    expect(sync.outbox.count()).toBe(0);
    expect(result.rejected).toBeGreaterThanOrEqual(1);
    const refused = sync.db.prepare("SELECT reason, mutation FROM sync_rejected WHERE mutation_id = 'not-a-uuid'").get() as { reason: string; mutation: string };
    expect(refused.reason).toBe('invalid');
    expect(refused.mutation).toContain('Tekst die bewaard moet blijven');
    expect([...hub.rows.values()].some((stored) => stored.row.id === client.id)).toBe(true);
  });
});
