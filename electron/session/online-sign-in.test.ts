import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toIpcError } from '../core/error-mapping.js';
import { interactiveKdfParams } from '../crypto/kdf-params.js';
import { loadSodium } from '../crypto/sodium.js';
import { LocalStore } from '../store/index.js';
import { CentralApi } from '../sync/central-api.js';
import { DeviceValues, syncValueKeys } from '../sync/device-values.js';
import {
  apiCall,
  apiSignIn,
  demoCarer,
  demoNurse,
  demoOwner,
  demoPassword,
  startCentralService,
  totpCode,
  type CentralServiceProcess,
} from '../sync/testing/central-service-process.js';
import { readDeviceAccount } from './device-account.js';
import { parseLeaseKeys } from './lease-keys.js';
import { SessionService } from './session-service.js';

let central: CentralServiceProcess;
const dirs: string[] = [];

beforeAll(async () => {
  central = await startCentralService();
}, 120_000);
afterAll(async () => {
  await central?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function device() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'td-signin-'));
  dirs.push(dataDir);
  const store = await LocalStore.at({ dir: dataDir, kdfParams: interactiveKdfParams(await loadSodium()) });
  const session = new SessionService(store, dataDir, { api: new CentralApi(central.url), appVersion: '0.1.0', leaseKeys: parseLeaseKeys(central.leaseKeys) });
  return { dataDir, store, session };
}

describe('first online sign-in on a device (real central service)', () => {
  it('creates the encrypted store, the directory, the device account and the lease; offline unlock works after', async () => {
    const { dataDir, store, session } = await device();
    expect(session.status()).toEqual({ state: 'no-account' });

    const outcome = await session.signIn({ email: demoNurse, password: demoPassword });
    expect(outcome.kind).toBe('signed-in');
    const status = session.status();
    expect(status).toMatchObject({ state: 'unlocked', user: { email: demoNurse, displayName: 'Fatima El Amrani', organisationName: 'Thuiszorg De Linde (demo)' } });
    const account = readDeviceAccount(dataDir)!;
    expect(account.deviceId).toMatch(/^[0-9a-f-]{36}$/);
    const values = new DeviceValues(() => store.connection);
    expect(values.get(syncValueKeys.sessionToken)).toBeTruthy();
    expect(values.get('licence.signedLease')).toContain(account.deviceId!);

    session.lock();
    expect(session.status()).toMatchObject({ state: 'locked', email: demoNurse });
    expect(() => session.unlock('not the password')).toThrow();
    expect(session.unlock(demoPassword)).toMatchObject({ state: 'unlocked' });
  });

  it('a later online sign-in resets the offline unlock counters and keeps the registered device', async () => {
    const { dataDir, store, session } = await device();
    await session.signIn({ email: demoCarer, password: demoPassword });
    const deviceId = readDeviceAccount(dataDir)!.deviceId;
    session.lock();
    for (let i = 0; i < 2; i += 1) expect(() => session.unlock('wrong')).toThrow();
    expect(store.unlockAttempts().failedAttempts).toBe(2);
    await session.signIn({ email: demoCarer, password: demoPassword });
    expect(store.unlockAttempts().failedAttempts).toBe(0);
    expect(readDeviceAccount(dataDir)!.deviceId).toBe(deviceId);
  });

  it('asks for the authenticator code when the account has 2FA, and refuses a wrong one', async () => {
    const token = await apiSignIn(central.url, 'beheer@demo.thuisdossier.nl');
    const { secret } = (await apiCall(central.url, token, 'POST', '/v1/me/two-factor/enrol')) as { secret: string };
    await apiCall(central.url, token, 'POST', '/v1/me/two-factor/confirm', { code: totpCode(secret) });

    const { session, store } = await device();
    expect(await session.signIn({ email: 'beheer@demo.thuisdossier.nl', password: demoPassword })).toEqual({ kind: 'two-factor', reason: 'required' });
    expect(store.exists()).toBe(false);
    const wrong = totpCode(secret) === '000000' ? '111111' : '000000';
    expect(await session.signIn({ email: 'beheer@demo.thuisdossier.nl', password: demoPassword, totp: wrong })).toEqual({ kind: 'two-factor', reason: 'invalid' });
    // The code of the next time step: the enrolment used the current one, and a used step is refused.
    const outcome = await session.signIn({ email: 'beheer@demo.thuisdossier.nl', password: demoPassword, totp: totpCode(secret, new Date(Date.now() + 30_000)) });
    expect(outcome.kind).toBe('signed-in');
    expect(store.exists()).toBe(true);
  });

  it('refuses a wrong password without creating anything, and says so', async () => {
    const { session, store } = await device();
    await expect(session.signIn({ email: demoNurse, password: 'wrong password' })).rejects.toMatchObject({ code: 'wrong_password' });
    expect(store.exists()).toBe(false);
  });

  it('does not trust a lease signed with a key it was not configured with', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'td-signin-'));
    dirs.push(dataDir);
    const store = await LocalStore.at({ dir: dataDir, kdfParams: interactiveKdfParams(await loadSodium()) });
    const session = new SessionService(store, dataDir, { api: new CentralApi(central.url), appVersion: '0.1.0', leaseKeys: {} });
    await expect(session.signIn({ email: demoNurse, password: demoPassword })).rejects.toMatchObject({ code: 'licence_blocked' });
    expect(readDeviceAccount(dataDir)).toBeNull();
  });

  // Last in this file: the carer stays paused.
  it('a paused account is turned away with that reason (not a plain "no access"), and nothing is created', async () => {
    const owner = await apiSignIn(central.url, demoOwner);
    const { users } = (await apiCall(central.url, owner, 'GET', '/v1/admin/users')) as { users: Array<{ id: string; email: string }> };
    const carer = users.find((user) => user.email === demoCarer)!;
    await apiCall(central.url, owner, 'PATCH', `/v1/admin/users/${carer.id}`, { status: 'paused' });

    const { dataDir, store, session } = await device();
    const refused = await session.signIn({ email: demoCarer, password: demoPassword }).then(() => null, (error: unknown) => error);
    expect(toIpcError(refused)).toMatchObject({ code: 'forbidden', refusal: 'account_paused' });
    expect(store.exists()).toBe(false);
    expect(readDeviceAccount(dataDir)).toBeNull();
  });
});
