import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { apiRoutes, type ApiRouteName } from '../../shared/api/routes.js';
import { openTestDatabase, testBackends, type TestDatabase } from '../testing/databases.js';
import { call, createTestOrganisation, startHarness, type Harness, type TestOrganisation } from '../testing/harness.js';

const withBody = (Object.keys(apiRoutes) as ApiRouteName[]).filter((name) => apiRoutes[name].body !== undefined);

describe.each(testBackends)('bad input on %s', (backend) => {
  let database: TestDatabase;
  let harness: Harness;
  let org: TestOrganisation;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    harness = await startHarness(database);
    org = await createTestOrganisation(harness);
  });
  afterAll(async () => {
    await harness?.app.close();
    await database?.dispose();
  });

  const post = (url: string, payload: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    call(harness, org.ownerToken, { method: 'POST', url, payload, headers });

  it('answers malformed JSON with 400 and a sentence', async () => {
    const response = await post('/v1/auth/sign-in', '{"email": "a@b.nl", ');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: 'invalid_request', message: 'The body is not valid JSON.' });
  });

  it('lists what is wrong, field by field', async () => {
    const response = await post('/v1/auth/sign-in', JSON.stringify({ email: 'not-an-address', password: '', device: { id: 'x' } }));
    expect(response.statusCode).toBe(400);
    const body = response.json() as { error: string; issues: { path: string; message: string }[] };
    expect(body.error).toBe('invalid_request');
    expect(body.issues.map((issue) => issue.path)).toEqual(expect.arrayContaining(['email', 'password', 'device.id', 'device.name']));
  });

  it('refuses unknown fields (strict schemas), also in nested objects', async () => {
    const response = await call(harness, org.ownerToken, { method: 'PATCH', url: '/v1/admin/security', payload: { autoLockMinutes: 5, isAdmin: true } });
    expect(response.statusCode).toBe(400);
  });

  it('answers an oversize body with 413 before reading it', async () => {
    const huge = JSON.stringify({ email: 'a@b.nl', password: 'x'.repeat(100 * 1024), device: {} });
    const response = await post('/v1/auth/sign-in', huge);
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ error: 'body_too_large' });
  });

  it('answers another content type with 415, an unknown route with 404, bad ids with 400', async () => {
    expect((await post('/v1/auth/sign-in', 'email=a', { 'content-type': 'application/x-www-form-urlencoded' })).statusCode).toBe(415);
    const missing = await call(harness, org.ownerToken, { method: 'GET', url: '/v1/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: 'not_found' });
    const badId = await call(harness, org.ownerToken, { method: 'GET', url: "/v1/admin/users/1'%20OR%201=1--" });
    expect(badId.statusCode).toBe(400);
  });

  it('treats injection strings as data', async () => {
    const email = "robert'); DROP TABLE users;--@example.nl";
    const response = await post('/v1/auth/sign-in', JSON.stringify({ email, password: "' OR '1'='1", device: { id: '0193a6f0-0000-7000-8000-000000000009', name: 'x', platform: 'linux' } }));
    expect([400, 401]).toContain(response.statusCode);
    expect((await call(harness, org.ownerToken, { method: 'GET', url: '/v1/admin/users' })).statusCode).toBe(200);
  });

  it('never answers random bodies with a 5xx, on any route', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...withBody), fc.jsonValue(), async (name, value) => {
        const spec = apiRoutes[name];
        const url = spec.path.replace(':id', '0193a6f0-0000-7000-8000-00000000000f').replace(':provider', 'testpay');
        const response = await call(harness, org.ownerToken, { method: spec.method, url, payload: JSON.stringify(value), headers: { 'content-type': 'application/json' } });
        expect(response.statusCode, `${name} ${JSON.stringify(value).slice(0, 80)}`).toBeLessThan(500);
      }),
      { numRuns: 300 },
    );
  });

  it('checks a payment provider’s signature', async () => {
    const event = { eventId: 'evt_1', organisationId: org.organisationId, kind: 'payment-succeeded', amountCents: 1000, occurredAt: '2026-03-02T09:00:00.000Z' };
    const unsigned = await call(harness, null, { method: 'POST', url: '/v1/payments/testpay/events', payload: event });
    expect(unsigned.statusCode).toBe(401);
    expect(unsigned.json()).toMatchObject({ error: 'invalid_signature' });
    const unknown = await call(harness, null, { method: 'POST', url: '/v1/payments/nopay/events', payload: event });
    expect(unknown.statusCode).toBe(404);
  });
});
