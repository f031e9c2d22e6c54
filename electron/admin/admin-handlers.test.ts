import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IpcMethod, IpcOutput } from '../../shared/ipc/contract.js';
import type { IpcError } from '../../shared/ipc/errors.js';
import { addMonths, monthlyCancellationEndDate } from '../../shared/subscription/index.js';
import { createDispatcher } from '../core/dispatcher.js';
import type { CoreHandlers } from '../core/handlers.js';
import { adminHandlers } from '../core/handlers/admin.js';
import { interactiveKdfParams } from '../crypto/kdf-params.js';
import { loadSodium } from '../crypto/sodium.js';
import { createLogger } from '../log/logger.js';
import { parseLeaseKeys } from '../session/lease-keys.js';
import { SessionService } from '../session/session-service.js';
import { LocalStore } from '../store/index.js';
import { CentralApi } from '../sync/central-api.js';
import {
  apiCall,
  apiSignIn,
  demoNurse,
  demoOwner,
  demoPassword,
  startCentralService,
  testOperatorToken,
  totpCode,
  type CentralServiceProcess,
} from '../sync/testing/central-service-process.js';
import { AdminConnection } from './admin-connection.js';
import { amsterdamToday } from './amsterdam-today.js';

/**
 * The admin handlers against the REAL central service (server/cli.ts demo on PGlite, its own
 * process), each device with a real encrypted store signed in online. The calls go through the
 * dispatcher, so the IPC contract checks what goes in and what comes back.
 */
let central: CentralServiceProcess;
const dirs: string[] = [];
const demoAdmin = 'beheer@demo.thuisdossier.nl';
const log = createLogger('test', 'silent');

beforeAll(async () => {
  central = await startCentralService();
}, 120_000);
afterAll(async () => {
  await central?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A device signed in as `email`; `requests` counts what it sent to the service after sign-in. */
async function signedInDevice(email: string, serverUrl?: string) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'td-admin-'));
  dirs.push(dataDir);
  const store = await LocalStore.at({ dir: dataDir, kdfParams: interactiveKdfParams(await loadSodium()) });
  const session = new SessionService(store, dataDir, { api: new CentralApi(central.url), appVersion: '0.1.0', leaseKeys: parseLeaseKeys(central.leaseKeys) });
  expect((await session.signIn({ email, password: demoPassword })).kind).toBe('signed-in');
  const requests: string[] = [];
  const counting: typeof fetch = (input, init) => {
    requests.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
    return fetch(input, init);
  };
  const api = new CentralApi(serverUrl ?? central.url, counting);
  const dispatch = createDispatcher(adminHandlers(new AdminConnection(session, store, api)) as unknown as CoreHandlers, log);
  let id = 0;
  const call = async <M extends IpcMethod>(method: M, input: unknown): Promise<{ ok: true; value: IpcOutput<M> } | { ok: false; error: IpcError }> => {
    id += 1;
    const response = await dispatch({ kind: 'request', id, method, input }, { connectionId: 'test' });
    return response.result as { ok: true; value: IpcOutput<M> } | { ok: false; error: IpcError };
  };
  const value = async <M extends IpcMethod>(method: M, input: unknown = {}): Promise<IpcOutput<M>> => {
    const result = await call(method, input);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  return { call, value, requests, session };
}

