import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { syncTableNames, syncTables } from '../../shared/sync/tables.js';
import { openTestDatabase, testBackends, type TestDatabase } from '../testing/databases.js';
import { addUser, createTestOrganisation, startHarness, type Harness, type TestOrganisation } from '../testing/harness.js';
import { TestDevice } from './testing/syncClient.js';

/**
 * Well-formed pushes with arbitrary contents (any table, field, op, value, ids from a small pool
 * so rows collide): the hub answers every mutation, never with a 5xx, and a retry gets the same
 * answers.
 */
describe.each(testBackends)('push with arbitrary contents on %s', (backend) => {
  let database: TestDatabase;
  let harness: Harness;
  let org: TestOrganisation;
  let owner: TestDevice;
  let nurse: TestDevice;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    harness = await startHarness(database);
    org = await createTestOrganisation(harness);
    const user = await addUser(harness, org);
    owner = new TestDevice(harness, org.ownerToken, org.deviceId, org.organisationId);
    nurse = new TestDevice(harness, user.token, user.deviceId, org.organisationId);
  });
  afterAll(async () => {
    await harness?.app.close();
    await database?.dispose();
  });

  it('never answers with a 5xx and answers a retry the same', async () => {
    const ids = Array.from({ length: 4 }, () => uuidv7());
    const fieldNames = [...new Set([...Object.values(syncTables).flatMap((spec) => Object.keys(spec.fields)), 'deletedAt', 'zzUnknown'])];
    const idOrJunk = fc.oneof(fc.constantFrom(...ids), fc.constantFrom(org.ownerId, 'not-an-id'), fc.jsonValue());
    const value = fc.oneof(idOrJunk, fc.constantFrom('restricted', 'dossier', true, false, null), fc.array(fc.constantFrom(...ids)));
    const mutationArb = fc.record({
      device: fc.constantFrom('owner', 'nurse'),
      table: fc.constantFrom(...syncTableNames),
      rowId: fc.constantFrom(...ids),
      clientId: fc.option(fc.constantFrom(...ids), { nil: null }),
      op: fc.constantFrom('insert' as const, 'update' as const, 'delete' as const),
      fields: fc.uniqueArray(fc.constantFrom(...fieldNames), { minLength: 1, maxLength: 5 }),
      values: fc.array(value, { minLength: 5, maxLength: 5 }),
      withSeen: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(mutationArb, { minLength: 1, maxLength: 6 }), async (drafts) => {
        for (const who of ['owner', 'nurse'] as const) {
          const device = who === 'owner' ? owner : nurse;
          const mine = drafts.filter((draft) => draft.device === who);
          if (mine.length === 0) continue;
          const mutations = mine.map((draft) => {
            const fields = draft.op === 'delete' ? ['deletedAt'] : draft.fields;
            const changes = fields.map((field, index) => device.change(field, (draft.values[index] ?? null) as never));
            const seen = draft.withSeen ? Object.fromEntries(fields.map((field) => [field, null])) : undefined;
            return device.mutation(draft.table, draft.rowId, draft.clientId, draft.op, changes, seen ? { seen } : {});
          });
          const first = await device.pushRaw(mutations);
          expect(first.statusCode, first.body.slice(0, 300)).toBeLessThan(500);
          if (first.statusCode !== 200) continue;
          const again = await device.pushRaw(mutations);
          const stable = (body: string) => (JSON.parse(body) as { results: unknown[] }).results.filter((result) => (result as { reason?: string }).reason !== 'clock_invalid');
          expect(stable(again.body)).toEqual(stable(first.body));
        }
        const pulled = await owner.pullAll(50);
        expect(pulled.length).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  }, 240_000);
});
