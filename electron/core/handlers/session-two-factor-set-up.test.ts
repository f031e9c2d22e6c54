import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectivityMonitor } from '../../connectivity/monitor.js';
import { interactiveKdfParams } from '../../crypto/kdf-params.js';
import { loadSodium } from '../../crypto/sodium.js';
import { parseLeaseKeys } from '../../session/lease-keys.js';
import { SessionService } from '../../session/session-service.js';
import { LocalStore } from '../../store/index.js';
import { CentralApi, errorFrom } from '../../sync/central-api.js';
import { SyncService } from '../../sync/sync-service.js';
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
} from '../../sync/testing/central-service-process.js';
import type { CoreServices } from '../core-services.js';
import { createDispatcher } from '../dispatcher.js';
import { EventHub } from '../events.js';
import type { CoreHandlers } from '../handlers.js';
import { recordingCaller, recordingLog } from '../testing/recording-dispatch.js';
import { sessionHandlers } from './session.js';

/**
 * Setting up 2FA on a device's first sign-in when the organisation requires it, through the
 * dispatcher (so the IPC contract checks both ways) against the REAL central service (PGlite, its
 * own process). The enrolment token is read off the wire by a recording fetch, to prove it never
 * reaches an IPC answer or a log line.
 */
let central: CentralServiceProcess;
let ownerToken: string;
const dirs: string[] = [];
const stores: LocalStore[] = [];

beforeAll(async () => {
  central = await startCentralService();
  // The owner turns 2FA on for herself (the service demands that first), then requires it for all.
  ownerToken = await apiSignIn(central.url, demoOwner);
  const { secret } = (await apiCall(central.url, ownerToken, 'POST', '/v1/me/two-factor/enrol')) as { secret: string };
  await apiCall(central.url, ownerToken, 'POST', '/v1/me/two-factor/confirm', { code: totpCode(secret) });
  await apiCall(central.url, ownerToken, 'PATCH', '/v1/admin/security', { requireTwoFactor: true });
}, 120_000);
afterAll(async () => {
  for (const store of stores) if (store.isUnlocked()) store.lock();
  await central?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A fresh device: real store, session, sync and connectivity; every log line and every answer body kept. */
async function device() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'td-2fa-set-up-'));
  dirs.push(dataDir);
  const seenBodies: string[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    seenBodies.push(await response.clone().text());
    return response;
  };
  const { log, logLines } = recordingLog();
  const store = await LocalStore.at({ dir: dataDir, kdfParams: interactiveKdfParams(await loadSodium()) });
  stores.push(store);
  const api = new CentralApi(central.url, recordingFetch);
  const leaseKeys = parseLeaseKeys(central.leaseKeys);
  const session = new SessionService(store, dataDir, { api, appVersion: '0.1.0', leaseKeys });
  const events = new EventHub();
  const connectivity = new ConnectivityMonitor({ serverUrl: central.url, onChange: () => undefined });
  const sync = new SyncService({ store, dataDir, api, leaseKeys, log, isOnline: () => true, onStatus: () => undefined });
  const services = { log, events, connectivity, store, session, sync } as unknown as CoreServices;
  const dispatch = createDispatcher(sessionHandlers(services) as unknown as CoreHandlers, log);
  const { call, answers } = recordingCaller(dispatch);
  const enrolmentTokens = () => seenBodies.flatMap((body) => (body.includes('enrolmentToken') ? [(JSON.parse(body) as { enrolmentToken: string }).enrolmentToken] : []));
  return { store, sync, call, answers, logLines, enrolmentTokens };
}

const otherThan = (code: string) => (code === '000000' ? '111111' : '000000');

