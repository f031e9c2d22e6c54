import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { openTestDatabase, testBackends, type TestDatabase } from '../testing/databases.js';
import { addUser, call, createTestOrganisation, startHarness, type Harness, type TestOrganisation } from '../testing/harness.js';
import { TestDevice } from './testing/syncClient.js';

describe.each(testBackends)('access gained re-sends the dossier on %s', (backend) => {
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

  it('sends a newly allowed reader the dossier’s rows and its appointments, though their sequence numbers lie behind the reader’s cursor', async () => {
    const owner = new TestDevice(harness, org.ownerToken, org.deviceId, org.organisationId);
    const colleague = await addUser(harness, org);
    const reader = new TestDevice(harness, colleague.token, colleague.deviceId, org.organisationId);
    const clientId = uuidv7();
    const otherClientId = uuidv7();
    const appointmentId = uuidv7();
    const otherAppointmentId = uuidv7();
    const results = await owner.push([
      ...[clientId, otherClientId].flatMap((id) => [
        owner.mutation('clients', id, id, 'insert', [owner.change('lastName', 'Bakker')]),
        owner.mutation('dossier_access', uuidv7(), id, 'insert', [owner.change('clientId', id), owner.change('userId', org.ownerId), owner.change('canRead', true), owner.change('canEdit', true)]),
      ]),
      owner.mutation('appointments', appointmentId, null, 'insert', [owner.change('title', 'Wondzorg'), owner.change('clientIds', [clientId]), owner.change('practitionerIds', [org.ownerId])]),
      owner.mutation('appointments', otherAppointmentId, null, 'insert', [owner.change('title', 'Medicatie'), owner.change('clientIds', [otherClientId]), owner.change('practitionerIds', [org.ownerId])]),
    ]);
    expect(results.every((result) => result.status === 'applied')).toBe(true);
    await reader.pullAll();
    expect([clientId, appointmentId].some((id) => reader.rows.has(id))).toBe(false);

    const grant = await call(harness, org.ownerToken, { method: 'POST', url: '/v1/admin/dossier-access', payload: { clientId, userId: colleague.userId, canRead: true, canEdit: false, canSignOff: false } });
    expect(grant.statusCode).toBe(200);
    await reader.pullAll();
    expect(reader.rows.has(clientId)).toBe(true);
    expect(reader.rows.get(appointmentId)?.values.title).toBe('Wondzorg');
    expect([otherClientId, otherAppointmentId].some((id) => reader.rows.has(id))).toBe(false);
  });
});
