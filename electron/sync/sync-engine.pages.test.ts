import { afterAll, beforeAll, expect, it } from 'vitest';
import { SyncEngine } from './sync-engine.js';
import { demoNurse, startCentralService, type CentralServiceProcess } from './testing/central-service-process.js';
import { sampleClient, signedInDevice, type TestDevice } from './testing/devices.js';

let central: CentralServiceProcess;
const devices: TestDevice[] = [];

beforeAll(async () => {
  central = await startCentralService();
}, 180_000);
afterAll(async () => {
  for (const device of devices) device.close();
  await central?.stop();
});

it('a dossier changed after it was made arrives whole when its access row comes a page before the dossier', async () => {
  const laptop = await signedInDevice(central, demoNurse);
  const tablet = await signedInDevice(central, demoNurse);
  devices.push(laptop, tablet);
  await tablet.engine().run();

  // Made, synced, then changed: the hub re-stamps the dossier row past its access row.
  const me = laptop.store.session(laptop.userId);
  const client = me.clients.create({ ...sampleClient, lastName: 'Paginagrens' });
  await laptop.engine().run();
  me.clients.update(client.id, { lastName: 'Paginagrens-Later' });
  await laptop.engine().run();

  // One row per page: the access row arrives alone, before the dossier it belongs to.
  await new SyncEngine({ store: tablet.store, transport: tablet.transport, deviceId: () => tablet.deviceId, pullLimit: 1 }).run();
  expect(tablet.store.session(tablet.userId).clients.get(client.id).lastName).toBe('Paginagrens-Later');
}, 180_000);
