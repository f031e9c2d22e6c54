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

const registeredDevice = '0190b8a4-7c3e-7000-8000-0000000d0001';

describe('a central service restored from an older backup', () => {
  async function deviceWithReport(hub: SimHub) {
    const device = await createFixture();
    fixtures.push(device);
    const engine = new SyncEngine({ store: device.store, transport: simHubTransport(hub), deviceId: () => registeredDevice, pullLimit: 3 });
    const me = device.store.session(device.nurseId);
    const client = me.clients.create(sampleClient);
    const report = me.reports.create({ clientId: client.id, occurredAt: '2026-11-20T08:00:00.000Z', category: 'ADL', body: 'Versie in de backup' });
    await engine.run();
    return { device, engine, me, report, sync: new SyncDb(device.store.connection) };
  }
  const onHub = (hub: SimHub, rowId: string) => [...hub.rows.values()].find((stored) => stored.row.id === rowId)!.row;

  it('is detected by the pull, and the text the hub lost goes up again on top of the backup’s version', async () => {
    const hub = new SimHub(() => Date.now());
    const { engine, me, report, sync } = await deviceWithReport(hub);
    const backup = hub.backup();
    me.reports.update(report.id, { body: 'Versie van na de backup' });
    await engine.run();
    hub.restore(backup);
    expect(onHub(hub, report.id).values.body).toBe('Versie in de backup');

    const result = await engine.run();
    expect(result.restored).toBe(true);
    expect(sync.outbox.count()).toBe(0);
    expect(onHub(hub, report.id).values.body).toBe('Versie van na de backup');
    expect(sync.rows.read('reports', report.id)!.state.values.body).toBe('Versie van na de backup');
    expect(sync.openConflictCount()).toBe(0);
  });

  it('noticed first by a push of newer changes: nothing is lost; text it cannot order is kept as a conflict', async () => {
    const hub = new SimHub(() => Date.now());
    const { engine, me, report, sync } = await deviceWithReport(hub);
    const backup = hub.backup();
    me.reports.update(report.id, { body: 'Versie van na de backup' });
    await engine.run();
    me.reports.update(report.id, { category: 'Medicatie' }); // pending when the restore happens
    hub.restore(backup);

    const result = await engine.run();
    expect(result.restored).toBe(true);
    expect(sync.outbox.count()).toBe(0);
    const row = onHub(hub, report.id);
    expect(row.values.category).toBe('Medicatie');
    const texts = [row.values.body, ...[...hub.conflicts.values()].map((state) => state.conflict.incoming.value)];
    expect(texts).toContain('Versie van na de backup');
    expect(sync.rows.read('reports', report.id)!.state.values.category).toBe('Medicatie');
  });

  it('a device pointed at another central service refuses to sync either way', async () => {
    const device = await createFixture();
    fixtures.push(device);
    const first = new SimHub(() => Date.now());
    await new SyncEngine({ store: device.store, transport: simHubTransport(first), deviceId: () => registeredDevice }).run();
    const other = new SimHub(() => Date.now());
    const transport = simHubTransport(other);
    const foreign = { ...transport, pull: async (request: Parameters<typeof transport.pull>[0]) => ({ ...(await transport.pull(request)), server: { id: '0190b8a4-7c3e-7000-8000-0000000e9999', epoch: other.epoch, restoredFromEpoch: null, epochStartSeq: 0 } }) };
    await expect(new SyncEngine({ store: device.store, transport: foreign, deviceId: () => registeredDevice }).run()).rejects.toMatchObject({ code: 'other_server' });
  });
});
