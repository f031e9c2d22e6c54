import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { verifyLease } from '../../shared/licence/sign.js';
import type { SignedLease } from '../../shared/licence/lease.js';
import { queryRows } from '../db/raw.js';
import { openTestDatabase, testBackends, type TestDatabase } from '../testing/databases.js';
import { call, createTestOrganisation, startHarness, type Harness, type TestOrganisation } from '../testing/harness.js';
import { notePullEveryMs } from './mutationLogRetention.js';
import { syncLeaseReuseMs } from './syncDevice.js';
import { TestDevice } from './testing/syncClient.js';

/** What a sync request costs besides its rows: one lease per terms, one pull time noted per minute. */
describe.each(testBackends)('sync answers’ lease and pull time on %s', (backend) => {
  let database: TestDatabase;
  let harness: Harness;
  let org: TestOrganisation;
  let device: TestDevice;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    harness = await startHarness(database);
    org = await createTestOrganisation(harness);
    device = new TestDevice(harness, org.ownerToken, org.deviceId, org.organisationId);
  });
  afterAll(async () => {
    await harness?.app.close();
    await database?.dispose();
  });

  const leaseOf = async () => (await device.pullPage()).lease;
  const terms = (signed: SignedLease) => {
    const verified = verifyLease(harness.context.lib, signed, harness.context.leaseKeys.publicKeys);
    if (!verified.ok) throw new Error('the lease does not verify');
    return verified.lease;
  };
  const stored = async () => {
    const [row] = await queryRows<{ id: string; status: string }>(database.db, sql`SELECT id, status FROM licence_leases WHERE organisation_id = ${org.organisationId} AND device_id = ${org.deviceId}`);
    return row;
  };
  const lastPulledAt = async () => {
    const [row] = await queryRows<{ last_pulled_at: Date | string | null }>(database.db, sql`SELECT last_pulled_at FROM devices WHERE organisation_id = ${org.organisationId} AND id = ${org.deviceId}`);
    return row?.last_pulled_at ? new Date(row.last_pulled_at).toISOString() : null;
  };

  it('sends the lease signed moments ago while its terms hold, a new one when they change or it has aged', async () => {
    const first = await leaseOf();
    harness.clock.advance(60_000);
    const again = await leaseOf();
    expect(again).toEqual(first); // the same signature, not merely the same terms
    expect((await stored())?.id).toBe(terms(first).leaseId);
    expect(terms(first).status).toBe('trial');

    // A change of the terms (the trial becomes a paid subscription) gives a new lease at once.
    const convert = await call(harness, org.ownerToken, { method: 'POST', url: '/v1/admin/subscription/convert', payload: { billingInterval: 'monthly' } });
    expect(convert.statusCode).toBe(200);
    const converted = terms(await leaseOf());
    expect(converted).toMatchObject({ status: 'active', issuedAt: harness.clock.now().toISOString() });
    expect(converted.leaseId).not.toBe(terms(first).leaseId);
    expect(await stored()).toMatchObject({ id: converted.leaseId, status: 'active' });

    // Past the reuse time a fresh one, valid from now.
    harness.clock.advance(syncLeaseReuseMs);
    const aged = terms(await leaseOf());
    expect(aged.leaseId).not.toBe(converted.leaseId);
    expect(aged.issuedAt).toBe(harness.clock.now().toISOString());
    expect((await stored())?.id).toBe(aged.leaseId);

    // Asked for explicitly, a lease is always new.
    const asked = (await call(harness, org.ownerToken, { method: 'POST', url: '/v1/licence/lease' })).json() as { lease: SignedLease };
    expect(terms(asked.lease).leaseId).not.toBe(aged.leaseId);
  });

  it('notes a device’s pull at most once a minute, never moving it back', async () => {
    harness.clock.advance(2 * notePullEveryMs);
    await device.pullPage();
    const noted = harness.clock.now().toISOString();
    expect(await lastPulledAt()).toBe(noted);
    harness.clock.advance(notePullEveryMs - 1000);
    await device.pullPage();
    expect(await lastPulledAt()).toBe(noted); // a sync's next page writes nothing
    harness.clock.advance(1000);
    await device.pullPage();
    expect(await lastPulledAt()).toBe(harness.clock.now().toISOString());
  });
});
