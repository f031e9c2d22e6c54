import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { interactiveKdfParams } from '../../crypto/kdf-params.js';
import { loadSodium } from '../../crypto/sodium.js';
import { readDeviceAccount } from '../../session/device-account.js';
import { parseLeaseKeys } from '../../session/lease-keys.js';
import { SessionService } from '../../session/session-service.js';
import { LocalStore } from '../../store/index.js';
import { CentralApi } from '../central-api.js';
import { DeviceValues, syncValueKeys } from '../device-values.js';
import { SyncDb } from '../sync-db.js';
import { SyncEngine } from '../sync-engine.js';
import { HttpSyncTransport, type SyncTransport } from '../sync-transport.js';
import { demoPassword, type CentralServiceProcess } from './central-service-process.js';

export interface TestDevice {
  dataDir: string;
  store: LocalStore;
  session: SessionService;
  userId: string;
  deviceId: string;
  transport: SyncTransport;
  /** A fresh engine over the same store (a restarted app), optionally with another transport. */
  engine(transport?: SyncTransport): SyncEngine;
  sync: () => SyncDb;
  /** The app killed and started again on the same data folder: a new store handle, unlocked. */
  restart(): Promise<void>;
  close(): void;
}

/** A device after its first online sign-in against the real central service. */
export async function signedInDevice(central: CentralServiceProcess, email: string, password = demoPassword): Promise<TestDevice> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'td-sync-'));
  const kdfParams = interactiveKdfParams(await loadSodium());
  const api = new CentralApi(central.url);
  const leaseKeys = parseLeaseKeys(central.leaseKeys);
  let store = await LocalStore.at({ dir: dataDir, kdfParams });
  let session = new SessionService(store, dataDir, { api, appVersion: '0.1.0', leaseKeys });
  const outcome = await session.signIn({ email, password });
  if (outcome.kind !== 'signed-in') throw new Error('sign-in asked for a second factor');
  const account = readDeviceAccount(dataDir)!;
  const transport = new HttpSyncTransport(api, () => new DeviceValues(() => store.connection).get(syncValueKeys.sessionToken));
  const device: TestDevice = {
    dataDir,
    get store() {
      return store;
    },
    get session() {
      return session;
    },
    userId: account.userId,
    deviceId: account.deviceId!,
    transport,
    engine: (other) => new SyncEngine({ store, transport: other ?? transport, deviceId: () => account.deviceId!, pullLimit: 50 }),
    sync: () => new SyncDb(store.connection),
    restart: async () => {
      // No lock(): a killed process does not close anything; the WAL is replayed at the next open.
      store = await LocalStore.at({ dir: dataDir, kdfParams });
      session = new SessionService(store, dataDir, { api, appVersion: '0.1.0', leaseKeys });
      session.unlock(password);
    },
    close: () => {
      store.lock();
      rmSync(dataDir, { recursive: true, force: true });
    },
  } as TestDevice;
  return device;
}

/** Wraps a transport: the hub gets the push and commits it, the device never hears the answer. */
export function answerLostOnce(inner: SyncTransport): SyncTransport & { lostAnswers: unknown[]; answers: unknown[] } {
  const lostAnswers: unknown[] = [];
  const answers: unknown[] = [];
  let lost = false;
  return {
    lostAnswers,
    answers,
    push: async (request) => {
      const answer = await inner.push(request);
      answers.push(answer);
      if (!lost) {
        lost = true;
        lostAnswers.push(answer);
        throw new Error('connection dropped before the answer arrived');
      }
      return answer;
    },
    pull: (request) => inner.pull(request),
    uploadAccessLog: (request) => inner.uploadAccessLog(request),
  };
}

export const sampleClient = {
  firstName: 'Johanna',
  infix: 'van der',
  lastName: 'Berg',
  birthDate: '1941-05-12',
  bsn: '111222333',
  street: 'Biltstraat',
  houseNumber: '112',
  postcode: '3572 BJ',
  city: 'Utrecht',
  status: 'in_zorg' as const,
};
