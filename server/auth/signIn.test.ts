import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignInResponse } from '../../shared/api/auth.js';
import { verifyLease } from '../../shared/licence/sign.js';
import { openTestDatabase, testBackends, type TestDatabase } from '../testing/databases.js';
import {
  addUser,
  call,
  createTestOrganisation,
  enableTwoFactor,
  newDevice,
  PASSWORD,
  signInOk,
  startHarness,
  uniqueEmail,
  type Harness,
} from '../testing/harness.js';
import { totpCodeAt } from './totp.js';

const signIn = (harness: Harness, body: Record<string, unknown>, ip = '127.0.0.1') =>
  harness.app.inject({ method: 'POST', url: '/v1/auth/sign-in', payload: body, remoteAddress: ip });

describe.each(testBackends)('sign-in on %s', (backend) => {
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

  it('signs in with e-mail and password, registers the device and hands out a lease that verifies', async () => {
    const org = await createTestOrganisation(harness);
    const device = newDevice('Werklaptop');
    const response = await signIn(harness, { email: org.ownerEmail.toUpperCase(), password: PASSWORD, device });
    expect(response.statusCode).toBe(200);
    const body = response.json() as SignInResponse;
    expect(body.user).toMatchObject({ id: org.ownerId, role: 'owner', twoFactorEnabled: false });
    expect(body.deviceId).toBe(device.id);
    const keys = new Map(body.leaseKeys.map((key) => [key.keyId, harness.context.lib.from_base64(key.publicKey, harness.context.lib.base64_variants.URLSAFE_NO_PADDING)]));
    const verified = verifyLease(harness.context.lib, body.lease, keys);
    expect(verified.ok).toBe(true);
    if (verified.ok) {
      expect(verified.lease).toMatchObject({ organisationId: org.organisationId, userId: org.ownerId, deviceId: device.id, status: 'trial', plan: 'solo-1', seats: 1 });
      expect(Date.parse(verified.lease.validUntil) - Date.parse(verified.lease.issuedAt)).toBe(14 * 24 * 60 * 60 * 1000);
    }
    const me = await call(harness, body.session.token, { method: 'GET', url: '/v1/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { id: org.ownerId }, organisation: { id: org.organisationId } });
  });

  it('answers a wrong password and an unknown e-mail address identically', async () => {
    const org = await createTestOrganisation(harness);
    const wrong = await signIn(harness, { email: org.ownerEmail, password: 'not the password', device: newDevice() });
    const unknown = await signIn(harness, { email: uniqueEmail('nobody'), password: 'not the password', device: newDevice() });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json()).toMatchObject({ error: 'invalid_credentials' });
  });

  it('slows brute force down: after five failures even the right password waits, for known and unknown addresses alike', async () => {
    const org = await createTestOrganisation(harness);
    const stranger = uniqueEmail('stranger');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await signIn(harness, { email: org.ownerEmail, password: `wrong ${attempt}`, device: newDevice() })).statusCode).toBe(401);
      expect((await signIn(harness, { email: stranger, password: `wrong ${attempt}`, device: newDevice() })).statusCode).toBe(401);
    }
    const locked = await signIn(harness, { email: org.ownerEmail, password: PASSWORD, device: newDevice() });
    const lockedStranger = await signIn(harness, { email: stranger, password: PASSWORD, device: newDevice() });
    expect(locked.statusCode).toBe(429);
    expect(lockedStranger.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ error: 'too_many_attempts', retryAfterSeconds: 900 });
    expect(lockedStranger.json()).toEqual(locked.json());
    expect(locked.headers['retry-after']).toBe('900');

    harness.clock.advance(15 * 60 * 1000 + 1000);
    expect((await signIn(harness, { email: org.ownerEmail, password: PASSWORD, device: newDevice() })).statusCode).toBe(200);
  });

  it('locks longer after each lockout', async () => {
    const email = uniqueEmail('repeat');
    for (let round = 0; round < 2; round += 1) {
      for (let attempt = 0; attempt < 5; attempt += 1) await signIn(harness, { email, password: 'wrong', device: newDevice() });
      const locked = await signIn(harness, { email, password: 'wrong', device: newDevice() });
      expect(locked.json()).toMatchObject({ retryAfterSeconds: 900 * 2 ** round });
      harness.clock.advance(900 * 2 ** round * 1000 + 1000);
    }
  });

  it('throttles per client address across many e-mail addresses', async () => {
    const ip = '198.51.100.7';
    for (let attempt = 0; attempt < 50; attempt += 1) {
      await signIn(harness, { email: uniqueEmail('spray'), password: 'Winter2026!', device: newDevice() }, ip);
    }
    const org = await createTestOrganisation(harness);
    expect((await signIn(harness, { email: org.ownerEmail, password: PASSWORD, device: newDevice() }, ip)).statusCode).toBe(429);
    expect((await signIn(harness, { email: org.ownerEmail, password: PASSWORD, device: newDevice() }, '198.51.100.8')).statusCode).toBe(200);
    harness.clock.advance(16 * 60 * 1000);
  });

  describe('with two-step verification', () => {
    it('asks for the code, refuses a wrong or replayed one, accepts the right one', async () => {
      const org = await createTestOrganisation(harness);
      const { secret } = await enableTwoFactor(harness, org.ownerToken);
      const device = newDevice();

      const missing = await signIn(harness, { email: org.ownerEmail, password: PASSWORD, device });
      expect(missing.statusCode).toBe(401);
      expect(missing.json()).toMatchObject({ error: 'two_factor_required' });

      const code = totpCodeAt(secret, harness.clock.now());
      const wrongCode = code === '000000' ? '111111' : '000000';
      const wrong = await signIn(harness, { email: org.ownerEmail, password: PASSWORD, totp: wrongCode, device });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json()).toMatchObject({ error: 'invalid_two_factor_code' });

      const ok = await signIn(harness, { email: org.ownerEmail, password: PASSWORD, totp: code, device });
      expect(ok.statusCode).toBe(200);
      expect((ok.json() as SignInResponse).user.twoFactorEnabled).toBe(true);
      expect((ok.json() as SignInResponse).recoveryCodesLeft).toBe(10);

      const replay = await signIn(harness, { email: org.ownerEmail, password: PASSWORD, totp: code, device });
      expect(replay.json()).toMatchObject({ error: 'invalid_two_factor_code' });
    });

    it('never checks the code before the password (a wrong password answers as always)', async () => {
      const org = await createTestOrganisation(harness);
      const { secret } = await enableTwoFactor(harness, org.ownerToken);
      const response = await signIn(harness, { email: org.ownerEmail, password: 'wrong password', totp: totpCodeAt(secret, harness.clock.now()), device: newDevice() });
      expect(response.json()).toMatchObject({ error: 'invalid_credentials' });
    });

    it('accepts each recovery code once', async () => {
      const org = await createTestOrganisation(harness);
      const { recoveryCodes } = await enableTwoFactor(harness, org.ownerToken);
      const recoveryCode = recoveryCodes[0]!;
      expect(recoveryCode).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}-[a-z2-7]{5}$/);
      const first = await signIn(harness, { email: org.ownerEmail, password: PASSWORD, recoveryCode, device: newDevice() });
      expect(first.statusCode).toBe(200);
      expect((first.json() as SignInResponse).recoveryCodesLeft).toBe(9);
      const again = await signIn(harness, { email: org.ownerEmail, password: PASSWORD, recoveryCode, device: newDevice() });
      expect(again.json()).toMatchObject({ error: 'invalid_two_factor_code' });
    });

    it('when the organisation enforces it, refuses a user without 2FA and lets them only enrol', async () => {
      const org = await createTestOrganisation(harness);
      await enableTwoFactor(harness, org.ownerToken);
      const practitioner = await addUser(harness, org);
      const enforce = await call(harness, org.ownerToken, { method: 'PATCH', url: '/v1/admin/security', payload: { requireTwoFactor: true } });
      expect(enforce.statusCode).toBe(200);

      // Sessions of users without 2FA ended when it became compulsory.
      expect((await call(harness, practitioner.token, { method: 'GET', url: '/v1/me' })).statusCode).toBe(401);

      const refused = await signIn(harness, { email: practitioner.email, password: PASSWORD, device: newDevice() });
      expect(refused.statusCode).toBe(403);
      const body = refused.json() as { error: string; enrolmentToken: string; lease?: unknown };
      expect(body.error).toBe('two_factor_enrolment_required');
      expect(body.lease).toBeUndefined();

      const enrolmentToken = body.enrolmentToken;
      expect((await call(harness, enrolmentToken, { method: 'POST', url: '/v1/licence/lease' })).json()).toMatchObject({ error: 'two_factor_enrolment_required' });
      expect((await call(harness, enrolmentToken, { method: 'GET', url: '/v1/me/sessions' })).statusCode).toBe(403);

      const { secret } = await enableTwoFactor(harness, enrolmentToken);
      // The enrolment session has done its job.
      expect((await call(harness, enrolmentToken, { method: 'GET', url: '/v1/me' })).statusCode).toBe(401);
      const ok = await signIn(harness, { email: practitioner.email, password: PASSWORD, totp: totpCodeAt(secret, harness.clock.now()), device: newDevice() });
      expect(ok.statusCode).toBe(200);
    });

    it('refuses to enforce 2FA for an admin who has none themselves', async () => {
      const org = await createTestOrganisation(harness);
      const response = await call(harness, org.ownerToken, { method: 'PATCH', url: '/v1/admin/security', payload: { requireTwoFactor: true } });
      expect(response.statusCode).toBe(409);
    });
  });

  describe('IP allow-list', () => {
    it('refuses sign-in and API use from outside the list', async () => {
      const org = await createTestOrganisation(harness);
      const set = await call(harness, org.ownerToken, { method: 'PATCH', url: '/v1/admin/security', payload: { ipAllowList: ['127.0.0.0/8', '192.0.2.0/24'] } });
      expect(set.statusCode).toBe(200);

      const outside = await signIn(harness, { email: org.ownerEmail, password: PASSWORD, device: newDevice() }, '203.0.113.5');
      expect(outside.statusCode).toBe(403);
      expect(outside.json()).toMatchObject({ error: 'ip_not_allowed' });
      expect((await call(harness, org.ownerToken, { method: 'GET', url: '/v1/me', ip: '203.0.113.5' })).json()).toMatchObject({ error: 'ip_not_allowed' });

      expect((await signIn(harness, { email: org.ownerEmail, password: PASSWORD, device: newDevice() }, '192.0.2.44')).statusCode).toBe(200);
    });

    it('does not let an admin lock themselves out', async () => {
      const org = await createTestOrganisation(harness);
      const response = await call(harness, org.ownerToken, { method: 'PATCH', url: '/v1/admin/security', payload: { ipAllowList: ['192.0.2.0/24'] } });
      expect(response.statusCode).toBe(409);
    });
  });

  describe('sessions', () => {
    it('expire after the organisation’s session lifetime', async () => {
      const org = await createTestOrganisation(harness);
      expect((await call(harness, org.ownerToken, { method: 'GET', url: '/v1/me' })).statusCode).toBe(200);
      harness.clock.advance(12 * 60 * 60 * 1000 + 1);
      const expired = await call(harness, org.ownerToken, { method: 'GET', url: '/v1/me' });
      expect(expired.statusCode).toBe(401);
      expect(expired.json()).toMatchObject({ error: 'session_expired' });
    });

    it('end at sign-out, and a tampered or foreign token is refused', async () => {
      const org = await createTestOrganisation(harness);
      const tampered = org.ownerToken.slice(0, -2) + (org.ownerToken.endsWith('A') ? 'BB' : 'AA');
      expect((await call(harness, tampered, { method: 'GET', url: '/v1/me' })).json()).toMatchObject({ error: 'not_signed_in' });
      expect((await call(harness, 'nonsense', { method: 'GET', url: '/v1/me' })).statusCode).toBe(401);
      expect((await call(harness, org.ownerToken, { method: 'POST', url: '/v1/auth/sign-out' })).statusCode).toBe(200);
      const after = await call(harness, org.ownerToken, { method: 'GET', url: '/v1/me' });
      expect(after.statusCode).toBe(401);
      expect(after.json()).toMatchObject({ error: 'session_expired' });
    });

    it('end for a paused user, who cannot sign in until resumed', async () => {
      const org = await createTestOrganisation(harness);
      const practitioner = await addUser(harness, org);
      const pause = await call(harness, org.ownerToken, { method: 'PATCH', url: `/v1/admin/users/${practitioner.userId}`, payload: { status: 'paused' } });
      expect(pause.statusCode).toBe(200);
      expect((await call(harness, practitioner.token, { method: 'GET', url: '/v1/me' })).statusCode).toBe(401);
      expect((await signIn(harness, { email: practitioner.email, password: PASSWORD, device: newDevice() })).json()).toMatchObject({ error: 'account_paused' });
      await call(harness, org.ownerToken, { method: 'PATCH', url: `/v1/admin/users/${practitioner.userId}`, payload: { status: 'active' } });
      await signInOk(harness, { email: practitioner.email, password: PASSWORD, device: newDevice() });
    });

    it('cannot be used to guess the password: re-checks count toward the lockout', async () => {
      const org = await createTestOrganisation(harness);
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const wrong = await call(harness, org.ownerToken, { method: 'POST', url: '/v1/me/password', payload: { currentPassword: `guess ${attempt}`, newPassword: 'a brand new passphrase' } });
        expect(wrong.statusCode).toBe(400);
      }
      const locked = await call(harness, org.ownerToken, { method: 'POST', url: '/v1/me/password', payload: { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' } });
      expect(locked.statusCode).toBe(429);
      expect(locked.headers['cache-control']).toBe('no-store');
      harness.clock.advance(16 * 60 * 1000);
    });

    it('of other devices end when the password changes', async () => {
      const org = await createTestOrganisation(harness);
      const second = await signInOk(harness, { email: org.ownerEmail, password: PASSWORD, device: newDevice('Tablet') });
      const change = await call(harness, org.ownerToken, {
        method: 'POST',
        url: '/v1/me/password',
        payload: { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' },
      });
      expect(change.statusCode).toBe(200);
      expect((await call(harness, second.session.token, { method: 'GET', url: '/v1/me' })).statusCode).toBe(401);
      expect((await call(harness, org.ownerToken, { method: 'GET', url: '/v1/me' })).statusCode).toBe(200);
    });
  });
});
