import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '../log/logger.js';
import { parseLeaseKeys } from '../session/lease-keys.js';
import { databaseFileName, keyFileName } from '../store/index.js';
import { CentralApi } from './central-api.js';
import { SyncService } from './sync-service.js';
import { apiCall, apiSignIn, demoNurse, demoOwner, startCentralService, type CentralServiceProcess } from './testing/central-service-process.js';
import { sampleClient, signedInDevice, type TestDevice } from './testing/devices.js';

let central: CentralServiceProcess;
const devices: TestDevice[] = [];

beforeAll(async () => {
  central = await startCentralService();
}, 120_000);
afterAll(async () => {
  for (const device of devices) device.close();
  await central?.stop();
});

function serviceFor(device: TestDevice, leaseKeys = parseLeaseKeys(central.leaseKeys)) {
  const wiped: string[] = [];
  const service = new SyncService({
    store: device.store,
    dataDir: device.dataDir,
    api: new CentralApi(central.url),
    leaseKeys,
    log: createLogger('test'),
    isOnline: () => true,
    onStatus: () => undefined,
    onWiped: (reason) => wiped.push(reason),
  });
  return { service, wiped };
}

async function revoke(device: TestDevice): Promise<void> {
  const owner = await apiSignIn(central.url, demoOwner);
  await apiCall(central.url, owner, 'DELETE', `/v1/admin/devices/${device.userId}/${device.deviceId}`);
}

it('a device revoked by an admin gets a signed wipe order at its next sync and wipes its local data', async () => {
  const laptop = await signedInDevice(central, demoNurse);
  devices.push(laptop);
  laptop.store.session(laptop.userId).clients.create({ ...sampleClient, lastName: 'Ingetrokken' });
  const { service, wiped } = serviceFor(laptop);
  await service.syncNow();
  expect(laptop.sync().outbox.count()).toBe(0);

  await revoke(laptop);
  await service.syncNow();

  expect(wiped).toEqual(['device_revoked']);
  expect(laptop.store.isUnlocked()).toBe(false);
  for (const file of [databaseFileName, keyFileName, 'account.json']) expect(existsSync(path.join(laptop.dataDir, file))).toBe(false);
  // The sign-in screen can say why the dossiers are gone.
  expect(laptop.session.status()).toEqual({ state: 'no-account', wiped: { reason: 'device_revoked', wipedAt: expect.any(String) } });
}, 120_000);

it('a wipe order that does not verify with the trusted keys is ignored: nothing is deleted', async () => {
  const tablet = await signedInDevice(central, demoNurse);
  devices.push(tablet);
  // This app trusts another key than the one the hub signs with: the order cannot be verified.
  const { service, wiped } = serviceFor(tablet, { other: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' });
  await revoke(tablet);
  await service.syncNow();

  expect(wiped).toEqual([]);
  expect(tablet.store.isUnlocked()).toBe(true);
  expect(existsSync(path.join(tablet.dataDir, databaseFileName))).toBe(true);
  expect(service.status().problem?.code).toBe('device_revoked');
}, 120_000);
