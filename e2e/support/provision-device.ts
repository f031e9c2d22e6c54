import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { writeDeviceAccount } from '../../electron/session/device-account.js';
import { LocalStore } from '../../electron/store/index.js';
import type { ClientCreate } from '../../shared/domain/client.js';

export interface ProvisionedDevice {
  dataDir: string;
  password: string;
  organisationId: string;
  users: { nurse: DemoUser; colleague: DemoUser; admin: DemoUser };
  clientIds: string[];
}

interface DemoUser {
  id: string;
  email: string;
  displayName: string;
}

/**
 * A device as it is after its first online sign-in (which the sync issue builds): the real
 * encrypted store with the organisation, its users and some dossiers, and the device account.
 * Built through the store's own API, so tests start from a state the app itself could reach.
 */
export async function provisionDevice(
  options: {
    signedInAs?: 'nurse' | 'colleague' | 'admin';
    /** Who registers the clients (and so has access to them); defaults to the signed-in user. */
    clientsCreatedBy?: 'nurse' | 'colleague' | 'admin';
    clients?: ClientCreate[];
    /** The organisation's inactivity lock; tests of the auto-lock set it to 1 minute. */
    autoLockMinutes?: number;
  } = {},
): Promise<ProvisionedDevice> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'td-device-'));
  const password = 'Correct paard batterij niet';
  const organisationId = uuidv7();
  const users = {
    nurse: { id: uuidv7(), email: 'wendy.jansen@zorgaanhuis.nl', displayName: 'Wendy Jansen' },
    colleague: { id: uuidv7(), email: 'ahmed.elamrani@zorgaanhuis.nl', displayName: 'Ahmed El Amrani' },
    admin: { id: uuidv7(), email: 'beheer@zorgaanhuis.nl', displayName: 'Petra de Vries' },
  };
  const store = await LocalStore.at({ dir: dataDir });
  store.create(password);
  store.directory.upsertOrganisation({ id: organisationId, name: 'Zorg aan Huis Utrecht', autoLockMinutes: options.autoLockMinutes ?? 15 });
  store.directory.upsertUser(organisationId, { ...users.nurse, role: 'practitioner' });
  store.directory.upsertUser(organisationId, { ...users.colleague, role: 'practitioner' });
  store.directory.upsertUser(organisationId, { ...users.admin, role: 'admin' });
  const signedIn = users[options.signedInAs ?? 'nurse'];
  const session = store.session(users[options.clientsCreatedBy ?? options.signedInAs ?? 'nurse'].id);
  const clientIds = (options.clients ?? []).map((client) => session.clients.create(client).id);
  store.lock();
  writeDeviceAccount(dataDir, { userId: signedIn.id, organisationId, email: signedIn.email, displayName: signedIn.displayName });
  return { dataDir, password, organisationId, users, clientIds };
}