describe('2FA set-up on the first sign-in when the organisation requires it (real central service)', () => {
  it('sets up, shows the recovery codes once, signs in with the next code; the token never leaves the core', async () => {
    const { store, sync, call, answers, logLines, enrolmentTokens } = await device();

    const started = await call('session.signIn', { email: demoNurse, password: demoPassword });
    if (started.state !== 'two-factor-set-up') throw new Error(`expected the set-up, got ${started.state}`);
    const { secret, otpauthUri } = started.setUp;
    expect(Object.keys(started.setUp).sort()).toEqual(['otpauthUri', 'secret']); // no SVG from the network, no token
    expect(new URL(otpauthUri).searchParams.get('secret')).toBe(secret);
    expect(store.exists()).toBe(false); // nothing on the device before the sign-in succeeds

    // A wrong code: refused, and the set-up stays (the same secret still works).
    expect(await call('session.confirmTwoFactor', { code: otherThan(totpCode(secret)) })).toEqual({ state: 'invalid' });
    const firstCode = totpCode(secret);
    const confirmed = await call('session.confirmTwoFactor', { code: firstCode });
    if (confirmed.state !== 'confirmed') throw new Error(`expected confirmed, got ${confirmed.state}`);
    expect(confirmed.recoveryCodes).toHaveLength(10);
    expect(confirmed.recoveryCodes[0]).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}-[a-z2-7]{5}$/);
    // Confirmed once: the enrolment session is spent, a second confirm is not possible.
    expect(await call('session.confirmTwoFactor', { code: firstCode })).toEqual({ state: 'expired' });

    // The service accepts a code once (replay protection), so the code just confirmed does not sign in…
    expect(await call('session.signIn', { email: demoNurse, password: demoPassword, totp: firstCode })).toEqual({ state: 'two-factor', reason: 'invalid' });
    // …the next one from the app does, and the device is set up as after any first sign-in.
    const signedIn = await call('session.signIn', { email: demoNurse, password: demoPassword, totp: totpCode(secret, new Date(Date.now() + 30_000)) });
    expect(signedIn).toMatchObject({ state: 'unlocked', user: { email: demoNurse } });
    expect(store.exists()).toBe(true);
    await sync.syncNow();

    const tokens = enrolmentTokens();
    expect(tokens).toHaveLength(1);
    const token = tokens[0]!;
    expect(token.length).toBeGreaterThan(20);
    for (const answer of answers) expect(answer).not.toContain(token);
    for (const line of logLines) expect(line).not.toContain(token);
  });

  it('an ended set-up session says "expired"; signing in again starts a fresh set-up', async () => {
    const { call, enrolmentTokens } = await device();
    const first = await call('session.signIn', { email: demoCarer, password: demoPassword });
    if (first.state !== 'two-factor-set-up') throw new Error(`expected the set-up, got ${first.state}`);

    // The admin turns the requirement off and on: sessions of users without 2FA end, the set-up's too.
    await apiCall(central.url, ownerToken, 'PATCH', '/v1/admin/security', { requireTwoFactor: false });
    await apiCall(central.url, ownerToken, 'PATCH', '/v1/admin/security', { requireTwoFactor: true });
    expect(await call('session.confirmTwoFactor', { code: totpCode(first.setUp.secret) })).toEqual({ state: 'expired' });

    const again = await call('session.signIn', { email: demoCarer, password: demoPassword });
    if (again.state !== 'two-factor-set-up') throw new Error(`expected the set-up, got ${again.state}`);
    expect(again.setUp.secret).not.toBe(first.setUp.secret);
    expect(await call('session.confirmTwoFactor', { code: totpCode(again.setUp.secret) })).toMatchObject({ state: 'confirmed' });
    expect(enrolmentTokens()).toHaveLength(2);
  });

  it('a confirm without a set-up under way (e.g. after the app restarted) says "expired"', async () => {
    const { call } = await device();
    expect(await call('session.confirmTwoFactor', { code: '123456' })).toEqual({ state: 'expired' });
  });

  it('the API error keeps the enrolment token out of its message, its JSON and an inspect', () => {
    const token = 'enrolment-token-secret-value-1234567890';
    const error = errorFrom(403, JSON.stringify({ error: 'two_factor_enrolment_required', message: 'Set it up first.', enrolmentToken: token }));
    expect(error.enrolmentToken()).toBe(token);
    expect(`${error.message} ${JSON.stringify(error)} ${inspect(error, { showHidden: true, depth: 5 })}`).not.toContain(token);
  });
});
