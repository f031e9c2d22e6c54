import { link } from 'node:fs/promises';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { IpcMethod } from '../../../shared/ipc/contract.js';
import type { IpcResult } from '../../../shared/ipc/errors.js';
import type { LicenceLease } from '../../../shared/licence/lease.js';
import { createBackup } from '../../backup/create-backup.js';
import { interactiveKdfParams } from '../../crypto/kdf-params.js';
import { loadSodium } from '../../crypto/sodium.js';
import { licenceStorageKeys } from '../../licence/key-value-storage.js';
import { leaseOf, testSigner } from '../../licence/test-support.js';
import { createLogger } from '../../log/logger.js';
import { writeDeviceAccount } from '../../session/device-account.js';
import { createFixture, password, sampleClient } from '../../store/test-support.js';
import { DeviceValues, syncValueKeys } from '../../sync/device-values.js';
import { createCore, type Core } from '../core.js';
import { backupDirectory } from '../handlers/backup.js';

const log = createLogger('test', 'silent');

export interface LicensedCore {
  dataDir: string;
  readonly core: Core;
  clientId: string;
  documentId: string;
  /** One IPC call through the real dispatcher (the contract checks input and output). */
  call(method: IpcMethod, input?: unknown): Promise<IpcResult<unknown>>;
  /** The app closed and started again: a new core over the same data folder, unlocked again. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * For tests only: the real core (createCore, as the preview host and Electron build it) over a
 * device as its online sign-in leaves it: an encrypted store with one dossier and a document, a
 * lease signed by a key the core trusts, a device backup in <dataDir>/backups and the account
 * file. Unlocked as `signedInAs`. Without `central` the service is unreachable: everything is offline.
 */
export async function licensedCore(
  lease: Partial<LicenceLease>,
  signedInAs: 'nurse' | 'owner' = 'nurse',
  /** A central service to talk to (with the session token its sign-in would have stored); offline without. */
  central?: { url: string; sessionToken: string },
): Promise<LicensedCore> {
  const fixture = await createFixture();
  const { store, dir: dataDir, organisationId } = fixture;
  const userId = signedInAs === 'owner' ? fixture.ownerId : fixture.nurseId;
  const signer = await testSigner();
  const deviceId = uuidv7();
  const issuedAt = new Date(Date.now() - 60_000);
  const signed = signer.sign(
    leaseOf({
      organisationId,
      userId,
      deviceId,
      issuedAt: issuedAt.toISOString(),
      validUntil: new Date(issuedAt.getTime() + 14 * 24 * 60 * 60 * 1000).toISOString(),
      ...lease,
    }),
  );
  const values = new DeviceValues(() => store.connection);
  await values.asKeyValueStorage().set(licenceStorageKeys.signedLease, JSON.stringify(signed));
  if (central) values.set(syncValueKeys.sessionToken, central.sessionToken);
  const me = store.session(userId);
  const clientId = me.clients.create(sampleClient).id;
  const documentId = me.documents.add({ clientId, fileName: 'zorgplan.txt', mimeType: 'text/plain' }, Buffer.from('zorgplan van Johanna')).id;
  await createBackup(store, { dir: backupDirectory(dataDir) });
  store.lock();
  writeDeviceAccount(dataDir, { userId, organisationId, email: `${signedInAs}@wijkzorg.nl`, displayName: signedInAs, deviceId });

  const kdfParams = interactiveKdfParams(await loadSodium());
  const start = () =>
    createCore({ dataDir, serverUrl: central?.url ?? 'http://127.0.0.1:9', host: 'test', version: '0.0.0', leasePublicKeys: signer.shippedKeys }, log, { kdfParams });
  let core = await start();
  let id = 0;
  const call = async (method: IpcMethod, input: unknown = {}) => {
    id += 1;
    const response = await core.dispatch({ kind: 'request', id, method, input }, { connectionId: 'test' });
    return response.result as IpcResult<unknown>;
  };
  const unlock = async () => {
    const unlocked = await call('session.unlock', { password });
    if (!unlocked.ok) throw new Error(`unlock failed: ${unlocked.error.code}`);
  };
  await unlock();
  return {
    dataDir,
    get core() {
      return core;
    },
    clientId,
    documentId,
    call,
    restart: async () => {
      await core.close();
      core = await start();
      await unlock();
    },
    close: async () => {
      await core.close();
      fixture.cleanup();
    },
  };
}

/** A second name for the same file, to see afterwards what a wipe left in its bytes. */
export async function witnessOf(file: string, witnessDir: string): Promise<string> {
  const witness = path.join(witnessDir, `${path.basename(file)}.witness`);
  await link(file, witness);
  return witness;
}
