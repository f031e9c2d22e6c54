import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectivityMonitor } from '../../connectivity/monitor.js';
import { interactiveKdfParams } from '../../crypto/kdf-params.js';
import { loadSodium } from '../../crypto/sodium.js';
import { parseLeaseKeys } from '../../session/lease-keys.js';
import { MyAccount } from '../../session/my-account.js';
import { SessionService } from '../../session/session-service.js';
import { LocalStore } from '../../store/index.js';
import { CentralApi } from '../../sync/central-api.js';
import { apiCall, apiSignIn, demoCarer, demoNurse, demoOwner, demoPassword, startCentralService, totpCode, type CentralServiceProcess } from '../../sync/testing/central-service-process.js';
import type { CoreServices } from '../core-services.js';
import { createDispatcher } from '../dispatcher.js';
import { EventHub } from '../events.js';
import type { IpcError } from '../../../shared/ipc/errors.js';
import type { CoreHandlers } from '../handlers.js';
import { recordingCaller, recordingLog } from '../testing/recording-dispatch.js';
import { accountHandlers } from './account.js';
import { sessionHandlers } from './session.js';

/**
 * "Mijn account" through the dispatcher (the IPC contract checks both ways) with a REAL encrypted
 * store and the REAL central service (PGlite, its own process). Offline unlock is the proof that
 * the device follows the service: after a change only the new password opens the store.
 */
let central: CentralServiceProcess;
const dirs: string[] = [];
const stores: LocalStore[] = [];
const newPassword = 'nieuw-wachtwoord-voor-de-wijk';

beforeAll(async () => {
  central = await startCentralService();
}, 120_000);
afterAll(async () => {
  for (const store of stores) if (store.isUnlocked()) store.lock();
  await central?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A device signed in as `email`: real store, session and connectivity; every log line and answer kept. */
async function signedInDevice(email: string, options: { serverUrl?: string; password?: string } = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'td-account-'));
  dirs.push(dataDir);
  const { log, logLines } = recordingLog();
  const store = await LocalStore.at({ dir: dataDir, kdfParams: interactiveKdfParams(await loadSodium()) });
  stores.push(store);
  const api = new CentralApi(central.url);
  const session = new SessionService(store, dataDir, { api, appVersion: '0.1.0', leaseKeys: parseLeaseKeys(central.leaseKeys) });
  // Connectivity is probed for real: a dead port is what "no internet" looks like to the app.
  const connectivity = new ConnectivityMonitor({ serverUrl: options.serverUrl ?? central.url, onChange: () => undefined });
  const sync = { syncNow: async () => undefined };
  const services = { log, events: new EventHub(), connectivity, store, session, sync } as unknown as CoreServices;
  const online = new ConnectivityMonitor({ serverUrl: central.url, onChange: () => undefined });
  const handlers = { ...sessionHandlers({ ...services, connectivity: online }), ...accountHandlers(new MyAccount(session, store, api), connectivity) };
  const dispatch = createDispatcher(handlers as unknown as CoreHandlers, log);
  const { call, refusal, answers } = recordingCaller(dispatch);
  expect(await call('session.signIn', { email, password: options.password ?? demoPassword })).toMatchObject({ state: 'unlocked' });
  /** The device as after a restart: locked, then unlocked offline with `password` (no network involved). */
  const unlocksOfflineWith = async (password: string) => {
    await call('session.lock', {});
    const code = await refusal('session.unlock', { password }).catch(() => 'ok' as const);
    return code === 'ok';
  };
  return { store, call, refusal, unlocksOfflineWith, answers, logLines };
}

async function serviceAccepts(email: string, password: string): Promise<boolean> {
  return apiSignIn(central.url, email, password).then(
    () => true,
    () => false,
  );
}

