import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing/databases.js';
import { call, createTestOrganisation, newDevice, PASSWORD, startHarness, type Harness } from '../testing/harness.js';

/**
 * Behind a load balancer the IP allow-list must judge the client's address from X-Forwarded-For,
 * but only when the request comes from the balancer; otherwise anyone could claim any address.
 */
describe('client address behind a load balancer', () => {
  let database: TestDatabase;
  let direct: Harness;
  let proxied: Harness;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    direct = await startHarness(database);
    proxied = await startHarness(database, { appOptions: { trustProxy: ['10.0.0.2'] } });
  });
  afterAll(async () => {
    await direct?.app.close();
    await proxied?.app.close();
    await database?.dispose();
  });

  it('uses X-Forwarded-For from the trusted balancer, and ignores it from anyone else', async () => {
    const org = await createTestOrganisation(direct);
    const set = await call(direct, org.ownerToken, { method: 'PATCH', url: '/v1/admin/security', payload: { ipAllowList: ['127.0.0.1/32', '192.0.2.0/24'] } });
    expect(set.statusCode).toBe(200);
    const signIn = (harness: Harness, remoteAddress: string, forwardedFor: string) =>
      harness.app.inject({
        method: 'POST',
        url: '/v1/auth/sign-in',
        remoteAddress,
        headers: { 'x-forwarded-for': forwardedFor },
        payload: { email: org.ownerEmail, password: PASSWORD, device: newDevice() },
      });

    expect((await signIn(proxied, '10.0.0.2', '192.0.2.10')).statusCode).toBe(200);
    expect((await signIn(proxied, '10.0.0.2', '203.0.113.10')).json()).toMatchObject({ error: 'ip_not_allowed' });
    // Not from the balancer: the header is not believed, the socket address counts.
    expect((await signIn(proxied, '203.0.113.99', '192.0.2.10')).json()).toMatchObject({ error: 'ip_not_allowed' });
    expect((await signIn(direct, '203.0.113.99', '192.0.2.10')).json()).toMatchObject({ error: 'ip_not_allowed' });
  });
});