describe('admin screens against the real central service', () => {
  it('refuses a practitioner on the device: nothing is sent to the service', async () => {
    const nurse = await signedInDevice(demoNurse);
    for (const method of ['admin.users', 'admin.subscription', 'admin.security', 'admin.storage'] as const) {
      const result = await nurse.call(method, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const invite = await nurse.call('admin.inviteUser', { email: 'nieuw@demo.thuisdossier.nl', displayName: 'Nieuw', role: 'practitioner' });
    expect(invite).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(nurse.requests).toEqual([]);
  });

  it('refuses when the app is locked, before asking the service', async () => {
    const owner = await signedInDevice(demoOwner);
    owner.session.lock();
    expect(await owner.call('admin.users', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(owner.requests).toEqual([]);
  });

  it('says offline (not a crash) when the service cannot be reached', async () => {
    const owner = await signedInDevice(demoOwner, 'http://127.0.0.1:9');
    const result = await owner.call('admin.users', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'offline' } });
  });

  it('the owner converts the trial, sees the automatic upgrade before inviting, and the plan follows when the invite is accepted', async () => {
    const owner = await signedInDevice(demoOwner);
    const trial = await owner.value('admin.subscription');
    expect(trial).toMatchObject({ status: 'trial', plan: 'team-2-4', activeUsers: 4, callerIsOwner: true, paid: null });
    // In the trial the plan follows the users and nothing is charged: the preview says so (no prices).
    expect(await owner.value('admin.seatPreview', { adding: 1 })).toMatchObject({ currentPlan: 'team-2-4', newPlan: 'team-5-9', upgraded: true, newPriceCents: null });

    const paid = await owner.value('admin.convertToPaid', { billingInterval: 'monthly' });
    expect(paid).toMatchObject({ status: 'active', plan: 'team-2-4', paid: { billingInterval: 'monthly', priceCents: 5_900 } });
    const today = amsterdamToday();
    // Art. 17: a monthly cancellation made today ends at the end of next month.
    expect(paid.earliestCancellationEndDate).toBe(monthlyCancellationEndDate(today));
    // Art. 6: one step down, but 4 active users do not fit the 1-user plan.
    expect(paid.downgrades).toEqual([
      expect.objectContaining({ to: 'solo-1', selfService: { allowed: false, reasons: expect.arrayContaining(['active_users_exceed_plan']) } }),
    ]);
    expect(paid.upgrades.map((u) => u.to)).toEqual(['team-5-9', 'team-10-14', 'contract-15-plus']);

    // 4 of 4 seats used: a fifth user upgrades the plan (art. 14), and the price shown is the agreement's.
    const preview = await owner.value('admin.seatPreview', { adding: 1 });
    expect(preview).toEqual({
      status: 'active',
      activeUsers: 4,
      pendingInvites: 0,
      activeUsersAfter: 5,
      currentPlan: 'team-2-4',
      newPlan: 'team-5-9',
      upgraded: true,
      billingInterval: 'monthly',
      currentPriceCents: 5_900,
      newPriceCents: 11_900,
    });

    const invited = await owner.value('admin.inviteUser', { email: 'Sanne.Visser@demo.thuisdossier.nl', displayName: 'Sanne Visser', role: 'practitioner' });
    expect(invited.user).toMatchObject({ email: 'sanne.visser@demo.thuisdossier.nl', status: 'invited' });
    // The open invite counts in the next preview: a sixth user stays within 5–9.
    expect(await owner.value('admin.seatPreview', { adding: 1 })).toMatchObject({ pendingInvites: 1, activeUsersAfter: 6, currentPlan: 'team-2-4', newPlan: 'team-5-9' });

    // The colleague accepts on their own device: now they count, and the service upgraded the plan.
    const accepted = await fetch(new URL('/v1/auth/accept-invite', central.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: invited.inviteToken, password: 'een-lang-wachtwoord-2026' }),
    });
    expect(accepted.status).toBe(200);
    const upgraded = await owner.value('admin.subscription');
    expect(upgraded).toMatchObject({ plan: 'team-5-9', activeUsers: 5, paid: { priceCents: 11_900 } });

    // Pausing never downgrades by itself (art. 14) …
    const users = await owner.value('admin.users');
    const sanne = users.users.find((u) => u.email === 'sanne.visser@demo.thuisdossier.nl')!;
    expect((await owner.value('admin.setUserStatus', { userId: sanne.id, status: 'paused' })).user.status).toBe('paused');
    const afterPause = await owner.value('admin.subscription');
    expect(afterPause).toMatchObject({ plan: 'team-5-9', activeUsers: 4 });
    // … but the rules now offer the one-step self-service downgrade (4 users fit 2–4) …
    const oneDown = afterPause.downgrades.find((d) => d.to === 'team-2-4')!;
    expect(oneDown.selfService).toEqual({ allowed: true, reasons: [] });
    expect(afterPause.downgrades.find((d) => d.to === 'solo-1')!.selfService.reasons).toEqual(expect.arrayContaining(['more_than_one_step']));
    // … which the service carries out, and only once this calendar month.
    const downgraded = await owner.value('admin.changePlan', { plan: 'team-2-4' });
    expect(downgraded).toMatchObject({ plan: 'team-2-4', paid: { priceCents: 5_900 } });
    // Reactivating Sanne would upgrade again: the preview of the reactivation says so.
    expect(await owner.value('admin.seatPreview', { adding: 1 })).toMatchObject({ currentPlan: 'team-2-4', newPlan: 'team-5-9', upgraded: true });
  }, 60_000);

  it('an admin (not the owner) may not convert or cancel: refused on the device', async () => {
    const admin = await signedInDevice('beheer@demo.thuisdossier.nl');
    expect((await admin.value('admin.subscription')).callerIsOwner).toBe(false);
    admin.requests.length = 0;
    const endDate = monthlyCancellationEndDate(amsterdamToday());
    expect(await admin.call('admin.cancelSubscription', { confirm: true, endDate })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await admin.call('admin.convertToPaid', { billingInterval: 'yearly' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(admin.requests).toEqual([]);
  });

  it('security settings: validated on the device, saved on the service', async () => {
    const owner = await signedInDevice(demoOwner);
    const before = await owner.value('admin.security');
    expect(before.requireTwoFactor).toBe(false);
    const invalid = await owner.call('admin.updateSecurity', { ipAllowList: ['192.168.1.300/24'] });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [expect.objectContaining({ path: 'ipAllowList.0' })] } });
    // The service refuses a list that would lock out the admin's own address.
    const lockout = await owner.call('admin.updateSecurity', { ipAllowList: ['192.0.2.0/24'] });
    expect(lockout).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const saved = await owner.value('admin.updateSecurity', { ipAllowList: ['127.0.0.0/8', '192.0.2.0/24'], autoLockMinutes: 10 });
    expect(saved).toMatchObject({ ipAllowList: ['127.0.0.0/8', '192.0.2.0/24'], autoLockMinutes: 10 });
    expect(await owner.value('admin.security')).toMatchObject({ autoLockMinutes: 10 });
  });

  it('devices, invoices and storage come from the service', async () => {
    const owner = await signedInDevice(demoOwner);
    const { devices } = await owner.value('admin.devices');
    expect(devices.some((d) => d.userDisplayName === 'Anna de Vries' && !d.revoked)).toBe(true);
    // Each signed-in device got a lease at sign-in; the list says whether it is still valid.
    expect(devices.filter((d) => d.userDisplayName === 'Anna de Vries' && !d.revoked).every((d) => d.lease?.state === 'valid')).toBe(true);
    const storage = await owner.value('admin.storage');
    expect(storage.usedBytes).toBe((48 + 310 + 12) * 1024 * 1024);
    const { invoices } = await owner.value('admin.invoices');
    expect(Array.isArray(invoices)).toBe(true);

    const nurseDevice = devices.find((d) => d.userDisplayName === 'Fatima El Amrani' && !d.revoked)!;
    expect(await owner.value('admin.revokeDevice', { userId: nurseDevice.userId, deviceId: nurseDevice.id })).toEqual({ ok: true });
    const after = await owner.value('admin.devices');
    expect(after.devices.find((d) => d.id === nurseDevice.id)?.revoked).toBe(true);
  });
  it('a downgrade the rules allow only on request is asked for, and listed with its state', async () => {
    const owner = await signedInDevice(demoOwner);
    // Up two steps (allowed any time), then one step down is closed this month: only by request.
    await owner.value('admin.changePlan', { plan: 'team-10-14' });
    const summary = await owner.value('admin.subscription');
    const option = summary.downgrades.find((d) => d.to === 'team-5-9')!;
    expect(option.selfService).toEqual({ allowed: false, reasons: ['already_downgraded_this_month'] });
    expect(option.byApprovedRequest.allowed).toBe(true);
    const request = await owner.value('admin.requestDowngrade', { plan: 'team-5-9', reason: 'Twee collega’s met zwangerschapsverlof.' });
    expect(request).toMatchObject({ fromPlan: 'team-10-14', toPlan: 'team-5-9', status: 'pending' });
    const { requests } = await owner.value('admin.downgradeRequests');
    expect(requests.map((r) => [r.toPlan, r.status])).toEqual([['team-5-9', 'pending']]);
    // The plan itself stays until the service approves.
    expect((await owner.value('admin.subscription')).plan).toBe('team-10-14');
  });

  it('a price rise above 1.5× is shown with the right to cancel at once; only the owner may use it, and it ends the agreement today', async () => {
    const today = amsterdamToday();
    const before = await (await signedInDevice(demoOwner)).value('admin.subscription');
    const current = before.paid!.priceCents;
    // Art. 8 "other" price change, announced well ahead; every plan's price doubles.
    const doubled = (factor: number) => ({
      'solo-1': 1_900 * factor,
      'team-2-4': 5_900 * factor,
      'team-5-9': 11_900 * factor,
      'team-10-14': 17_900 * factor,
      'contract-15-plus': 29_900 * factor,
    });
    const announced = (await apiCall(central.url, testOperatorToken, 'POST', '/v1/operator/price-changes', {
      kind: 'other',
      effectiveOn: addMonths(today, 4),
      monthly: doubled(2),
      yearly: doubled(20),
    })) as { announced: { mayCancelUntil: string | null }[]; refused: unknown[] };
    expect(announced.refused).toEqual([]);
    const mayCancelUntil = announced.announced[0]!.mayCancelUntil!;

    const admin = await signedInDevice(demoAdmin);
    const seenByAdmin = await admin.value('admin.subscription');
    expect(seenByAdmin.paid!.pendingPriceChange).toMatchObject({
      kind: 'other',
      effectiveOn: addMonths(today, 4),
      newPriceCents: current * 2,
      customerMayCancelUntil: mayCancelUntil,
      mayCancelNow: true,
    });
    // Not the owner: refused on the device, nothing sent.
    admin.requests.length = 0;
    expect(await admin.call('admin.cancelForPriceIncrease', { confirm: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(admin.requests).toEqual([]);

    const owner = await signedInDevice(demoOwner);
    const after = await owner.value('admin.cancelForPriceIncrease', { confirm: true });
    expect(after.cancellation).toEqual({ kind: 'price_increase', submittedOn: today, endDate: today });
    expect(after.paid!.pendingPriceChange!.mayCancelNow).toBe(false);
  });

  it('the owner hands ownership to an admin with the password; the device stops treating them as owner at once', async () => {
    const owner = await signedInDevice(demoOwner);
    const { users } = await owner.value('admin.users');
    const bram = users.find((u) => u.email === 'beheer@demo.thuisdossier.nl')!;
    expect(await owner.call('admin.transferOwnership', { toUserId: bram.id, password: 'niet het wachtwoord' })).toMatchObject({
      ok: false,
      error: { code: 'wrong_password' },
    });
    const answer = await owner.value('admin.transferOwnership', { toUserId: bram.id, password: demoPassword });
    expect(answer.owner).toMatchObject({ id: bram.id, role: 'owner' });
    expect(answer.previousOwner).toMatchObject({ email: demoOwner, role: 'admin' });
    expect((await owner.value('admin.subscription')).callerIsOwner).toBe(false);
    owner.requests.length = 0;
    expect(await owner.call('admin.cancelSubscription', { confirm: true, endDate: monthlyCancellationEndDate(amsterdamToday()) })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(owner.requests).toEqual([]);
  });

  it('with two-step verification on, the hand-over also needs the code: a missing and a wrong code are named as such', async () => {
    // Bram is the owner since the previous test; his device signs in first, then he turns 2FA on.
    const bram = await signedInDevice(demoAdmin);
    const token = await apiSignIn(central.url, demoAdmin);
    const { secret } = (await apiCall(central.url, token, 'POST', '/v1/me/two-factor/enrol')) as { secret: string };
    await apiCall(central.url, token, 'POST', '/v1/me/two-factor/confirm', { code: totpCode(secret) });
    const anna = (await bram.value('admin.users')).users.find((u) => u.email === demoOwner)!;

    expect(await bram.call('admin.transferOwnership', { toUserId: anna.id, password: demoPassword })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'code', message: 'two_factor_required' }] },
    });
    const next = new Date(Date.now() + 30_000);
    const wrong = totpCode(secret, next) === '000000' ? '111111' : '000000';
    expect(await bram.call('admin.transferOwnership', { toUserId: anna.id, password: demoPassword, code: wrong })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'code', message: 'invalid_two_factor_code' }] },
    });
    // The code of the next time step (the enrolment used the current one; a used step is refused).
    const answer = await bram.value('admin.transferOwnership', { toUserId: anna.id, password: demoPassword, code: totpCode(secret, next) });
    expect(answer.owner).toMatchObject({ email: demoOwner, role: 'owner' });
    expect((await bram.value('admin.subscription')).callerIsOwner).toBe(false);
  });
});