describe('changing the password from "Mijn account" (real store, real central service)', () => {
  it('a wrong current password changes nothing; a right one changes the service and the offline unlock', async () => {
    const device = await signedInDevice(demoNurse);

    expect(await device.refusal('account.changePassword', { currentPassword: 'niet-het-goede-wachtwoord', newPassword })).toBe('wrong_password');
    expect(await serviceAccepts(demoNurse, demoPassword)).toBe(true);
    expect(await device.unlocksOfflineWith(demoPassword)).toBe(true);

    // The service's rules are checked before anything is sent: at least 12 characters, not the same.
    expect(await device.refusal('account.changePassword', { currentPassword: demoPassword, newPassword: 'kort' })).toBe('invalid_input');
    expect(await device.refusal('account.changePassword', { currentPassword: demoPassword, newPassword: demoPassword })).toBe('invalid_input');

    expect(await device.call('account.changePassword', { currentPassword: demoPassword, newPassword })).toEqual({ changed: true });
    expect(await serviceAccepts(demoNurse, newPassword)).toBe(true);
    expect(await serviceAccepts(demoNurse, demoPassword)).toBe(false);
    expect(await device.unlocksOfflineWith(demoPassword)).toBe(false);
    expect(await device.unlocksOfflineWith(newPassword)).toBe(true);
    // The device's own session goes on (the service ends only the other ones).
    expect(await device.call('account.twoFactor', {})).toEqual({ enabled: false });

    for (const text of [...device.answers, ...device.logLines]) {
      expect(text).not.toContain(newPassword);
      expect(text).not.toContain(demoPassword);
    }
  });

  it('offline: refused as "offline", and nothing changes anywhere', async () => {
    const device = await signedInDevice(demoCarer, { serverUrl: 'http://127.0.0.1:9' });
    expect(await device.refusal('account.changePassword', { currentPassword: demoPassword, newPassword })).toBe('offline');
    expect(await serviceAccepts(demoCarer, demoPassword)).toBe(true);
    expect(await device.unlocksOfflineWith(demoPassword)).toBe(true);
    expect(await device.unlocksOfflineWith(newPassword)).toBe(false);
  });

  it('a crash between the service and the re-wrap: the next online sign-in with the new password repairs the wrap', async () => {
    const device = await signedInDevice(demoCarer);
    // The service took the new password, then the device went down before re-wrapping the key.
    const token = await apiSignIn(central.url, demoCarer);
    await apiCall(central.url, token, 'POST', '/v1/me/password', { currentPassword: demoPassword, newPassword });
    await device.call('session.lock', {});

    // After the restart: the new password does not open the store yet, the old one does.
    expect(await device.unlocksOfflineWith(newPassword)).toBe(false);
    // Signing in online from the lock screen with the new password cannot unwrap the key: it asks for the previous one.
    const asked = await device.call('session.signIn', { email: demoCarer, password: newPassword }).catch((failure: { ipc: IpcError }) => failure.ipc);
    expect(asked).toMatchObject({ code: 'wrong_password', issues: [{ path: 'previousPassword', message: 'password_changed_online' }] });
    expect(await device.refusal('session.signIn', { email: demoCarer, password: newPassword, previousPassword: 'ook-niet-goed-wachtwoord' })).toBe('wrong_password');
    // With it, the key is opened once and re-wrapped under the new password; from then on only that one unlocks.
    expect(await device.call('session.signIn', { email: demoCarer, password: newPassword, previousPassword: demoPassword })).toMatchObject({ state: 'unlocked' });
    expect(await device.unlocksOfflineWith(demoPassword)).toBe(false);
    expect(await device.unlocksOfflineWith(newPassword)).toBe(true);
  });

  it('the same repair when the store happened to be open: the online sign-in re-wraps the key it holds', async () => {
    // The nurse changed hers to `newPassword` in the first test.
    const device = await signedInDevice(demoNurse, { password: newPassword });
    const token = await apiSignIn(central.url, demoNurse, newPassword);
    await apiCall(central.url, token, 'POST', '/v1/me/password', { currentPassword: newPassword, newPassword: `${newPassword}-2` });
    expect(await device.call('session.signIn', { email: demoNurse, password: `${newPassword}-2` })).toMatchObject({ state: 'unlocked' });
    expect(await device.unlocksOfflineWith(newPassword)).toBe(false);
    expect(await device.unlocksOfflineWith(`${newPassword}-2`)).toBe(true);
  });
});

describe('new recovery codes (real central service)', () => {
  it('only with 2FA on; a current code gives new codes once, the old ones stop working', async () => {
    const device = await signedInDevice(demoOwner);
    expect(await device.call('account.twoFactor', {})).toEqual({ enabled: false });
    expect(await device.refusal('account.renewRecoveryCodes', { code: '123456' })).toBe('conflict');

    // 2FA turned on (as the set-up at sign-in does): the first recovery codes.
    const token = await apiSignIn(central.url, demoOwner);
    const { secret } = (await apiCall(central.url, token, 'POST', '/v1/me/two-factor/enrol')) as { secret: string };
    // One code for the confirm and the replay below: computed twice, they differ when a 30-second step ends in between.
    const confirmCode = totpCode(secret);
    const first = (await apiCall(central.url, token, 'POST', '/v1/me/two-factor/confirm', { code: confirmCode })) as { recoveryCodes: string[] };
    expect(await device.call('account.twoFactor', {})).toEqual({ enabled: true });

    // A code the service saw already (replay) or a wrong one: `invalid`, the old codes stay.
    const later = (seconds: number) => totpCode(secret, new Date(Date.now() + seconds * 1000));
    expect(await device.call('account.renewRecoveryCodes', { code: confirmCode })).toEqual({ state: 'invalid' });
    const renewed = await device.call('account.renewRecoveryCodes', { code: later(30) });
    if (renewed.state !== 'renewed') throw new Error(`expected renewed, got ${renewed.state}`);
    expect(renewed.recoveryCodes).toHaveLength(10);
    expect(renewed.recoveryCodes.filter((code) => first.recoveryCodes.includes(code))).toEqual([]);

    const signInWith = (recoveryCode: string) =>
      fetch(new URL('/v1/auth/sign-in', central.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: demoOwner, password: demoPassword, recoveryCode, device: { id: crypto.randomUUID(), name: 'test', platform: 'linux' } }),
      }).then((response) => response.status);
    expect(await signInWith(first.recoveryCodes[0]!)).not.toBe(200);
    expect(await signInWith(renewed.recoveryCodes[0]!)).toBe(200);
    for (const text of [...device.answers.slice(0, -1), ...device.logLines]) expect(text).not.toContain(renewed.recoveryCodes[0]!);
  });
});
