import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignInResponse } from '../../shared/api/auth.js';
import { verifyLease } from '../../shared/licence/sign.js';
import { signPaymentBody } from '../payments/provider.js';
import { openTestDatabase, testBackends, type TestDatabase } from '../testing/databases.js';
import {
  addUser,
  call,
  createTestOrganisation,
  newDevice,
  PASSWORD,
  signInOk,
  startHarness,
  TEST_PAYMENT_SECRET,
  type Harness,
  type TestOrganisation,
} from '../testing/harness.js';

describe.each(testBackends)('admin API on %s', (backend) => {
  let database: TestDatabase;
  let harness: Harness;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    harness = await startHarness(database);
  });
  afterAll(async () => {
    await harness?.app.close();
    await database?.dispose();
  });

  const get = (org: TestOrganisation, url: string) => call(harness, org.ownerToken, { method: 'GET', url });
  const subscription = async (org: TestOrganisation) => (await get(org, '/v1/admin/subscription')).json() as { status: string; plan: string; seats: number; activeUsers: number };

  it('invites users; an accepted invite counts and upgrades the plan automatically (art. 14)', async () => {
    const org = await createTestOrganisation(harness);
    expect(await subscription(org)).toMatchObject({ status: 'trial', plan: 'solo-1', seats: 1, activeUsers: 1 });
    const invite = await call(harness, org.ownerToken, { method: 'POST', url: '/v1/admin/users', payload: { email: 'Nieuw@Example.nl', displayName: 'Nieuwe collega', role: 'practitioner' } });
    expect(invite.json()).toMatchObject({ user: { email: 'nieuw@example.nl', status: 'invited' } });
    // Invited users do not count yet.
    expect(await subscription(org)).toMatchObject({ plan: 'solo-1', activeUsers: 1 });
    const duplicate = await call(harness, org.ownerToken, { method: 'POST', url: '/v1/admin/users', payload: { email: 'nieuw@example.nl', displayName: 'Again', role: 'practitioner' } });
    expect(duplicate.statusCode).toBe(409);

    const { inviteToken } = invite.json() as { inviteToken: string };
    const accepted = await call(harness, null, { method: 'POST', url: '/v1/auth/accept-invite', payload: { token: inviteToken, password: PASSWORD } });
    expect(accepted.json()).toMatchObject({ email: 'nieuw@example.nl', organisationName: 'Wijkzorg De Linde' });
    expect(await subscription(org)).toMatchObject({ plan: 'team-2-4', seats: 4, activeUsers: 2 });
    const again = await call(harness, null, { method: 'POST', url: '/v1/auth/accept-invite', payload: { token: inviteToken, password: PASSWORD } });
    expect(again.json()).toMatchObject({ error: 'invite_invalid' });
  });

  it('pausing does not downgrade a paid plan; removing frees the address and ends access', async () => {
    const org = await createTestOrganisation(harness);
    await call(harness, org.ownerToken, { method: 'POST', url: '/v1/admin/subscription/convert', payload: { billingInterval: 'monthly' } });
    const colleague = await addUser(harness, org);
    expect(await subscription(org)).toMatchObject({ status: 'active', plan: 'team-2-4', activeUsers: 2 });
    const pause = await call(harness, org.ownerToken, { method: 'PATCH', url: `/v1/admin/users/${colleague.userId}`, payload: { status: 'paused' } });
    expect(pause.json()).toMatchObject({ user: { status: 'paused' } });
    expect(await subscription(org)).toMatchObject({ plan: 'team-2-4', activeUsers: 1 });

    const remove = await call(harness, org.ownerToken, { method: 'PATCH', url: `/v1/admin/users/${colleague.userId}`, payload: { status: 'removed' } });
    expect(remove.statusCode).toBe(200);
    const signIn = await call(harness, null, { method: 'POST', url: '/v1/auth/sign-in', payload: { email: colleague.email, password: PASSWORD, device: newDevice() } });
    expect(signIn.json()).toMatchObject({ error: 'invalid_credentials' });
    const back = await call(harness, org.ownerToken, { method: 'PATCH', url: `/v1/admin/users/${colleague.userId}`, payload: { status: 'active' } });
    expect(back.statusCode).toBe(409);
    const reinvite = await call(harness, org.ownerToken, { method: 'POST', url: '/v1/admin/users', payload: { email: colleague.email, displayName: 'Terug', role: 'practitioner' } });
    expect(reinvite.json()).toMatchObject({ user: { id: colleague.userId, status: 'invited' } });
  });

  it('protects the owner and keeps admins from changing themselves', async () => {
    const org = await createTestOrganisation(harness);
    const admin = await addUser(harness, org, 'admin');
    const onOwner = await call(harness, admin.token, { method: 'PATCH', url: `/v1/admin/users/${org.ownerId}`, payload: { status: 'paused' } });
    expect(onOwner.statusCode).toBe(403);
    const onSelf = await call(harness, admin.token, { method: 'PATCH', url: `/v1/admin/users/${admin.userId}`, payload: { role: 'practitioner' } });
    expect(onSelf.statusCode).toBe(403);
    const rename = await call(harness, admin.token, { method: 'PATCH', url: `/v1/admin/users/${admin.userId}`, payload: { displayName: 'Bram J.' } });
    expect(rename.json()).toMatchObject({ user: { displayName: 'Bram J.' } });
  });

  it('shows one account active on several devices, and revokes a device', async () => {
    const org = await createTestOrganisation(harness);
    const tablet = newDevice('Tablet');
    const second = await signInOk(harness, { email: org.ownerEmail, password: PASSWORD, device: tablet });
    const list = (await get(org, '/v1/admin/devices')).json() as { devices: { id: string; active: boolean }[]; usersOnSeveralDevices: string[] };
    expect(list.devices.filter((device) => device.active)).toHaveLength(2);
    expect(list.usersOnSeveralDevices).toEqual([org.ownerId]);
    const users = (await get(org, '/v1/admin/users')).json() as { users: { id: string; activeDevices: number }[] };
    expect(users.users.find((user) => user.id === org.ownerId)?.activeDevices).toBe(2);

    const revoke = await call(harness, org.ownerToken, { method: 'DELETE', url: `/v1/admin/devices/${org.ownerId}/${tablet.id}` });
    expect(revoke.statusCode).toBe(200);
    // The revoked device's own session is refused with a signed order to wipe its local data.
    const refused = await call(harness, second.session.token, { method: 'GET', url: '/v1/me' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: 'device_revoked', wipeOrder: { format: 'thuisdossier-wipe/1' } });
    const retry = await call(harness, null, { method: 'POST', url: '/v1/auth/sign-in', payload: { email: org.ownerEmail, password: PASSWORD, device: tablet } });
    expect(retry.json()).toMatchObject({ error: 'device_revoked' });
    expect((await get(org, '/v1/me')).statusCode).toBe(200);
  });

  it('lists each device’s latest lease: valid, revoked, expired', async () => {
    const org = await createTestOrganisation(harness);
    const tablet = newDevice('Tablet');
    const oldLaptop = newDevice('Oude laptop');
    await signInOk(harness, { email: org.ownerEmail, password: PASSWORD, device: tablet });
    await signInOk(harness, { email: org.ownerEmail, password: PASSWORD, device: oldLaptop });
    type Listed = { devices: { id: string; lease: { leaseId: string; status: string; issuedAt: string; validUntil: string; state: string } | null }[] };
    const leaseOf = (list: Listed, id: string) => list.devices.find((device) => device.id === id)?.lease;
    const before = (await get(org, '/v1/admin/devices')).json() as Listed;
    const issued = leaseOf(before, tablet.id)!;
    expect(issued).toMatchObject({ status: 'trial', state: 'valid', issuedAt: harness.clock.now().toISOString() });
    expect(Date.parse(issued.validUntil) - Date.parse(issued.issuedAt)).toBe(14 * 24 * 3600 * 1000);

    await call(harness, org.ownerToken, { method: 'DELETE', url: `/v1/admin/devices/${org.ownerId}/${tablet.id}` });
    harness.clock.advance(15 * 24 * 3600 * 1000);
    // Sessions of 15 days ago have expired too: sign in again on the first device, which renews its lease only.
    const again = await signInOk(harness, { email: org.ownerEmail, password: PASSWORD, device: { ...newDevice(), id: org.deviceId } });
    const after = (await call(harness, again.session.token, { method: 'GET', url: '/v1/admin/devices' })).json() as Listed;
    expect(leaseOf(after, tablet.id)).toMatchObject({ leaseId: issued.leaseId, state: 'revoked' });
    expect(leaseOf(after, oldLaptop.id)).toMatchObject({ state: 'expired' });
    expect(leaseOf(after, org.deviceId)).toMatchObject({ state: 'valid', issuedAt: harness.clock.now().toISOString() });
  });

  it('converts the trial, invoices it, and a reversed direct debit blocks the lease with a fee (art. 9)', async () => {
    const org = await createTestOrganisation(harness);
    const convert = await call(harness, org.ownerToken, { method: 'POST', url: '/v1/admin/subscription/convert', payload: { billingInterval: 'monthly' } });
    expect(convert.json()).toMatchObject({ status: 'active', plan: 'solo-1' });
    const invoices = (await get(org, '/v1/admin/invoices')).json() as { invoices: { number: string; amountCents: number; status: string }[] };
    expect(invoices.invoices).toHaveLength(1);
    const first = invoices.invoices[0]!;
    expect(first).toMatchObject({ amountCents: 1900, status: 'open' });

    const event = { eventId: 'evt-reversal-1', organisationId: org.organisationId, kind: 'direct-debit-reversed', invoiceNumber: first.number, amountCents: 1900, occurredAt: harness.clock.now().toISOString() };
    const raw = JSON.stringify(event);
    const deliver = () =>
      call(harness, null, { method: 'POST', url: '/v1/payments/testpay/events', payload: raw, headers: { 'content-type': 'application/json', 'x-thuisdossier-signature': signPaymentBody(TEST_PAYMENT_SECRET, raw) } });
    expect((await deliver()).json()).toMatchObject({ recorded: true });
    expect((await deliver()).json()).toEqual({ recorded: false, eventId: null }); // a redelivered webhook counts once

    expect(await subscription(org)).toMatchObject({ status: 'blocked' });
    const after = (await get(org, '/v1/admin/invoices')).json() as { invoices: { amountCents: number; status: string }[] };
    expect(after.invoices.map((invoice) => [invoice.amountCents, invoice.status]).sort()).toEqual([
      [1900, 'reversed'],
      [8250, 'open'],
    ]);

    const lease = (await call(harness, org.ownerToken, { method: 'POST', url: '/v1/licence/lease' })).json() as { lease: SignedLease };
    const verified = verifyLease(harness.context.lib, lease.lease, harness.context.leaseKeys.publicKeys);
    expect(verified.ok && verified.lease).toMatchObject({ status: 'blocked', blockReason: 'reversed-direct-debit', exportAllowed: false });
  });

  it('lets only the owner cancel, with an end date the terms allow (art. 16, 17)', async () => {
    const org = await createTestOrganisation(harness);
    await call(harness, org.ownerToken, { method: 'POST', url: '/v1/admin/subscription/convert', payload: { billingInterval: 'monthly' } });
    const admin = await addUser(harness, org, 'admin');
    const byAdmin = await call(harness, admin.token, { method: 'POST', url: '/v1/admin/subscription/cancel', payload: { confirm: true, endDate: '2026-04-30' } });
    expect(byAdmin.statusCode).toBe(403);
    // Cancelling on 2 March 2026 ends a monthly subscription on 30 April 2026 at the earliest.
    const tooEarly = await call(harness, org.ownerToken, { method: 'POST', url: '/v1/admin/subscription/cancel', payload: { confirm: true, endDate: '2026-03-31' } });
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json()).toMatchObject({ message: expect.stringContaining('2026-04-30') });
    const ok = await call(harness, org.ownerToken, { method: 'POST', url: '/v1/admin/subscription/cancel', payload: { confirm: true, endDate: '2026-04-30' } });
    expect(ok.statusCode).toBe(200);
    const unconfirmed = await call(harness, org.ownerToken, { method: 'POST', url: '/v1/admin/subscription/cancel', payload: { endDate: '2026-04-30' } });
    expect(unconfirmed.statusCode).toBe(400);
  });

  it('reports storage use, security settings, notices and the audit trail', async () => {
    const org = await createTestOrganisation(harness);
    expect((await get(org, '/v1/admin/storage')).json()).toEqual({ usedBytes: 0, quotaBytes: 10 * 1024 ** 3, byCategory: [] });
    const patch = await call(harness, org.ownerToken, { method: 'PATCH', url: '/v1/admin/security', payload: { autoLockMinutes: 5, ipAllowList: ['127.0.0.1/32'] } });
    expect(patch.json()).toEqual({ requireTwoFactor: false, ipAllowList: ['127.0.0.1/32'], autoLockMinutes: 5, sessionHours: 12 });
    expect((await get(org, '/v1/me')).json()).toMatchObject({ organisation: { autoLockMinutes: 5 } });
    expect((await get(org, '/v1/notices')).json()).toEqual({ notices: [] });
    const auditTrail = (await get(org, '/v1/admin/audit?limit=10')).json() as { entries: { action: string }[] };
    expect(auditTrail.entries.map((entry) => entry.action)).toEqual(expect.arrayContaining(['security.updated', 'sign-in', 'organisation.created']));
  });

  it('issues leases on request, signed with the active key and naming it', async () => {
    const org = await createTestOrganisation(harness);
    const keys = (await call(harness, null, { method: 'GET', url: '/v1/licence/keys' })).json() as SignInResponse['leaseKeys'] extends infer K ? { keys: K } : never;
    const lease = (await call(harness, org.ownerToken, { method: 'POST', url: '/v1/licence/lease' })).json() as { lease: SignedLease };
    expect(lease.lease.keyId).toBe(keys.keys.find((key) => key.active)?.keyId);
    const keyMap = new Map(keys.keys.map((key) => [key.keyId, harness.context.lib.from_base64(key.publicKey, harness.context.lib.base64_variants.URLSAFE_NO_PADDING)]));
    const verified = verifyLease(harness.context.lib, lease.lease, keyMap);
    expect(verified.ok && verified.lease).toMatchObject({ organisationId: org.organisationId, deviceId: org.deviceId, status: 'trial' });
  });
});

type SignedLease = SignInResponse['lease'];
