import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedLease } from '../../shared/licence/lease.js';
import { verifyLease } from '../../shared/licence/sign.js';
import { purgeEndedOrganisations } from '../accounts/purgeEnded.js';
import { openTestDatabase, testBackends, type TestDatabase } from '../testing/databases.js';
import { call, createTestOrganisation, newDevice, PASSWORD, signInOk, startHarness, type Harness } from '../testing/harness.js';
import { advanceSubscriptions } from './advance.js';

const DAY = 24 * 60 * 60 * 1000;

describe.each(testBackends)('time passing for subscriptions on %s', (backend) => {
  let database: TestDatabase;
  let harness: Harness;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    harness = await startHarness(database); // Monday 2 March 2026
  });
  afterAll(async () => {
    await harness?.app.close();
    await database?.dispose();
  });

  it('renews monthly periods with an invoice, ends at the cancellation date, tells devices, and purges after the grace', async () => {
    const org = await createTestOrganisation(harness);
    await call(harness, org.ownerToken, { method: 'POST', url: '/v1/admin/subscription/convert', payload: { billingInterval: 'monthly' } });
    const cancel = await call(harness, org.ownerToken, { method: 'POST', url: '/v1/admin/subscription/cancel', payload: { confirm: true, endDate: '2026-04-30' } });
    expect(cancel.statusCode).toBe(200);

    // Sessions last 12 hours; after each jump in time the owner signs in again.
    const fresh = async () => (await signInOk(harness, { email: org.ownerEmail, password: PASSWORD, device: newDevice() })).session.token;

    harness.clock.advance(31 * DAY); // 2 April: March has ended, April begins
    expect((await advanceSubscriptions(harness.context)).steps).toBeGreaterThanOrEqual(1);
    let token = await fresh();
    const invoices = (await call(harness, token, { method: 'GET', url: '/v1/admin/invoices' })).json() as { invoices: { periodStart: string }[] };
    expect(invoices.invoices.map((invoice) => invoice.periodStart).sort()).toEqual(['2026-03-02', '2026-04-01']);
    const again = await advanceSubscriptions(harness.context);
    const invoicesAgain = (await call(harness, token, { method: 'GET', url: '/v1/admin/invoices' })).json() as { invoices: unknown[] };
    expect(invoicesAgain.invoices).toHaveLength(2); // running the job twice changes nothing
    expect(again.checked).toBeGreaterThanOrEqual(1);

    harness.clock.advance(29 * DAY); // 1 May, 09:00: the agreement ended on 30 April
    token = await fresh();
    harness.clock.advance(60 * 60 * 1000);
    await advanceSubscriptions(harness.context);
    const me = await call(harness, token, { method: 'GET', url: '/v1/me' });
    expect(me.json()).toMatchObject({ error: 'organisation_ended' });
    // The lease route still answers: a signed 'ended' lease tells the device to wipe its copies.
    const lease = (await call(harness, token, { method: 'POST', url: '/v1/licence/lease' })).json() as { lease: SignedLease };
    const verified = verifyLease(harness.context.lib, lease.lease, harness.context.leaseKeys.publicKeys);
    expect(verified.ok && verified.lease).toMatchObject({ status: 'ended', exportAllowed: false });
    const signIn = await call(harness, null, { method: 'POST', url: '/v1/auth/sign-in', payload: { email: org.ownerEmail, password: PASSWORD, device: newDevice() } });
    expect(signIn.json()).toMatchObject({ error: 'organisation_ended' });

    expect(await purgeEndedOrganisations(harness.context, 14)).toEqual([]);
    harness.clock.advance(15 * DAY);
    expect(await purgeEndedOrganisations(harness.context, 14)).toEqual([org.organisationId]);
    const gone = await call(harness, null, { method: 'POST', url: '/v1/auth/sign-in', payload: { email: org.ownerEmail, password: PASSWORD, device: newDevice() } });
    expect(gone.json()).toMatchObject({ error: 'invalid_credentials' });
  });
});
