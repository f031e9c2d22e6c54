import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IpcMethod, IpcOutput } from '../../../shared/ipc/contract.js';
import type { IpcError } from '../../../shared/ipc/errors.js';
import { createLogger } from '../../log/logger.js';
import { parseLeaseKeys } from '../../session/lease-keys.js';
import { CentralApi } from '../../sync/central-api.js';
import { SyncService } from '../../sync/sync-service.js';
import { apiCall, apiSignIn, demoNurse, demoOwner, startCentralService, testOperatorToken, type CentralServiceProcess } from '../../sync/testing/central-service-process.js';
import { signedInDevice, type TestDevice } from '../../sync/testing/devices.js';
import { createDispatcher } from '../dispatcher.js';
import type { CoreHandlers } from '../handlers.js';
import { noticeHandlers } from './notices.js';

/**
 * The notice handlers against the REAL central service (server/cli.ts demo on PGlite, its own
 * process): the operator publishes, a sync brings the notices to the device's encrypted store, the
 * calls go through the dispatcher so the IPC contract checks both ways.
 */
let central: CentralServiceProcess;
const devices: TestDevice[] = [];
const log = createLogger('test', 'silent');
const day = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  central = await startCentralService();
}, 120_000);
afterAll(async () => {
  for (const device of devices) device.close();
  await central?.stop();
});

/** A signed-in device with the app's sync service and notice handlers; `online` switches the network. */
async function app(email: string) {
  const device = await signedInDevice(central, email);
  devices.push(device);
  const online = { value: true };
  const api = new CentralApi(central.url);
  const sync = new SyncService({
    store: device.store,
    dataDir: device.dataDir,
    api,
    leaseKeys: parseLeaseKeys(central.leaseKeys),
    log,
    isOnline: () => online.value,
    onStatus: () => undefined,
  });
  const dispatch = createDispatcher(noticeHandlers({ store: device.store, session: device.session, log, isOnline: () => online.value }, api) as unknown as CoreHandlers, log);
  let id = 0;
  const call = async <M extends IpcMethod>(method: M, input: unknown = {}): Promise<IpcOutput<M>> => {
    id += 1;
    const response = await dispatch({ kind: 'request', id, method, input }, { connectionId: 'test' });
    const result = response.result as { ok: true; value: IpcOutput<M> } | { ok: false; error: IpcError };
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  return { device, sync, online, call };
}

/** Publishes through the service's operator API, as service staff do. */
async function publish(notice: object): Promise<string> {
  return ((await apiCall(central.url, testOperatorToken, 'POST', '/v1/operator/notices', notice)) as { id: string }).id;
}

describe('service notices in the app', () => {
  it('brings notices with the sync, shows them offline, and sends an offline acknowledgement at the next sync', async () => {
    const startsAt = new Date(Date.now() + 14 * day);
    const maintenanceId = await publish({
      kind: 'maintenance',
      title: 'Gepland onderhoud',
      body: 'De synchronisatie is even niet beschikbaar; de app werkt offline door.',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 60 * 60 * 1000).toISOString(),
    });
    const termsId = await publish({ kind: 'terms-change', title: 'Nieuwe algemene voorwaarden', body: 'Artikel 12 wijzigt.', effectiveOn: new Date(Date.now() + 60 * day).toISOString().slice(0, 10) });

    const ours = (notices: Array<{ id: string }>) => notices.map((notice) => notice.id).filter((id) => id === maintenanceId || id === termsId).sort();
    const nurse = await app(demoNurse);
    expect((await nurse.call('notices.current')).notices).toEqual([]); // nothing on the device before a sync
    await nurse.sync.syncNow();
    expect(ours((await nurse.call('notices.current')).notices)).toEqual([maintenanceId, termsId].sort()); // the demo has its own too

    // Offline: still shown from the encrypted store; read here, the service hears it later.
    nurse.online.value = false;
    await central.halt();
    expect(ours((await nurse.call('notices.current')).notices)).toHaveLength(2);
    expect(await nurse.call('notices.acknowledge', { id: termsId })).toEqual({ ok: true, sent: false });
    expect(ours((await nurse.call('notices.current')).notices)).toEqual([maintenanceId]);

    await central.restart('SIGTERM');
    const asService = async () => (await apiCall(central.url, await apiSignIn(central.url, demoNurse), 'GET', '/v1/notices')) as { notices: Array<{ id: string; acknowledged: boolean }> };
    expect((await asService()).notices.find((notice) => notice.id === termsId)?.acknowledged).toBe(false);
    nurse.online.value = true;
    await nurse.sync.syncNow();
    expect((await asService()).notices.find((notice) => notice.id === termsId)?.acknowledged).toBe(true);
    expect(ours((await nurse.call('notices.current')).notices)).toEqual([maintenanceId]);

    // Online, an acknowledgement goes to the service at once.
    expect(await nurse.call('notices.acknowledge', { id: maintenanceId })).toEqual({ ok: true, sent: true });
    expect((await asService()).notices.find((notice) => notice.id === maintenanceId)?.acknowledged).toBe(true);
  }, 180_000);

  it('refuses while the app is locked', async () => {
    const owner = await app(demoOwner);
    owner.device.session.lock();
    await expect(owner.call('notices.current')).rejects.toThrow(/locked/);
  }, 120_000);
});
