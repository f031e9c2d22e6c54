import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { RemovalCaseView, RetentionAuditView } from '../../shared/api/retention.js';
import { queryRows } from '../db/raw.js';
import { openTestDatabase, testBackends, type TestDatabase } from '../testing/databases.js';
import { addUser, call, createTestOrganisation, newDevice, PASSWORD, signInOk, startHarness, type Harness, type TestOrganisation } from '../testing/harness.js';
import { TestDevice } from '../sync/testing/syncClient.js';
import { runRetention } from './retentionService.js';

type User = Awaited<ReturnType<typeof addUser>>;

describe.each(testBackends)('retention and deletion (WGBO) on %s', (backend) => {
  let database: TestDatabase;
  let harness: Harness;
  let org: TestOrganisation;
  let nurse: User;
  let practitioner: User;
  let device: TestDevice;

  /** A dossier pushed by the nurse's device: client row (name, BSN), her access, a report, a document record. */
  async function dossier(facts: { lastName: string; bsn: string; status: string; careEndDate?: string }) {
    const clientId = uuidv7();
    const contentHash = uuidv7().replace(/-/g, '').padEnd(64, 'a');
    const results = await device.push([
      device.mutation('clients', clientId, clientId, 'insert', [
        device.change('firstName', 'Johanna'),
        device.change('lastName', facts.lastName),
        device.change('bsn', facts.bsn),
        device.change('status', facts.status),
        ...(facts.careEndDate ? [device.change('careEndDate', facts.careEndDate)] : []),
      ]),
      device.mutation('dossier_access', uuidv7(), clientId, 'insert', [
        device.change('clientId', clientId),
        device.change('userId', nurse.userId),
        device.change('canRead', true),
        device.change('canEdit', true),
        device.change('canSignOff', false),
      ]),
      device.mutation('reports', uuidv7(), clientId, 'insert', [
        device.change('clientId', clientId),
        device.change('kind', 'report'),
        device.change('authorId', nurse.userId),
        device.change('visibility', 'dossier'),
        device.change('body', `Mevrouw ${facts.lastName} had pijn aan het linkerbeen.`),
      ]),
      device.mutation('documents', uuidv7(), clientId, 'insert', [
        device.change('clientId', clientId),
        device.change('fileName', `indicatie-${facts.lastName}.pdf`),
        device.change('contentHash', contentHash),
      ]),
    ]);
    expect(results.map((result) => result.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
    // The document's bytes as the hub stores them (the chunked upload has its own tests).
    await database.db.execute(sql`INSERT INTO sync_documents (organisation_id, content_hash, size_bytes, chunk_hashes, complete, created_at)
      VALUES (${org.organisationId}, ${contentHash}, 5, '["x"]'::jsonb, true, now())`);
    await database.db.execute(sql`INSERT INTO sync_document_chunks (organisation_id, content_hash, chunk_index, chunk_hash, bytes)
      VALUES (${org.organisationId}, ${contentHash}, 0, 'x', ${Buffer.from(`scan ${facts.lastName}`)})`);
    return { clientId, contentHash };
  }

  /** Makes a dossier's rows as old as they would be after years without change. */
  async function lastChangedOn(clientId: string, day: string) {
    await database.db.execute(sql`UPDATE sync_rows SET updated_at = ${`${day}T10:00:00Z`}::timestamptz
      WHERE organisation_id = ${org.organisationId} AND (client_id = ${clientId} OR row_id = ${clientId})`);
  }

  let ownerToken = '';
  const admin = (method: 'GET' | 'POST', url: string, payload?: object) => call(harness, ownerToken, { method, url, ...(payload ? { payload } : {}) });
  const cases = async () => ((await admin('GET', '/v1/admin/retention/cases')).json() as { cases: RemovalCaseView[] }).cases;
  const hubRecords = async (clientId: string, contentHash: string) => {
    const [counts] = await queryRows<{ rows: number; rights: number; documents: number; chunks: number }>(
      database.db,
      sql`SELECT
        (SELECT count(*)::int FROM sync_rows WHERE organisation_id = ${org.organisationId} AND (client_id = ${clientId} OR row_id = ${clientId})) AS rows,
        (SELECT count(*)::int FROM sync_dossier_rights WHERE organisation_id = ${org.organisationId} AND client_id = ${clientId}) AS rights,
        (SELECT count(*)::int FROM sync_documents WHERE organisation_id = ${org.organisationId} AND content_hash = ${contentHash}) AS documents,
        (SELECT count(*)::int FROM sync_document_chunks WHERE organisation_id = ${org.organisationId} AND content_hash = ${contentHash}) AS chunks`,
    );
    return counts!;
  };
  const auditText = async () => JSON.stringify(await queryRows(database.db, sql`SELECT * FROM retention_audit WHERE organisation_id = ${org.organisationId}`));

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    harness = await startHarness(database);
    org = await createTestOrganisation(harness);
    ownerToken = org.ownerToken;
    nurse = await addUser(harness, org);
    practitioner = await addUser(harness, org);
    device = new TestDevice(harness, nurse.token, nurse.deviceId, org.organisationId);
  });
  afterAll(async () => {
    await harness?.app.close();
    await database?.dispose();
  });

  it('carries out a deletion request: the dossier leaves the server, devices get a purge, and the audit trail names nobody', async () => {
    const { clientId, contentHash } = await dossier({ lastName: 'Verwijderd', bsn: '123456782', status: 'in_zorg' });
    await device.pullAll();
    expect(await hubRecords(clientId, contentHash)).toEqual({ rows: 4, rights: 1, documents: 1, chunks: 1 });

    // A practitioner cannot record it through the admin API; the owner can.
    expect((await call(harness, practitioner.token, { method: 'POST', url: '/v1/admin/retention/deletion-requests', payload: { clientId, receivedOn: '2026-03-02' } })).statusCode).toBe(403);
    const recorded = await admin('POST', '/v1/admin/retention/deletion-requests', { clientId, receivedOn: '2026-03-02' });
    expect(recorded.statusCode, recorded.body).toBe(200);
    const request = (recorded.json() as { case: RemovalCaseView }).case;
    expect(request).toMatchObject({ kind: 'client_request', state: 'open', clientId, deadline: '2026-04-02', overdue: false });
    expect((await admin('POST', '/v1/admin/retention/deletion-requests', { clientId, receivedOn: '2026-03-02' })).statusCode).toBe(409);

    const carried = await admin('POST', `/v1/admin/retention/cases/${request.id}/carry-out`);
    expect(carried.statusCode, carried.body).toBe(200);
    expect((carried.json() as { case: RemovalCaseView }).case).toMatchObject({ state: 'carrying_out', clientId: null, carriedOutOn: '2026-03-02', pendingDevices: 1 });
    expect(await hubRecords(clientId, contentHash)).toEqual({ rows: 0, rights: 0, documents: 0, chunks: 0 });
    const [history] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM sync_history WHERE organisation_id = ${org.organisationId} AND value LIKE '%Verwijderd%'`);
    expect(history!.n).toBe(0);

    // The nurse's device pulls the purge; its next pull (cursor past it) confirms it, and the case completes.
    const [page] = await device.pullAll();
    expect(page!.purges).toEqual([expect.objectContaining({ scope: 'client', clientId, reason: 'client_deleted' })]);
    expect((await cases()).find((c) => c.id === request.id)).toMatchObject({ state: 'carrying_out', pendingDevices: 1 });
    await device.pullAll();
    expect((await cases()).find((c) => c.id === request.id)).toMatchObject({ state: 'completed', pendingDevices: 0, clientId: null });
    // Carrying it out twice is refused; nothing more happens.
    expect((await admin('POST', `/v1/admin/retention/cases/${request.id}/carry-out`)).statusCode).toBe(409);

    // The trail: requested, carried out, purged on the device, completed — and no client data anywhere in it.
    const events = await queryRows<{ event: string }>(database.db, sql`SELECT event FROM retention_audit WHERE organisation_id = ${org.organisationId} AND case_id = ${request.id} ORDER BY at, event`);
    expect(events.map((row) => row.event).sort()).toEqual(['deletion.requested', 'removal.carried_out_on_server', 'removal.completed', 'removal.purged_on_device'].sort());
    const trail = await auditText();
    for (const secret of ['Verwijderd', '123456782', 'Johanna', clientId, 'indicatie']) expect(trail).not.toContain(secret);
    const caseRows = JSON.stringify(await queryRows(database.db, sql`SELECT * FROM removal_cases WHERE organisation_id = ${org.organisationId} AND id = ${request.id}`));
    expect(caseRows).not.toContain(clientId);
  });

  it('a legal exception stops a deletion request: nothing is removed', async () => {
    const { clientId, contentHash } = await dossier({ lastName: 'Uitzondering', bsn: '111222333', status: 'in_zorg' });
    const request = ((await admin('POST', '/v1/admin/retention/deletion-requests', { clientId, receivedOn: '2026-03-01' })).json() as { case: RemovalCaseView }).case;
    const exception = await admin('POST', `/v1/admin/retention/cases/${request.id}/legal-exception`, { reason: 'belang_van_een_ander' });
    expect(exception.statusCode, exception.body).toBe(200);
    expect((exception.json() as { case: RemovalCaseView }).case).toMatchObject({ state: 'exception', reason: 'belang_van_een_ander', clientId });
    const refused = await admin('POST', `/v1/admin/retention/cases/${request.id}/carry-out`);
    expect(refused.statusCode).toBe(409);
    expect(await hubRecords(clientId, contentHash)).toEqual({ rows: 4, rights: 1, documents: 1, chunks: 1 });
    expect(await auditText()).not.toContain('Uitzondering');
  });

  it('offers a closed dossier to an administrator on the day twenty years have passed, once, also with two jobs at once; approval destroys it', async () => {
    // Closed in 2005 and untouched since: due (today is 2 March 2026). Closed with a last change
    // on 3 March 2006: due tomorrow. Still in care since 2005: never offered.
    const old = await dossier({ lastName: 'Oud', bsn: '999999990', status: 'uit_zorg', careEndDate: '2005-06-30' });
    await lastChangedOn(old.clientId, '2005-07-01');
    const tomorrow = await dossier({ lastName: 'Morgen', bsn: '999999991', status: 'uit_zorg', careEndDate: '2006-03-01' });
    await lastChangedOn(tomorrow.clientId, '2006-03-03');
    const inCare = await dossier({ lastName: 'InZorg', bsn: '999999992', status: 'in_zorg' });
    await lastChangedOn(inCare.clientId, '2001-01-01');

    // Two instances run the daily job at the same moment: one offer, not two.
    const runs = await Promise.all([runRetention(harness.context), runRetention(harness.context)]);
    expect(runs[0]!.offered + runs[1]!.offered).toBe(1);
    expect((await runRetention(harness.context)).offered).toBe(0);
    const offers = (await cases()).filter((c) => c.kind === 'retention_ended');
    expect(offers).toEqual([expect.objectContaining({ state: 'awaiting_decision', clientId: old.clientId, openedOn: '2026-03-02' })]);
    expect(await hubRecords(old.clientId, old.contentHash)).toMatchObject({ rows: 4 }); // offered, never destroyed by itself

    const approved = await admin('POST', `/v1/admin/retention/cases/${offers[0]!.id}/approve-destruction`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect((approved.json() as { case: RemovalCaseView }).case).toMatchObject({ state: 'carrying_out', clientId: null });
    expect(await hubRecords(old.clientId, old.contentHash)).toEqual({ rows: 0, rights: 0, documents: 0, chunks: 0 });
    const trail = await auditText();
    for (const secret of ['Oud', '999999990', old.clientId]) expect(trail).not.toContain(secret);

    // The next day the second one is due; keeping it longer stops the offer until after that date.
    harness.clock.advance(24 * 60 * 60 * 1000);
    expect((await runRetention(harness.context)).offered).toBe(1);
    ownerToken = (await signInOk(harness, { email: org.ownerEmail, password: PASSWORD, device: newDevice() })).session.token; // yesterday's session ended
    const second = (await cases()).find((c) => c.clientId === tomorrow.clientId)!;
    expect(second).toMatchObject({ state: 'awaiting_decision', openedOn: '2026-03-03' });
    const kept = await admin('POST', `/v1/admin/retention/cases/${second.id}/keep-longer`, { reason: 'lopende_klacht_of_procedure', until: '2027-01-31' });
    expect(kept.statusCode, kept.body).toBe(200);
    expect((await runRetention(harness.context)).offered).toBe(0);
    expect(await hubRecords(tomorrow.clientId, tomorrow.contentHash)).toMatchObject({ rows: 4 });
    expect((await cases()).some((c) => c.clientId === inCare.clientId)).toBe(false);
  });

  it('shows administrators the audit trail: who did what and when, the laptop that purged, newest first, and no client data', async () => {
    // The clock moved a day in the test before: the practitioner signs in again.
    const practitionerToken = (await signInOk(harness, { email: practitioner.email, password: PASSWORD, device: newDevice() })).session.token;
    expect((await call(harness, practitionerToken, { method: 'GET', url: '/v1/admin/retention/audit' })).statusCode).toBe(403);
    const answer = await admin('GET', '/v1/admin/retention/audit');
    expect(answer.statusCode, answer.body).toBe(200);
    const { entries, more } = answer.json() as { entries: RetentionAuditView[]; more: boolean };
    expect(more).toBe(false);
    const times = entries.map((entry) => entry.at);
    expect(times).toEqual([...times].sort().reverse());
    expect(entries.find((entry) => entry.event === 'deletion.requested')).toMatchObject({ actorName: 'Anna de Vries', deviceName: null });
    expect(entries.find((entry) => entry.event === 'deletion.exception_recorded')).toMatchObject({ actorName: 'Anna de Vries', reason: 'belang_van_een_ander' });
    expect(entries.find((entry) => entry.event === 'destruction.offered')).toMatchObject({ actorName: null });
    expect(entries.find((entry) => entry.event === 'destruction.kept_longer')).toMatchObject({ actorName: 'Anna de Vries', reason: 'lopende_klacht_of_procedure', until: '2027-01-31' });
    const purged = entries.find((entry) => entry.event === 'removal.purged_on_device');
    expect(purged?.deviceName).toEqual(expect.any(String));
    expect(purged?.actorName).toBeNull();
    expect(entries.find((entry) => entry.event === 'removal.carried_out_on_server')?.removedRecords).toBeGreaterThan(0);
    // Another organisation's admin sees none of it.
    const other = await createTestOrganisation(harness, 'Andere Zorg');
    const foreign = await call(harness, other.ownerToken, { method: 'GET', url: '/v1/admin/retention/audit' });
    expect((foreign.json() as { entries: unknown[] }).entries).toEqual([]);
    for (const secret of ['Verwijderd', 'Uitzondering', 'Oud', 'Johanna', '123456782', '111222333', '999999990', 'indicatie']) expect(answer.body).not.toContain(secret);
  });
});
