import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { sql } from 'drizzle-orm';
import { syncLimits } from '../../shared/sync/limits.js';
import { loadSodium, type Sodium } from '../crypto/sodium.js';
import { queryRows } from '../db/raw.js';
import { openTestDatabase, testBackends, type TestDatabase } from '../testing/databases.js';
import { addUser, call, createTestOrganisation, startHarness, type Harness, type TestOrganisation } from '../testing/harness.js';
import { TestDevice } from './testing/syncClient.js';

describe.each(testBackends)('documents and access log on %s', (backend) => {
  let database: TestDatabase;
  let harness: Harness;
  let org: TestOrganisation;
  let nurse: Awaited<ReturnType<typeof addUser>>;
  let outsider: Awaited<ReturnType<typeof addUser>>;
  let lib: Sodium;
  const clientId = uuidv7();
  const hex = (bytes: Uint8Array) => lib.to_hex(lib.crypto_generichash(32, bytes, null));
  const content = new Uint8Array(syncLimits.chunkBytes + 1234).map((_, index) => (index * 31) % 251);
  let contentHash: string;
  const chunks = [content.subarray(0, syncLimits.chunkBytes), content.subarray(syncLimits.chunkBytes)];

  beforeAll(async () => {
    lib = await loadSodium();
    contentHash = hex(content);
    database = await openTestDatabase(backend);
    harness = await startHarness(database);
    org = await createTestOrganisation(harness);
    nurse = await addUser(harness, org);
    outsider = await addUser(harness, org);
    const device = new TestDevice(harness, nurse.token, nurse.deviceId, org.organisationId);
    const results = await device.push([
      device.mutation('clients', clientId, clientId, 'insert', [device.change('lastName', 'De Boer')]),
      device.mutation('dossier_access', uuidv7(), clientId, 'insert', [
        device.change('clientId', clientId),
        device.change('userId', nurse.userId),
        device.change('canRead', true),
        device.change('canEdit', true),
      ]),
      device.mutation('documents', uuidv7(), clientId, 'insert', [
        device.change('clientId', clientId),
        device.change('contentHash', contentHash),
        device.change('sizeBytes', content.length),
        device.change('fileName', 'indicatie.pdf'),
      ]),
    ]);
    expect(results.map((result) => result.status)).toEqual(['applied', 'applied', 'applied']);
  });
  afterAll(async () => {
    await harness?.app.close();
    await database?.dispose();
  });

  const announce = (token: string, deviceId: string, manifest: object) =>
    call(harness, token, { method: 'POST', url: '/v1/sync/documents/status', payload: { protocolVersion: 1, deviceId, organisationId: org.organisationId, manifest } });
  const upload = (token: string, index: number, bytes: Uint8Array, chunkHash = hex(bytes)) =>
    call(harness, token, {
      method: 'POST',
      url: `/v1/sync/documents/${contentHash}/chunks/${index}?chunkHash=${chunkHash}`,
      payload: Buffer.from(bytes),
      headers: { 'content-type': 'application/octet-stream' },
    });

  it('uploads in resumable chunks, verifies each, and serves it back only to readers of the dossier', async () => {
    const manifest = { contentHash, sizeBytes: content.length, chunkHashes: chunks.map(hex) };
    expect((await announce(outsider.token, outsider.deviceId, manifest)).statusCode).toBe(403);
    const first = await announce(nurse.token, nurse.deviceId, manifest);
    expect(first.json()).toEqual({ contentHash, have: [], complete: false });

    expect((await upload(nurse.token, 1, chunks[1]!, hex(chunks[0]!))).statusCode).toBe(400); // wrong hash
    expect((await upload(nurse.token, 0, chunks[0]!)).json()).toMatchObject({ index: 0, complete: false });
    expect((await announce(nurse.token, nurse.deviceId, manifest)).json()).toEqual({ contentHash, have: [0], complete: false });
    expect((await upload(nurse.token, 1, chunks[1]!)).json()).toMatchObject({ index: 1, complete: true });
    expect((await upload(nurse.token, 1, chunks[1]!)).json()).toMatchObject({ index: 1, complete: true }); // a retry is harmless

    const got = await call(harness, nurse.token, { method: 'GET', url: `/v1/sync/documents/${contentHash}` });
    expect(got.json()).toMatchObject({ manifest, complete: true });
    const parts = await Promise.all([0, 1].map((index) => call(harness, nurse.token, { method: 'GET', url: `/v1/sync/documents/${contentHash}/chunks/${index}` })));
    expect(hex(new Uint8Array(Buffer.concat(parts.map((part) => part.rawPayload))))).toBe(contentHash);

    expect((await call(harness, outsider.token, { method: 'GET', url: `/v1/sync/documents/${contentHash}` })).statusCode).toBe(404);
    expect((await call(harness, outsider.token, { method: 'GET', url: `/v1/sync/documents/${contentHash}/chunks/0` })).statusCode).toBe(404);

    const storage = await call(harness, org.ownerToken, { method: 'GET', url: '/v1/admin/storage' });
    expect(storage.json()).toMatchObject({ byCategory: expect.arrayContaining([{ category: 'documents', bytes: content.length }]) });
  });

  it('refuses an oversize document with 413 and a sentence, and a chunk over the chunk size', async () => {
    const huge = { contentHash, sizeBytes: 500 * 1024 * 1024, chunkHashes: Array.from({ length: 500 }, () => 'ab'.repeat(32)) };
    const response = await announce(nurse.token, nurse.deviceId, huge);
    expect(response.statusCode).toBe(413);
    expect(response.json().message).toMatch(/limit is 100 MB per document/);
    const tooBig = await upload(nurse.token, 0, new Uint8Array(syncLimits.chunkBytes + 1));
    expect(tooBig.statusCode).toBe(413);
  });

  it('archives access-log lines append-only, idempotently, and marks a broken chain', async () => {
    const entry = (seq: number, prevHash: string, hash: string) => ({
      seq,
      id: uuidv7(),
      at: '2026-03-02T09:00:00Z',
      organisationId: org.organisationId,
      userId: nurse.userId,
      onBehalfOf: null,
      action: 'R',
      event: 'client.open',
      clientId,
      objectType: 'client',
      objectId: clientId,
      outcome: 'success',
      reason: null,
      deviceId: 'a1b2c3d4e5f60718',
      prevHash,
      hash,
    });
    const upload = (entries: object[], token = nurse.token, deviceId = nurse.deviceId) =>
      call(harness, token, { method: 'POST', url: '/v1/sync/access-log', payload: { protocolVersion: 1, deviceId, entries } });
    const lines = [entry(1, '', 'h1'), entry(2, 'h1', 'h2'), entry(3, 'h2', 'h3')];
    const first = await upload(lines);
    expect(first.json()).toMatchObject({ archivedThroughSeq: 3, chainBroken: false });
    expect(first.json().lease).toBeDefined();
    expect((await upload(lines)).json()).toMatchObject({ archivedThroughSeq: 3, chainBroken: false });
    expect((await upload([entry(4, 'not-h3', 'h4')])).json()).toMatchObject({ archivedThroughSeq: 4, chainBroken: true });
    expect((await upload([{ ...entry(5, 'h4', 'h5'), organisationId: uuidv7() }])).statusCode).toBe(403);
    expect((await upload([{ ...entry(5, 'h4', 'h5'), userId: outsider.userId }])).json()).toMatchObject({ archivedThroughSeq: 5, chainBroken: false });
    // A line sent twice in one upload (once in capitals) and a resent one are archived once; the batch still lands.
    const sixth = entry(6, 'h5', 'h6');
    const twice = await upload([sixth, { ...sixth, id: sixth.id.toUpperCase() }, lines[0]!, entry(7, 'h6', 'h7')]);
    expect(twice.json()).toMatchObject({ archivedThroughSeq: 7, chainBroken: false });
    const archived = await queryRows<{ n: string | number }>(database.db, sql`SELECT count(*) AS n FROM sync_access_log WHERE organisation_id = ${org.organisationId} AND device_id = ${nurse.deviceId}`);
    expect(Number(archived[0]!.n)).toBe(7);
  });
});
