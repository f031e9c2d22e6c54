import { afterAll, beforeAll, expect, it } from 'vitest';
import { SyncEngine, type SyncProgress } from './sync-engine.js';
import { demoNurse, startCentralService, type CentralServiceProcess } from './testing/central-service-process.js';
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

it('an initial sync reports a growing fraction (by the hub’s head sequence) and a time estimate, ending at 1', async () => {
  const laptop = await signedInDevice(central, demoNurse);
  devices.push(laptop);
  const me = laptop.store.session(laptop.userId);
  for (let index = 0; index < 40; index += 1) me.clients.create({ ...sampleClient, lastName: `Voortgang ${index}` });
  await laptop.engine().run();

  const tablet = await signedInDevice(central, demoNurse);
  devices.push(tablet);
  const seen: SyncProgress[] = [];
  const engine = new SyncEngine({ store: tablet.store, transport: tablet.transport, deviceId: () => tablet.deviceId, pullLimit: 10, onProgress: (progress) => seen.push(progress) });
  await engine.run();

  const pulls = seen.filter((progress) => progress.phase === 'pull');
  expect(pulls.length).toBeGreaterThanOrEqual(4);
  const fractions = pulls.map((progress) => progress.fraction);
  // Every page knows how far it is (the hub sends its head), and the fraction only grows.
  expect(fractions.every((fraction) => fraction !== null && fraction >= 0 && fraction <= 1)).toBe(true);
  for (let index = 1; index < fractions.length; index += 1) expect(fractions[index]!).toBeGreaterThanOrEqual(fractions[index - 1]!);
  expect(fractions[0]!).toBeLessThan(0.5);
  expect(pulls.at(-1)).toMatchObject({ fraction: 1, secondsLeft: 0 });
  // Midway there is a rate, so an estimate.
  expect(pulls.slice(1, -1).some((progress) => progress.secondsLeft !== null)).toBe(true);
}, 120_000);
