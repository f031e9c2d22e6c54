import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CentralApi } from './central-api.js';
import { DeviceValues, syncValueKeys } from './device-values.js';
import { HttpSyncTransport } from './sync-transport.js';
import { demoNurse, startCentralService, type CentralServiceProcess } from './testing/central-service-process.js';
import { signedInDevice, type TestDevice } from './testing/devices.js';
import { faultSeed, FaultWorkload, seededRandom, syncedState } from './testing/fault-workload.js';
import { hubMutationLog } from './testing/hub-database.js';
import { startFaultyProxy, type FaultyProxy } from './testing/tcp-proxy.js';

/**
 * Fault tests with a bad network (issue 7): two devices reach the real central service through a
 * TCP proxy that resets connections mid-request and mid-answer (after the hub committed) and
 * stalls others until the device gives up. Each device keeps syncing until a run succeeds, as the
 * sync service does with its back-off. Afterwards every mutation is on the hub exactly once,
 * nothing typed is lost, nothing conflicts, and both devices hold the same rows.
 *
 * Seeded: a failure prints the seed; SYNC_FAULT_SEED=<seed> replays the same faults.
 */
const seed = faultSeed();
const random = seededRandom(seed);
const rounds = 20;

let central: CentralServiceProcess;
let proxy: FaultyProxy;
const devices: TestDevice[] = [];

beforeAll(async () => {
  central = await startCentralService();
  proxy = await startFaultyProxy(central.url, random.next, (r) => (r < 0.3 ? 'drop' : r < 0.42 ? 'stall' : 'pass'));
}, 240_000);
afterAll(async () => {
  for (const device of devices) device.close();
  await proxy?.close();
  await central?.stop();
});

/** A stalled connection ends when the device gives up: here after 1.5 s instead of minutes. */
const impatientFetch: typeof fetch = (input, init) => fetch(input, { ...init, signal: AbortSignal.any([...(init?.signal ? [init.signal] : []), AbortSignal.timeout(1_500)]) });

function throughProxy(device: TestDevice) {
  const transport = new HttpSyncTransport(new CentralApi(proxy.url, impatientFetch), () => new DeviceValues(() => device.store.connection).get(syncValueKeys.sessionToken));
  return device.engine(transport);
}

/** Runs sync until one run gets through, as the sync service retries; returns the failed attempts. */
async function syncUntilThrough(device: TestDevice): Promise<number> {
  for (let failures = 0; failures < 60; failures++) {
    try {
      await throughProxy(device).run();
      return failures;
    } catch {
      // a dropped or stalled connection: try again (the service would back off first)
    }
  }
  throw new Error('sync did not get through in 60 attempts');
}

describe(`sync over a network that drops and stalls connections (seed ${seed})`, () => {
  it('two devices edit and sync through resets and stalls: exactly once, nothing lost, converged', async () => {
    const laptop = await signedInDevice(central, demoNurse);
    const tablet = await signedInDevice(central, demoNurse);
    devices.push(laptop, tablet);
    const onLaptop = new FaultWorkload('Laptop', random);
    const onTablet = new FaultWorkload('Tablet', random);
    let failedRuns = 0;
    try {
      for (let round = 0; round < rounds; round++) {
        onLaptop.edit(laptop, 1 + random.int(6));
        if (random.int(2) === 0) onTablet.edit(tablet, 1 + random.int(4));
        const first = random.int(2) === 0 ? laptop : tablet;
        failedRuns += await syncUntilThrough(first);
        failedRuns += await syncUntilThrough(first === laptop ? tablet : laptop);
      }
      if (process.env.SYNC_FAULT_VERBOSE) console.log(proxy.counts, failedRuns);
      expect(proxy.counts.drop).toBeGreaterThan(0);
      expect(proxy.counts.stall).toBeGreaterThan(0);
      expect(failedRuns).toBeGreaterThan(0);

      proxy.decide = () => 'pass';
      for (const device of [laptop, tablet, laptop]) await throughProxy(device).run();
      for (const device of [laptop, tablet]) {
        expect(device.sync().outbox.count()).toBe(0);
        expect(device.sync().unhandledRejectedCount()).toBe(0);
        expect(device.sync().openConflictCount()).toBe(0);
        expect(onLaptop.differences(device)).toEqual([]);
        expect(onTablet.differences(device)).toEqual([]);
      }
      expect(syncedState(tablet)).toEqual(syncedState(laptop));

      await central.halt();
      const log = await hubMutationLog(central.dataDir);
      for (const id of [...onLaptop.mutationIds, ...onTablet.mutationIds]) expect(log.get(id), `mutation ${id} on the hub`).toBe(1);
    } catch (error) {
      console.error(`sync network fault test failed; replay with SYNC_FAULT_SEED=${seed} (connections: ${JSON.stringify(proxy.counts)}, failed runs ${failedRuns})`);
      throw error;
    }
  }, 600_000);
});
