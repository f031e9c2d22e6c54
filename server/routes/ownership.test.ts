import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { totpCodeAt } from '../auth/totp.js';
import { users } from '../db/schema/index.js';
import { openTestDatabase, testBackends, type TestDatabase } from '../testing/databases.js';
import { addUser, call, createTestOrganisation, enableTwoFactor, PASSWORD, startHarness, type Harness, type TestOrganisation } from '../testing/harness.js';

describe.each(testBackends)('ownership hand-over on %s', (backend) => {
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

  const transfer = (token: string, payload: object) => call(harness, token, { method: 'POST', url: '/v1/admin/ownership', payload });
  const owners = async (org: TestOrganisation) =>
    (await database.db.select({ id: users.id }).from(users).where(and(eq(users.organisationId, org.organisationId), eq(users.role, 'owner')))).map((row) => row.id);

  it('hands ownership to an active admin after the password; the old owner becomes an admin; audited', async () => {
    const org = await createTestOrganisation(harness);
    const admin = await addUser(harness, org, 'admin');
    const wrong = await transfer(org.ownerToken, { toUserId: admin.userId, password: 'not my password at all' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ error: 'invalid_credentials' });
    expect(await owners(org)).toEqual([org.ownerId]);

    const done = await transfer(org.ownerToken, { toUserId: admin.userId, password: PASSWORD });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ owner: { id: admin.userId, role: 'owner' }, previousOwner: { id: org.ownerId, role: 'admin' } });
    expect(await owners(org)).toEqual([admin.userId]);

    // The roles take effect on the sessions already open: the old owner may no longer hand over or cancel.
    const back = await transfer(org.ownerToken, { toUserId: admin.userId, password: PASSWORD });
    expect(back.statusCode).toBe(403);
    const cancel = await call(harness, org.ownerToken, { method: 'POST', url: '/v1/admin/subscription/cancel', payload: { confirm: true, endDate: '2026-12-31' } });
    expect(cancel.statusCode).toBe(403);
    const audit = (await call(harness, admin.token, { method: 'GET', url: '/v1/admin/audit' })).json() as { entries: { action: string; actorUserId: string; targetUserId: string }[] };
    expect(audit.entries.find((entry) => entry.action === 'ownership.transferred')).toMatchObject({ actorUserId: org.ownerId, targetUserId: admin.userId });
    // And the new owner can hand it back.
    expect((await transfer(admin.token, { toUserId: org.ownerId, password: PASSWORD })).statusCode).toBe(200);
    expect(await owners(org)).toEqual([org.ownerId]);
  });

  it('asks an owner with two-step verification for a code too', async () => {
    const org = await createTestOrganisation(harness);
    const admin = await addUser(harness, org, 'admin');
    const { secret } = await enableTwoFactor(harness, org.ownerToken);
    const noCode = await transfer(org.ownerToken, { toUserId: admin.userId, password: PASSWORD });
    expect(noCode.json()).toMatchObject({ error: 'two_factor_required' });
    const wrongCode = await transfer(org.ownerToken, { toUserId: admin.userId, password: PASSWORD, code: '000000' });
    expect(wrongCode.json()).toMatchObject({ error: 'invalid_two_factor_code' });
    expect(await owners(org)).toEqual([org.ownerId]);
    const ok = await transfer(org.ownerToken, { toUserId: admin.userId, password: PASSWORD, code: totpCodeAt(secret, harness.clock.now()) });
    expect(ok.statusCode).toBe(200);
    expect(await owners(org)).toEqual([admin.userId]);
  });

  it('hands over only to an active admin, never to a practitioner, a paused admin or oneself', async () => {
    const org = await createTestOrganisation(harness);
    const practitioner = await addUser(harness, org, 'practitioner');
    const paused = await addUser(harness, org, 'admin');
    await call(harness, org.ownerToken, { method: 'PATCH', url: `/v1/admin/users/${paused.userId}`, payload: { status: 'paused' } });
    for (const toUserId of [practitioner.userId, paused.userId, org.ownerId]) {
      const refused = await transfer(org.ownerToken, { toUserId, password: PASSWORD });
      expect(refused.statusCode, toUserId).toBe(409);
    }
    const admin = await addUser(harness, org, 'admin');
    expect((await transfer(admin.token, { toUserId: admin.userId, password: PASSWORD })).statusCode).toBe(403);
    expect((await transfer(org.ownerToken, { toUserId: uuidv7(), password: PASSWORD })).statusCode).toBe(404);
    expect(await owners(org)).toEqual([org.ownerId]);
  });

  it('never hands ownership to an admin of another organisation', async () => {
    const orgA = await createTestOrganisation(harness, 'Organisatie A');
    const orgB = await createTestOrganisation(harness, 'Organisatie B');
    const adminOfB = await addUser(harness, orgB, 'admin');
    const refused = await transfer(orgA.ownerToken, { toUserId: adminOfB.userId, password: PASSWORD });
    expect(refused.statusCode).toBe(404);
    expect(await owners(orgA)).toEqual([orgA.ownerId]);
    expect(await owners(orgB)).toEqual([orgB.ownerId]);
    const me = (await call(harness, adminOfB.token, { method: 'GET', url: '/v1/me' })).json() as { user: { role: string } };
    expect(me.user.role).toBe('admin');
  });

  it('keeps one owner per organisation in the database itself', async () => {
    const org = await createTestOrganisation(harness);
    const admin = await addUser(harness, org, 'admin');
    await expect(
      database.db.update(users).set({ role: 'owner' }).where(and(eq(users.organisationId, org.organisationId), eq(users.id, admin.userId))),
    ).rejects.toThrow();
    expect(await owners(org)).toEqual([org.ownerId]);
  });
});
