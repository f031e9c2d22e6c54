import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncLimits } from '../../shared/sync/limits.js';
import { CentralApiError } from './central-api.js';
import type { DocumentTransport } from './document-transport.js';
import type { SyncTransport } from './sync-transport.js';
import { apiCall, apiSignIn, demoCarer, demoNurse, demoOwner, startCentralService, type CentralServiceProcess } from './testing/central-service-process.js';
import { sampleClient, signedInDevice, type TestDevice } from './testing/devices.js';

let central: CentralServiceProcess;
const devices: TestDevice[] = [];

beforeAll(async () => {
  central = await startCentralService();
}, 120_000);
afterAll(async () => {
  for (const device of devices) device.close();
  await central?.stop();
});

async function device(email = demoNurse): Promise<TestDevice> {
  const created = await signedInDevice(central, email);
  devices.push(created);
  return created;
}

/** Content of 2.5 chunks, different per seed, so chunk order and the short last chunk both matter. */
function scan(seed: number): Uint8Array {
  const bytes = new Uint8Array(Math.floor(syncLimits.chunkBytes * 2.5));
  let x = seed;
  for (let i = 0; i < bytes.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
}

interface Recorder {
  uploaded: number[];
  downloaded: number[];
}

/** The real transport with hooks: record chunk indexes, cut the connection, or damage a chunk on its way. */
function faulty(
  inner: SyncTransport,
  hooks: { failUploadAt?: number; failDownloadAt?: number; corruptDownloadAt?: number; only?: string } = {},
): SyncTransport & Recorder {
  // Other tests' documents of the same user come along; hooks and records concern one content.
  const documents = inner.documents!;
  const recorder: Recorder = { uploaded: [], downloaded: [] };
  const wrapped: DocumentTransport = {
    status: (request) => documents.status(request),
    manifest: (hash) => documents.manifest(hash),
    uploadChunk: async (hash, index, chunkHash, bytes) => {
      if (hooks.only && hash !== hooks.only) return documents.uploadChunk(hash, index, chunkHash, bytes);
      if (index === hooks.failUploadAt) throw new CentralApiError('unreachable', 'connection dropped');
      recorder.uploaded.push(index);
      return documents.uploadChunk(hash, index, chunkHash, bytes);
    },
    downloadChunk: async (hash, index) => {
      if (hooks.only && hash !== hooks.only) return documents.downloadChunk(hash, index);
      if (index === hooks.failDownloadAt) throw new CentralApiError('unreachable', 'connection dropped');
      const bytes = await documents.downloadChunk(hash, index);
      recorder.downloaded.push(index);
      if (index !== hooks.corruptDownloadAt) return bytes;
      const damaged = new Uint8Array(bytes);
      damaged[100] = damaged[100]! ^ 0xff;
      return damaged;
    },
  };
  return Object.assign({ push: inner.push.bind(inner), pull: inner.pull.bind(inner), uploadAccessLog: inner.uploadAccessLog.bind(inner), documents: wrapped }, recorder);
}

function partFiles(one: TestDevice): string[] {
  const dir = path.join(one.dataDir, 'documents', 'incoming');
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.part')) : [];
}

describe('documents travel between devices through the real central service', () => {
  it('uploads after its record is accepted, downloads on the second device, byte for byte', async () => {
    const laptop = await device();
    const me = laptop.store.session(laptop.userId);
    const client = me.clients.create({ ...sampleClient, lastName: 'Document' });
    const content = scan(1);
    const document = me.documents.add({ clientId: client.id, fileName: 'verwijsbrief.pdf', mimeType: 'application/pdf' }, content);

    const first = await laptop.engine().run();
    expect(first.documents).toMatchObject({ uploaded: 1, chunksSent: 3 });
    // Known to be on the hub: the next run announces nothing.
    const recorder = faulty(laptop.transport);
    expect((await laptop.engine(recorder).run()).documents).toMatchObject({ uploaded: 0, chunksSent: 0 });

    const tablet = await device();
    const received = await tablet.engine().run();
    expect(received.documents).toMatchObject({ downloaded: 1, chunksReceived: 3, refusedChunks: 0 });
    expect(Buffer.from(tablet.store.session(tablet.userId).documents.read(document.id).content).equals(Buffer.from(content))).toBe(true);
    expect(partFiles(tablet)).toEqual([]);
  });

  it('an interrupted upload resumes after the last confirmed chunk; nothing is sent twice', async () => {
    const laptop = await device();
    const me = laptop.store.session(laptop.userId);
    const client = me.clients.create({ ...sampleClient, lastName: 'Onderbroken' });
    const content = scan(2);
    const document = me.documents.add({ clientId: client.id, fileName: 'foto.jpg', mimeType: 'image/jpeg' }, content);

    const cut = faulty(laptop.transport, { failUploadAt: 2 });
    const interrupted = await laptop.engine(cut).run();
    expect(interrupted.documents).toBeNull(); // rows synced; the document follows next time
    expect(laptop.sync().outbox.count()).toBe(0);
    expect(cut.uploaded).toEqual([0, 1]);

    const resumed = faulty(laptop.transport);
    expect((await laptop.engine(resumed).run()).documents).toMatchObject({ uploaded: 1, chunksSent: 1 });
    expect(resumed.uploaded).toEqual([2]);

    const tablet = await device();
    await tablet.engine().run();
    expect(Buffer.from(tablet.store.session(tablet.userId).documents.read(document.id).content).equals(Buffer.from(content))).toBe(true);
  });

  it('an interrupted download resumes with the chunks it kept; a damaged chunk is refused and fetched again', async () => {
    const laptop = await device();
    const me = laptop.store.session(laptop.userId);
    const client = me.clients.create({ ...sampleClient, lastName: 'Beschadigd' });
    const content = scan(3);
    const document = me.documents.add({ clientId: client.id, fileName: 'brief.pdf', mimeType: 'application/pdf' }, content);
    await laptop.engine().run();

    const tablet = await device();
    const onTablet = tablet.store.session(tablet.userId);
    const cut = faulty(tablet.transport, { failDownloadAt: 1, only: document.contentHash });
    expect((await tablet.engine(cut).run()).documents).toBeNull();
    expect(cut.downloaded).toEqual([0]);
    expect(partFiles(tablet)).toEqual([`${document.contentHash}.0.part`]);
    // The chunk kept meanwhile is encrypted at rest: its plaintext is nowhere in the file.
    const part = partFiles(tablet)[0]!;
    const onDisk = readFileSync(path.join(tablet.dataDir, 'documents', 'incoming', part));
    expect(onDisk.includes(Buffer.from(content.subarray(0, 64)))).toBe(false);
    expect(() => onTablet.documents.read(document.id)).toThrow();

    const damaged = faulty(tablet.transport, { corruptDownloadAt: 1, only: document.contentHash });
    const refused = await tablet.engine(damaged).run();
    expect(refused.documents).toMatchObject({ refusedChunks: 1 });
    expect(damaged.downloaded).toEqual([1]); // chunk 0 was not fetched again
    expect(() => onTablet.documents.read(document.id)).toThrow();

    const clean = faulty(tablet.transport, { only: document.contentHash });
    expect((await tablet.engine(clean).run()).documents).toMatchObject({ downloaded: 1, refusedChunks: 0 });
    expect(clean.downloaded).toEqual([1, 2]);
    expect(Buffer.from(onTablet.documents.read(document.id).content).equals(Buffer.from(content))).toBe(true);
    expect(partFiles(tablet)).toEqual([]);
  });

  it('losing access to the dossier removes its documents from the device', async () => {
    const nurse = await device();
    const carer = await device(demoCarer);
    const me = nurse.store.session(nurse.userId);
    const client = me.clients.create({ ...sampleClient, lastName: 'Gedeeld' });
    const document = me.documents.add({ clientId: client.id, fileName: 'indicatie.pdf', mimeType: 'application/pdf' }, scan(4));
    await nurse.engine().run();

    const owner = await apiSignIn(central.url, demoOwner);
    const grant = { clientId: client.id, userId: carer.userId, canRead: true, canEdit: false, canSignOff: false };
    await apiCall(central.url, owner, 'POST', '/v1/admin/dossier-access', grant);
    await carer.engine().run();
    const file = carer.store.documentFiles.pathOf(document.id);
    expect(existsSync(file)).toBe(true);

    await apiCall(central.url, owner, 'POST', '/v1/admin/dossier-access', { ...grant, canRead: false });
    const report = await carer.engine().run();
    expect(report.purgedClients).toContain(client.id);
    expect(existsSync(file)).toBe(false);
    expect(carer.sync().rows.read('documents', document.id)).toBeNull();
  });

  it('a deleted document’s file goes once the hub has the delete', async () => {
    const laptop = await device();
    const me = laptop.store.session(laptop.userId);
    const client = me.clients.create({ ...sampleClient, lastName: 'Verwijderd' });
    const document = me.documents.add({ clientId: client.id, fileName: 'oud.pdf', mimeType: 'application/pdf' }, scan(5));
    await laptop.engine().run();
    const file = laptop.store.documentFiles.pathOf(document.id);

    me.documents.delete(document.id);
    expect(existsSync(file)).toBe(true); // the hub may still refuse the delete
    await laptop.engine().run();
    expect(existsSync(file)).toBe(false);
  });
});
