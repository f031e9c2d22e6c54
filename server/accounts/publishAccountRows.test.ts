import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRow } from '../sync/rowStore.js';
import { openTestDatabase, testBackends, type TestDatabase } from '../testing/databases.js';
import { addUser, call, createTestOrganisation, startHarness, type Harness } from '../testing/harness.js';

describe.each(testBackends)('account changes reach the sync tables on %s', (backend) => {
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

  const row = (organisationId: string, table: 'users' | 'organisations', id: string) => loadRow(database.db, organisationId, table, id);

  it('publishes the organisation, its owner, invited and changed users, and security settings', async () => {
    const org = await createTestOrganisation(harness);
    expect((await row(org.organisationId, 'organisations', org.organisationId))?.row.values).toMatchObject({ name: 'Wijkzorg De Linde', autoLockMinutes: 15 });
    expect((await row(org.organisationId, 'users', org.ownerId))?.row.values).toMatchObject({ role: 'owner', status: 'active' });

    const colleague = await addUser(harness, org);
    expect((await row(org.organisationId, 'users', colleague.userId))?.row.values).toMatchObject({ status: 'active', role: 'practitioner' });
    await call(harness, org.ownerToken, { method: 'PATCH', url: `/v1/admin/users/${colleague.userId}`, payload: { status: 'paused' } });
    const paused = await row(org.organisationId, 'users', colleague.userId);
    expect(paused?.row.values).toMatchObject({ status: 'paused' });

    await call(harness, org.ownerToken, { method: 'PATCH', url: '/v1/admin/security', payload: { autoLockMinutes: 5 } });
    const organisation = await row(org.organisationId, 'organisations', org.organisationId);
    expect(organisation?.row.values).toMatchObject({ autoLockMinutes: 5 });
    expect(organisation!.seq).toBeGreaterThan(paused!.seq);
  });
});
