import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { SyncPullResponse } from '../../shared/api/sync.js';
import { syncLimits } from '../../shared/sync/limits.js';
import { openTestDatabase, testBackends, type TestDatabase } from '../testing/databases.js';
import { addUser, call, createTestOrganisation, newDevice, PASSWORD, signInOk, startHarness, type Harness, type TestOrganisation } from '../testing/harness.js';
import { publishHubRow } from './publishRow.js';
import { latestRows, TestDevice } from './testing/syncClient.js';

type User = Awaited<ReturnType<typeof addUser>>;

describe.each(testBackends)('sync hub on %s', (backend) => {
  let database: TestDatabase;
  let harness: Harness;
  let org: TestOrganisation;
  let nurse: User;
  let colleague: User;
  let outsider: User;
  let a: TestDevice; // nurse, laptop
  let a2: TestDevice; // nurse, second laptop
  let b: TestDevice; // colleague
  const clientId = uuidv7();
  const reportId = uuidv7();

  const grant = (userId: string, rights: { canRead: boolean; canEdit: boolean; canSignOff: boolean }) =>
    call(harness, org.ownerToken, { method: 'POST', url: '/v1/admin/dossier-access', payload: { clientId, userId, ...rights } });

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    harness = await startHarness(database);
    org = await createTestOrganisation(harness);
    nurse = await addUser(harness, org);
    colleague = await addUser(harness, org);
    outsider = await addUser(harness, org);
    a = new TestDevice(harness, nurse.token, nurse.deviceId, org.organisationId);
    const second = newDevice('Tweede laptop');
    const signedIn = await signInOk(harness, { email: nurse.email, password: PASSWORD, device: second });
    a2 = new TestDevice(harness, signedIn.session.token, second.id, org.organisationId);
    b = new TestDevice(harness, colleague.token, colleague.deviceId, org.organisationId);
  });
  afterAll(async () => {
    await harness?.app.close();
    await database?.dispose();
  });

  it('applies a new dossier, its creator’s access and a report in one batch, and answers a retry the same without applying twice', async () => {
    const batch = [
      a.mutation('clients', clientId, clientId, 'insert', [a.change('lastName', 'Jansen'), a.change('city', 'Utrecht'), a.change('phone', '030-1234567')]),
      a.mutation('dossier_access', uuidv7(), clientId, 'insert', [
        a.change('clientId', clientId),
        a.change('userId', nurse.userId),
        a.change('canRead', true),
        a.change('canEdit', true),
        a.change('canSignOff', false),
      ]),
      a.mutation('reports', reportId, clientId, 'insert', [
        a.change('clientId', clientId),
        a.change('kind', 'report'),
        a.change('authorId', nurse.userId),
        a.change('visibility', 'dossier'),
        a.change('body', 'Mevrouw voelt zich goed.'),
      ]),
    ];
    const first = await a.push(batch);
    expect(first.map((result) => result.status)).toEqual(['applied', 'applied', 'applied']);
    const retry = await a.push(batch);
    expect(retry).toEqual(first);

    const pages = await a.pullAll();
    const rows = latestRows(pages);
    expect(rows.get(reportId)?.values.body).toBe('Mevrouw voelt zich goed.');
    expect(pages.flatMap((page) => page.changes).filter((change) => change.rowId === reportId)).toHaveLength(1);
    expect(pages[0]!.lease.keyId).toBeTruthy();
  });


  it('a push of 2,000 mutations, half of them updates of rows inserted before, reads every row it changes', async () => {
    const count = 1_000;
    const ids = Array.from({ length: count }, () => uuidv7());
    const inserts = ids.map((id) =>
      a.mutation('reports', id, clientId, 'insert', [a.change('clientId', clientId), a.change('kind', 'report'), a.change('authorId', nurse.userId), a.change('visibility', 'dossier'), a.change('category', 'ADL')]),
    );
    expect(new Set((await a.push(inserts)).map((result) => result.status))).toEqual(new Set(['applied']));
    // Updates of all of them, each after a new row: one preload of 2,000 keys, half of them found.
    const clock = (index: number) => inserts[index]!.changes.find((change) => change.field === 'category')!.hlc;
    const mixed = ids.flatMap((id, index) => [
      a.mutation('reports', uuidv7(), clientId, 'insert', [a.change('clientId', clientId), a.change('kind', 'report'), a.change('authorId', nurse.userId), a.change('visibility', 'dossier')]),
      a.mutation('reports', id, clientId, 'update', [a.change('category', 'Wondzorg', { value: 'ADL', hlc: clock(index) })]),
    ]);
    const results = await a.push(mixed);
    expect(results).toHaveLength(count * 2);
    expect(results.filter((result) => result.status !== 'applied')).toEqual([]);
    const rows = latestRows(await a.pullAll());
    for (const id of ids) expect(rows.get(id)?.values.category).toBe('Wondzorg');
  });
  it('gives a colleague nothing of the dossier until access is granted, then all of it', async () => {
    const before = latestRows(await b.pullAll());
    expect(before.has(clientId)).toBe(false);
    expect(before.has(reportId)).toBe(false);
    const refused = await b.push([b.mutation('clients', clientId, clientId, 'update', [b.change('city', 'Zeist')])]);
    expect(refused[0]).toMatchObject({ status: 'rejected', reason: 'forbidden' });

    expect((await grant(colleague.userId, { canRead: true, canEdit: true, canSignOff: false })).statusCode).toBe(200);
    const after = latestRows(await b.pullAll());
    expect(after.get(clientId)?.values.lastName).toBe('Jansen');
    expect(after.get(reportId)?.values.body).toBe('Mevrouw voelt zich goed.');
  });

  it('merges concurrent edits of different fields', async () => {
    await a.pullAll();
    await b.pullAll();
    const [ra] = await a.push([a.mutation('clients', clientId, clientId, 'update', [a.change('city', 'Amersfoort', { value: 'Utrecht' })])]);
    const [rb] = await b.push([b.mutation('clients', clientId, clientId, 'update', [b.change('phone', '06-12345678', { value: '030-1234567' })])]);
    expect(ra?.status).toBe('applied');
    expect(rb?.status).toBe('applied');
    await a.pullAll();
    const row = a.rows.get(clientId);
    expect(row?.values).toMatchObject({ city: 'Amersfoort', phone: '06-12345678' });
  });

  it('resolves the same structured field by HLC whatever the order of arrival, keeping the loser in history', async () => {
    const later = b.mutation('clients', clientId, clientId, 'update', [b.change('city', 'Zeist', {}, 2_000)]);
    const earlier = a.mutation('clients', clientId, clientId, 'update', [a.change('city', 'Houten', {}, 1_000)]);
    expect((await b.push([later]))[0]?.status).toBe('applied');
    const [lost] = await a.push([earlier]);
    expect(lost).toMatchObject({ status: 'merged', superseded: ['city'] });
    const pages = await b.pullAll();
    const row = latestRows(pages).get(clientId);
    expect(row?.values.city).toBe('Zeist');
    expect(row?.history).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'city', value: 'Houten' })]));
  });

  it('keeps both versions of narrative text edited concurrently, as a conflict every reader pulls', async () => {
    await a.pullAll();
    await a2.pullAll();
    const base = a.rows.get(reportId)!;
    const baseText = { value: base.values.body!, hlc: base.clocks.body! };
    const [first] = await a.push([a.mutation('reports', reportId, clientId, 'update', [a.change('body', 'Versie van laptop 1.', baseText)])]);
    const [second] = await a2.push([a2.mutation('reports', reportId, clientId, 'update', [a2.change('body', 'Versie van laptop 2.', baseText)])]);
    expect(first?.status).toBe('applied');
    expect(second?.status).toBe('conflict');
    const pages: SyncPullResponse[] = await b.pullAll();
    const conflicts = pages.flatMap((page) => page.conflicts);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ status: 'open', conflict: { kept: { value: 'Versie van laptop 1.' }, incoming: { value: 'Versie van laptop 2.' } } });
    expect(latestRows(pages).get(reportId)?.values.body).toBe('Versie van laptop 1.');

    // The person keeps the first version; the conflict closes for every device, and stays on record.
    await a2.pullAll();
    const current = a2.rows.get(reportId)!;
    const [resolved] = await a2.push([
      a2.mutation('reports', reportId, clientId, 'update', [a2.change('body', 'Versie van laptop 1, aangevuld.', { value: current.values.body!, hlc: current.clocks.body! })], {
        resolves: [conflicts[0]!.conflict.conflictId],
      }),
    ]);
    expect(resolved?.status).toBe('applied');
    const closed = (await b.pullAll()).flatMap((page) => page.conflicts);
    expect(closed).toEqual([expect.objectContaining({ status: 'resolved', conflict: expect.objectContaining({ conflictId: conflicts[0]!.conflict.conflictId }) })]);
  });

  it('refuses edits of a locked report', async () => {
    await a.pullAll();
    const row = a.rows.get(reportId)!;
    const seen = Object.fromEntries(Object.entries(row.clocks));
    const [locked] = await a.push([
      a.mutation('reports', reportId, clientId, 'update', [a.change('lockedAt', '2026-03-02T09:00:00Z'), a.change('lockedBy', nurse.userId)], { seen }),
    ]);
    expect(locked?.status).toBe('applied');
    await a.pullAll();
    const after = a.rows.get(reportId)!;
    const [edit] = await a.push([a.mutation('reports', reportId, clientId, 'update', [a.change('body', 'Later erbij.', { value: after.values.body!, hlc: after.clocks.body! })])]);
    expect(edit).toMatchObject({ status: 'rejected', reason: 'record_locked' });
  });

  it('hides a report that becomes restricted from readers not named in it, and shows it again when they are named', async () => {
    const restrictedId = uuidv7();
    await a.push([
      a.mutation('reports', restrictedId, clientId, 'insert', [
        a.change('clientId', clientId),
        a.change('kind', 'report'),
        a.change('authorId', nurse.userId),
        a.change('visibility', 'dossier'),
        a.change('body', 'Gesprek over thuissituatie.'),
      ]),
    ]);
    await b.pullAll();
    expect(b.rows.has(restrictedId)).toBe(true);
    await a.push([a.mutation('reports', restrictedId, clientId, 'update', [a.change('visibility', 'restricted', { value: 'dossier' })])]);
    const hidden = await b.pullAll();
    expect(hidden.flatMap((page) => page.purges)).toEqual([expect.objectContaining({ scope: 'row', table: 'reports', rowId: restrictedId })]);
    expect(hidden.flatMap((page) => page.changes).some((change) => change.rowId === restrictedId)).toBe(false);
    const [named] = await a.push([
      a.mutation('report_access', uuidv7(), clientId, 'insert', [
        a.change('clientId', clientId),
        a.change('reportId', restrictedId),
        a.change('userId', colleague.userId),
        a.change('canRead', true),
        a.change('canEdit', false),
      ]),
    ]);
    expect(named?.status).toBe('applied');
    const shown = await b.pullAll();
    expect(shown.flatMap((page) => page.changes).find((change) => change.rowId === restrictedId)?.values.visibility).toBe('restricted');
  });

  it('purges an appointment for a practitioner taken off it who cannot read its dossier', async () => {
    const appointmentId = uuidv7();
    const [made] = await a.push([
      a.mutation('appointments', appointmentId, null, 'insert', [
        a.change('title', 'Wondzorg'),
        a.change('clientIds', []),
        a.change('practitionerIds', [nurse.userId, outsider.userId]),
      ]),
    ]);
    expect(made?.status).toBe('applied');
    const other = new TestDevice(harness, outsider.token, outsider.deviceId, org.organisationId);
    await other.pullAll();
    expect(other.rows.has(appointmentId)).toBe(true);
    await a.push([a.mutation('appointments', appointmentId, null, 'update', [a.change('practitionerIds', [nurse.userId])])]);
    const pages = await other.pullAll();
    expect(pages.flatMap((page) => page.purges)).toEqual([expect.objectContaining({ scope: 'row', table: 'appointments', rowId: appointmentId })]);
    expect(pages.flatMap((page) => page.changes).some((change) => change.rowId === appointmentId)).toBe(false);
  });

  it('sends a purge when access is revoked, and nothing of the dossier afterwards', async () => {
    await b.pullAll();
    expect((await grant(colleague.userId, { canRead: false, canEdit: false, canSignOff: false })).statusCode).toBe(200);
    await a.push([a.mutation('clients', clientId, clientId, 'update', [a.change('city', 'Nieuwegein', {}, 5_000)])]);
    const pages = await b.pullAll();
    expect(pages.flatMap((page) => page.purges)).toEqual([expect.objectContaining({ scope: 'client', clientId, reason: 'access_revoked' })]);
    expect(pages.flatMap((page) => page.changes).filter((change) => change.clientId === clientId && change.table !== 'dossier_access')).toEqual([]);
    const [refused] = await b.push([b.mutation('contacts', uuidv7(), clientId, 'insert', [b.change('clientId', clientId), b.change('name', 'Dochter')])]);
    expect(refused).toMatchObject({ status: 'rejected', reason: 'forbidden' });
  });

  it('never shows another user’s dossier to a user without access', async () => {
    const device = new TestDevice(harness, outsider.token, outsider.deviceId, org.organisationId);
    const pages = await device.pullAll();
    expect(pages.flatMap((page) => page.changes).filter((change) => change.clientId === clientId)).toEqual([]);
    expect(pages.flatMap((page) => page.conflicts)).toEqual([]);
  });

  it('publishes rows of pull-only tables that the account API changes, to every device of the organisation', async () => {
    await database.db.transaction((tx) =>
      publishHubRow(tx, org.organisationId, 'users', colleague.userId, { displayName: 'Fatima El Amrani', role: 'practitioner', status: 'active' }, harness.clock.now()),
    );
    const device = new TestDevice(harness, outsider.token, outsider.deviceId, org.organisationId);
    await device.pullAll();
    expect(device.rows.get(colleague.userId)?.values).toMatchObject({ displayName: 'Fatima El Amrani' });
    const [refused] = await device.push([device.mutation('users', colleague.userId, null, 'update', [device.change('role', 'owner')])]);
    expect(refused).toMatchObject({ status: 'rejected', reason: 'read_only_table' });
  });

  it('accepts settings and dossier deletion from administrators only', async () => {
    const practitioner = new TestDevice(harness, outsider.token, outsider.deviceId, org.organisationId);
    const owner = new TestDevice(harness, org.ownerToken, org.deviceId, org.organisationId);
    const settingId = uuidv7();
    const setting = (device: TestDevice) => device.mutation('settings', settingId, null, 'insert', [device.change('key', 'autoLock'), device.change('value', 5)]);
    expect((await practitioner.push([setting(practitioner)]))[0]).toMatchObject({ status: 'rejected', reason: 'forbidden' });
    expect((await owner.push([setting(owner)]))[0]?.status).toBe('applied');
    const [deleting] = await a.push([a.mutation('clients', clientId, clientId, 'delete', [a.change('deletedAt', '2026-03-02T10:00:00Z')])]);
    expect(deleting).toMatchObject({ status: 'rejected', reason: 'forbidden' });
    await practitioner.pullAll();
    expect(practitioner.rows.get(settingId)?.values).toMatchObject({ key: 'autoLock', value: 5 });
  });

  it('keeps organisations apart in push and pull', async () => {
    const other = await createTestOrganisation(harness, 'Andere zorg');
    const stranger = new TestDevice(harness, other.ownerToken, other.deviceId, other.organisationId);
    const intoA = stranger.mutation('clients', clientId, clientId, 'update', [stranger.change('city', 'Gestolen')]);
    const [named] = await stranger.push([{ ...intoA, organisationId: org.organisationId }]);
    expect(named).toMatchObject({ status: 'rejected', reason: 'forbidden' });
    const [own] = await stranger.push([stranger.mutation('clients', clientId, clientId, 'update', [stranger.change('city', 'Gestolen')])]);
    expect(own).toMatchObject({ status: 'rejected', reason: 'row_missing' });
    const pages = await stranger.pullAll();
    const body = JSON.stringify(pages);
    expect(body).not.toContain(clientId);
    expect(body).not.toContain(org.organisationId);
    await a.pullAll();
    expect(a.rows.get(clientId)?.values.city).not.toBe('Gestolen');
  });

  it('refuses a session speaking for another device', async () => {
    const impostor = new TestDevice(harness, nurse.token, colleague.deviceId, org.organisationId);
    const response = await impostor.pushRaw([impostor.mutation('clients', clientId, clientId, 'update', [impostor.change('city', 'X')])]);
    expect(response.statusCode).toBe(403);
  });

  it('answers malformed and oversize payloads with a 4xx and a sentence, never a 5xx', async () => {
    const post = (payload: string, url = '/v1/sync/push') =>
      call(harness, nurse.token, { method: 'POST', url, payload, headers: { 'content-type': 'application/json' } });
    const notJson = await post('{"protocolVersion": 1, ');
    expect(notJson.statusCode).toBe(400);
    const tooMany = await a.pushRaw(Array.from({ length: syncLimits.mutationsPerPush + 1 }, () => a.mutation('clients', clientId, clientId, 'update', [a.change('city', 'x')])));
    expect(tooMany.statusCode).toBe(400);
    let deep: unknown = 'x';
    for (let depth = 0; depth < 20; depth += 1) deep = [deep];
    const tooDeep = await a.pushRaw([a.mutation('clients', clientId, clientId, 'update', [a.change('city', deep as string)])]);
    expect(tooDeep.statusCode).toBe(400);
    expect(JSON.stringify(tooDeep.json())).toContain('nested deeper');
    const nul = await a.push([a.mutation('clients', uuidv7(), null, 'insert', [a.change('lastName', 'Nul\u0000teken')])]);
    expect(nul[0]?.status).toBe('applied');
    const badIds = await a.pushRaw([{ ...a.mutation('clients', clientId, clientId, 'update', [a.change('city', 'x')]), rowId: "1' OR 1=1" }]);
    expect(badIds.statusCode).toBe(400);
    const huge = await post(JSON.stringify({ protocolVersion: 1, padding: 'x'.repeat(17 * 1024 * 1024) }));
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ error: 'body_too_large' });
    const badPull = await post(JSON.stringify({ protocolVersion: 1, deviceId: nurse.deviceId, cursor: { epoch: 'x', seq: -1 }, limit: 10 ** 9 }), '/v1/sync/pull');
    expect(badPull.statusCode).toBe(400);
  });

  it('tells a device to reset when the service was restored from a backup (new epoch)', async () => {
    await a.pullAll();
    const oldEpoch = a.cursor!.epoch;
    await database.db.execute(sql`UPDATE sync_heads SET restored_from_epoch = epoch, epoch = gen_random_uuid(), epoch_start_seq = head`);
    const page = await a.pullPage();
    expect(page.reset).toBe(true);
    expect(page.server).toMatchObject({ restoredFromEpoch: oldEpoch });
    expect(page.server.epoch).not.toBe(oldEpoch);
    a.cursor = null;
    const rows = latestRows(await a.pullAll());
    expect(rows.get(reportId)?.values.body).toBe('Versie van laptop 1, aangevuld.');
    const [answer] = await a.push([a.mutation('clients', clientId, clientId, 'update', [a.change('phone', '06-87654321', {}, 10_000)])]);
    expect(answer?.status).toBe('applied');
  });
});
