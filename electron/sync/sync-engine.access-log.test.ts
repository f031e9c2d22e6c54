import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncValueKeys } from './device-values.js';
import { demoNurse, startCentralService, type CentralServiceProcess } from './testing/central-service-process.js';
import { sampleClient, signedInDevice, type TestDevice } from './testing/devices.js';
import { hubAccessLog, type ArchivedLine } from './testing/hub-database.js';

/**
 * The NEN 7513 access log from device to the hub's append-only archive, end to end: the real sync
 * engine on a real encrypted store against the real central service in its own process. What the
 * device logged arrives whole, in order, with its hash chain as the device made it; sending it
 * again (an answer lost) adds nothing.
 */
let central: CentralServiceProcess;
let device: TestDevice;

beforeAll(async () => {
  central = await startCentralService();
  device = await signedInDevice(central, demoNurse);
}, 240_000);
afterAll(async () => {
  device?.close();
  await central?.stop();
});

/** The device's own log, as the hub should hold it. */
function deviceLog(): ArchivedLine[] {
  const rows = device.sync().db.prepare('SELECT seq, id, client_id AS clientId, prev_hash AS prevHash, hash FROM access_log ORDER BY seq').all() as Array<{
    seq: number;
    id: string;
    clientId: string | null;
    prevHash: string;
    hash: string;
  }>;
  return rows.map((row) => ({ id: row.id, deviceId: device.deviceId, deviceSeq: row.seq, clientId: row.clientId, prevHash: row.prevHash, hash: row.hash, chainBroken: false }));
}

/** The hub's archive for this device; the hub is stopped to read it and started again. */
async function archived(): Promise<ArchivedLine[]> {
  await central.halt();
  const lines = await hubAccessLog(central.dataDir);
  await central.restart();
  return lines.filter((line) => line.deviceId === device.deviceId);
}

describe('access log upload, device to the hub’s archive', () => {
  it('sends every line the device logged, chain intact, and a resend adds nothing', async () => {
    const me = device.store.session(device.userId);
    const client = me.clients.create({ ...sampleClient, lastName: 'Logboek' });
    me.clients.get(client.id);
    me.reports.create({ clientId: client.id, occurredAt: '2026-11-20T08:00:00.000Z', category: 'ADL', body: 'Gewassen en aangekleed.' });
    await device.engine().run();

    const sent = deviceLog();
    expect(sent.filter((line) => line.clientId === client.id).length).toBeGreaterThanOrEqual(3);
    expect(await archived()).toEqual(sent);
    expect(Number(device.sync().values.get(syncValueKeys.accessLogUploadedThrough))).toBe(sent.at(-1)!.deviceSeq);

    // More work, then a run whose upload position is lost (as after a lost answer): all lines go again.
    me.reports.listForClient(client.id);
    device.sync().transaction(() => device.sync().values.set(syncValueKeys.accessLogUploadedThrough, '0'));
    await device.engine().run();
    const all = deviceLog();
    expect(all.length).toBeGreaterThan(sent.length);
    expect(await archived()).toEqual(all);
  }, 240_000);
});
