import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { openTestDatabase, testBackends, type TestDatabase } from '../testing/databases.js';
import { createTestOrganisation, startHarness, type Harness, type TestOrganisation } from '../testing/harness.js';
import { pullPageChars } from './pull.js';
import { TestDevice } from './testing/syncClient.js';

describe.each(testBackends)('pull pages on %s', (backend) => {
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

  it('ends a page before it grows past its size bound, and loses nothing across pages', async () => {
    const device = new TestDevice(harness, org.ownerToken, org.deviceId, org.organisationId);
    const clientId = uuidv7();
    await device.push([
      device.mutation('clients', clientId, clientId, 'insert', [device.change('lastName', 'Visser')]),
      device.mutation('dossier_access', uuidv7(), clientId, 'insert', [device.change('clientId', clientId), device.change('userId', org.ownerId), device.change('canRead', true), device.change('canEdit', true)]),
    ]);
    const body = 'Lange rapportage. '.repeat(50_000); // 900,000 characters
    const ids: string[] = [];
    for (let push = 0; push < 2; push += 1) {
      const batch = Array.from({ length: 12 }, () => {
        const id = uuidv7();
        ids.push(id);
        return device.mutation('reports', id, clientId, 'insert', [device.change('clientId', clientId), device.change('authorId', org.ownerId), device.change('body', body)]);
      });
      expect((await device.push(batch)).every((result) => result.status === 'applied')).toBe(true);
    }
    const reader = new TestDevice(harness, org.ownerToken, org.deviceId, org.organisationId);
    const pages = await reader.pullAll(1000);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page.changes.reduce((sum, change) => sum + JSON.stringify(change.values).length, 0)).toBeLessThan(pullPageChars + 1_000_000);
    const reports = reader.pulled.filter((change) => change.table === 'reports').map((change) => change.rowId);
    expect(reports).toEqual(ids);
  }, 60_000);
});
