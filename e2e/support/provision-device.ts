import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { writeDeviceAccount } from '../../electron/session/device-account.js';
import { LocalStore } from '../../electron/store/index.js';
import { licenceStorageKeys } from '../../electron/licence/key-value-storage.js';
import { DeviceValues, syncValueKeys } from '../../electron/sync/device-values.js';
import type { ClientCreate } from '../../shared/domain/client.js';
import type { ReportCreate } from '../../shared/domain/report.js';
import type { LeaseStatus, LicenceLease } from '../../shared/licence/lease.js';
import { encodeKey, leaseCrypto, signLease } from '../../shared/licence/sign.js';

/** The preview host of e2e/support/preview-host.ts reads the lease key the device trusts from here. */
export const e2eLeaseKeysFile = '.e2e-lease-public-keys';

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
    /** The licence the service last issued to this device (default: active, valid for 14 days). */
    licence?: { status?: LeaseStatus; exportAllowed?: boolean; blockReason?: LicenceLease['blockReason'] };
    /** Appointments of the signed-in user, with the clients (by index in `clients`) they visit. */
    appointments?: { title: string; startsAt: string; endsAt: string; clientIndexes?: number[] }[];
    /** Dossier rights an administrator granted (clients by index in `clients`), e.g. the sign-off right. */
    grants?: { to: 'nurse' | 'colleague' | 'admin'; clientIndex: number; canEdit?: boolean; canSignOff?: boolean }[];
    /** Reports written by whoever registered the clients (clients by index in `clients`). */
    reports?: { clientIndex: number; body: string; category?: ReportCreate['category']; occurredAt: string }[];
    /** A session token as the online sign-in stores it (for screens that call the service, e.g. admin offline). */
    sessionToken?: string;
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
  // One transaction with the search index built once at the end (as the first sync loads a
  // device): 10,000 clients in seconds instead of minutes.
  const clientIds = store.loadInBulk(() => (options.clients ?? []).map((client) => session.clients.create(client).id));
  const administrator = store.session(users.admin.id);
  for (const grant of options.grants ?? []) {
    administrator.access.grant({
      clientId: clientIds[grant.clientIndex]!,
      userId: users[grant.to].id,
      rights: { canRead: true, canEdit: grant.canEdit ?? true, canSignOff: grant.canSignOff ?? false },
    });
  }
  for (const { clientIndex, category = 'Algemeen', ...report } of options.reports ?? []) {
    session.reports.create({ ...report, clientId: clientIds[clientIndex]!, category });
  }
  const planner = store.session(signedIn.id);
  for (const { clientIndexes = [], ...appointment } of options.appointments ?? []) {
    planner.appointments.create({ ...appointment, practitionerIds: [signedIn.id], clientIds: clientIndexes.map((i) => clientIds[i]!) });
  }
  const deviceId = uuidv7();
  await storeSignedLease(store, dataDir, { organisationId, userId: signedIn.id, deviceId }, options.licence ?? {});
  if (options.sessionToken) new DeviceValues(() => store.connection).set(syncValueKeys.sessionToken, options.sessionToken);
  store.lock();
  writeDeviceAccount(dataDir, { userId: signedIn.id, organisationId, email: signedIn.email, displayName: signedIn.displayName, deviceId });
  return { dataDir, password, organisationId, users, clientIds };
}

/**
 * A lease as the central service signs it at sign-in, kept where the app keeps it (the encrypted
 * store). The signing key is made here; its public half is what this device's app trusts.
 */
async function storeSignedLease(
  store: LocalStore,
  dataDir: string,
  identity: { organisationId: string; userId: string; deviceId: string },
  licence: NonNullable<Parameters<typeof provisionDevice>[0]>['licence'] & object,
): Promise<void> {
  const lib = await leaseCrypto();
  const pair = lib.crypto_sign_keypair();
  const issuedAt = new Date(Date.now() - 60_000);
  const lease: LicenceLease = {
    format: 'thuisdossier-lease/1',
    leaseId: uuidv7(),
    ...identity,
    plan: 'team-2-4',
    seats: 4,
    status: licence.status ?? 'active',
    blockReason: licence.blockReason ?? (licence.status === 'blocked' ? 'overdue' : null),
    exportAllowed: licence.exportAllowed ?? licence.status !== 'blocked',
    issuedAt: issuedAt.toISOString(),
    validUntil: new Date(issuedAt.getTime() + 14 * 24 * 60 * 60 * 1000).toISOString(),
    keyId: 'e2e',
  };
  const signed = signLease(lib, lease, { keyId: 'e2e', secretKey: pair.privateKey });
  await new DeviceValues(() => store.connection).asKeyValueStorage().set(licenceStorageKeys.signedLease, JSON.stringify(signed));
  writeFileSync(path.join(dataDir, e2eLeaseKeysFile), `e2e:${encodeKey(lib, pair.publicKey)}`);
}
