import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { apiRoutes, type ApiRouteName } from '../../shared/api/routes.js';
import { downgradeRequests, serviceNotices } from '../db/schema/index.js';
import { openTestDatabase, testBackends, type TestDatabase } from '../testing/databases.js';
import { addUser, call, createTestOrganisation, startHarness, TEST_OPERATOR_TOKEN, type Harness, type TestOrganisation } from '../testing/harness.js';
import { sampleRequest, type ForeignIds } from '../testing/sampleRequests.js';
import { latestRows, TestDevice } from '../sync/testing/syncClient.js';

const names = Object.keys(apiRoutes) as ApiRouteName[];
const guarded = names.filter((name) => apiRoutes[name].access !== 'public' && apiRoutes[name].access !== 'provider');

function requestFor(name: ApiRouteName, ids: ForeignIds) {
  const spec = apiRoutes[name];
  const sample = sampleRequest(name, ids);
  if (!sample) throw new Error(`no sample request for ${name}`);
  return { method: spec.method, url: sample.url ?? spec.path, ...(sample.payload !== undefined ? { payload: sample.payload as object } : {}) };
}

describe.each(testBackends)('tenant isolation and authorisation on %s', (backend) => {
  let database: TestDatabase;
  let harness: Harness;
  let orgA: TestOrganisation;
  let orgB: TestOrganisation;
  let idsOfB: ForeignIds;
  let userOfB: Awaited<ReturnType<typeof addUser>>;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    harness = await startHarness(database);
    orgA = await createTestOrganisation(harness, 'Organisatie A');
    orgB = await createTestOrganisation(harness, 'Organisatie B');
    userOfB = await addUser(harness, orgB);
    const sessions = (await call(harness, userOfB.token, { method: 'GET', url: '/v1/me/sessions' })).json() as { sessions: { id: string }[] };
    const noticeId = uuidv7();
    await database.db.insert(serviceNotices).values({
      id: noticeId,
      kind: 'terms-change',
      title: 'Nieuwe voorwaarden',
      body: 'Per 1 mei gelden nieuwe voorwaarden.',
      publishedAt: harness.clock.now(),
      effectiveAt: new Date(harness.clock.now().getTime() + 40 * 24 * 3600 * 1000),
    });
    // A request waiting for the operator, written directly: the isolation suite needs it, not the rules.
    const downgradeRequestId = uuidv7();
    await database.db.insert(downgradeRequests).values({
      organisationId: orgB.organisationId,
      id: downgradeRequestId,
      requestedBy: orgB.ownerId,
      fromPlan: 'team-2-4',
      toPlan: 'solo-1',
      status: 'pending',
      requestedAt: harness.clock.now(),
    });
    // A dossier of B in the sync hub, and a deletion request about it recorded by B's owner.
    const clientId = uuidv7();
    const deviceOfB = new TestDevice(harness, userOfB.token, userOfB.deviceId, orgB.organisationId);
    await deviceOfB.push([
      deviceOfB.mutation('clients', clientId, clientId, 'insert', [deviceOfB.change('lastName', 'Visser'), deviceOfB.change('status', 'in_zorg')]),
      deviceOfB.mutation('dossier_access', uuidv7(), clientId, 'insert', [
        deviceOfB.change('clientId', clientId),
        deviceOfB.change('userId', userOfB.userId),
        deviceOfB.change('canRead', true),
        deviceOfB.change('canEdit', true),
        deviceOfB.change('canSignOff', false),
      ]),
    ]);
    const request = await call(harness, orgB.ownerToken, { method: 'POST', url: '/v1/admin/retention/deletion-requests', payload: { clientId, receivedOn: '2026-03-02' } });
    expect(request.statusCode, request.body).toBe(200);
    const removalCaseId = (request.json() as { case: { id: string } }).case.id;
    idsOfB = {
      userId: userOfB.userId,
      deviceId: userOfB.deviceId,
      sessionId: sessions.sessions[0]!.id,
      noticeId,
      organisationId: orgB.organisationId,
      downgradeRequestId,
      clientId,
      removalCaseId,
    };
  });
  afterAll(async () => {
    await harness?.app.close();
    await database?.dispose();
  });

  it('has a sample request for every guarded route', () => {
    for (const name of guarded) expect(() => requestFor(name, idsOfB), name).not.toThrow();
  });

  it('refuses every guarded route without a session', async () => {
    for (const name of guarded) {
      const response = await call(harness, null, requestFor(name, idsOfB));
      expect(response.statusCode, name).toBe(401);
      expect(response.json(), name).toMatchObject({ error: 'not_signed_in' });
    }
  });

  it('refuses admin routes to a practitioner and owner routes to an admin', async () => {
    const practitioner = await addUser(harness, orgA, 'practitioner');
    const admin = await addUser(harness, orgA, 'admin');
    for (const name of guarded) {
      const access = apiRoutes[name].access;
      if (access === 'admin' || access === 'owner') {
        const response = await call(harness, practitioner.token, requestFor(name, idsOfB));
        expect(response.statusCode, `practitioner → ${name}`).toBe(403);
      }
      if (access === 'owner') {
        const response = await call(harness, admin.token, requestFor(name, idsOfB));
        expect(response.statusCode, `admin → ${name}`).toBe(403);
      }
    }
  });

  it('never lets organisation A read or change organisation B through any endpoint', async () => {
    // The owner of A calls every route aimed at B's ids. Sign-out last: it ends A's own session.
    const order = [...guarded.filter((name) => name !== 'signOut'), 'signOut' as const];
    const bIds = [orgB.organisationId, orgB.ownerId, userOfB.userId, userOfB.deviceId, idsOfB.sessionId, orgB.ownerEmail, userOfB.email, idsOfB.clientId, idsOfB.removalCaseId];
    for (const name of order) {
      const response = await call(harness, orgA.ownerToken, requestFor(name, idsOfB));
      expect(response.statusCode, name).toBeLessThan(500);
      for (const id of bIds) expect(response.body, `${name} leaked ${id}`).not.toContain(id);
      if (
        ['getUser', 'updateUser', 'resetUserTwoFactor', 'signOutUser', 'revokeDevice', 'revokeMySession', 'recordDeletionRequest', 'recordLegalException', 'carryOutRemoval', 'approveDestruction', 'keepDossierLonger'].includes(name)
      ) {
        expect(response.statusCode, name).toBe(404);
      }
    }

    // B is untouched: its user is active, its device and session still work, its settings unchanged.
    const stillB = await call(harness, userOfB.token, { method: 'GET', url: '/v1/me' });
    expect(stillB.statusCode).toBe(200);
    const lease = await call(harness, userOfB.token, { method: 'POST', url: '/v1/licence/lease' });
    expect(lease.statusCode).toBe(200);
    const security = await call(harness, orgB.ownerToken, { method: 'GET', url: '/v1/admin/security' });
    expect(security.json()).toMatchObject({ autoLockMinutes: 15 });
    const users = (await call(harness, orgB.ownerToken, { method: 'GET', url: '/v1/admin/users' })).json() as { users: { email: string; status: string }[] };
    expect(users.users.map((user) => user.email)).not.toContain('new.colleague@example.nl');
    expect(users.users.find((user) => user.email === userOfB.email)?.status).toBe('active');
    const requests = (await call(harness, orgB.ownerToken, { method: 'GET', url: '/v1/admin/subscription/downgrade-requests' })).json() as { requests: { id: string; status: string }[] };
    expect(requests.requests).toEqual([expect.objectContaining({ id: idsOfB.downgradeRequestId, status: 'pending' })]);
    // B's removal case still waits, naming B's dossier, and the dossier is still in B's hub.
    const cases = (await call(harness, orgB.ownerToken, { method: 'GET', url: '/v1/admin/retention/cases' })).json() as { cases: { id: string; state: string; clientId: string | null }[] };
    expect(cases.cases).toEqual([expect.objectContaining({ id: idsOfB.removalCaseId, state: 'open', clientId: idsOfB.clientId })]);
    const pulled = latestRows(await new TestDevice(harness, userOfB.token, userOfB.deviceId, orgB.organisationId).pullAll());
    expect(pulled.has(idsOfB.clientId)).toBe(true);
  });

  it('opens the operator API only with the operator token, and the operator token opens nothing else', async () => {
    const operatorRoutes = names.filter((name) => apiRoutes[name].access === 'operator');
    expect(operatorRoutes.length).toBeGreaterThan(0);
    for (const name of operatorRoutes) {
      for (const token of [orgA.ownerToken, orgB.ownerToken, 'td1.not-a-real-token', `${TEST_OPERATOR_TOKEN}x`]) {
        const response = await call(harness, token, requestFor(name, idsOfB));
        expect(response.statusCode, name).toBe(403);
      }
    }
    for (const name of guarded.filter((name) => apiRoutes[name].access !== 'operator')) {
      const response = await call(harness, TEST_OPERATOR_TOKEN, requestFor(name, idsOfB));
      expect(response.statusCode, name).toBe(401);
    }
    const listed = await call(harness, TEST_OPERATOR_TOKEN, { method: 'GET', url: '/v1/operator/downgrade-requests' });
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toMatchObject({ requests: [expect.objectContaining({ id: idsOfB.downgradeRequestId, organisationId: orgB.organisationId })] });
  });

  it('keeps a token of A from naming B’s organisation (the token binds its organisation)', async () => {
    const fresh = await createTestOrganisation(harness, 'Organisatie C');
    const [, , sessionId, secret] = fresh.ownerToken.split('.');
    const forged = `td1.${orgB.organisationId}.${sessionId}.${secret}`;
    expect((await call(harness, forged, { method: 'GET', url: '/v1/admin/users' })).statusCode).toBe(401);
  });
});
