import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RemovalCaseView } from '../../shared/api/retention.js';
import type { SqliteDatabase } from '../store/database.js';
import { apiCall, apiSignIn, demoNurse, demoOwner, startCentralService, type CentralServiceProcess } from './testing/central-service-process.js';
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

/** Where in the database file a text occurs: every table, FTS index segments included, read byte for byte. */
function tablesContaining(db: SqliteDatabase, needle: string): string[] {
  const lower = Buffer.from(needle.toLowerCase());
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'").pluck().all() as string[];
  const found = new Set<string>();
  for (const table of tables) {
    for (const row of db.prepare(`SELECT * FROM "${table}"`).raw().iterate() as Iterable<unknown[]>) {
      for (const value of row) {
        const bytes = Buffer.isBuffer(value) ? Buffer.from(value.toString('latin1').toLowerCase(), 'latin1') : Buffer.from(String(value).toLowerCase());
        if (bytes.includes(lower)) found.add(table);
      }
    }
  }
  return [...found].sort();
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('a dossier destroyed on the central service leaves every device', () => {
  it('after the sync nothing of the client remains: rows, documents, drafts, search, conflicts, refused and unsent changes; the devices confirm it', async () => {
    const laptop = await signedInDevice(central, demoNurse);
    const tablet = await signedInDevice(central, demoNurse);
    devices.push(laptop, tablet);
    const onLaptop = laptop.store.session(laptop.userId);
    const onTablet = tablet.store.session(tablet.userId);

    // The dossier to destroy, and one that stays (it shows the search below does find things).
    const client = onLaptop.clients.create({ ...sampleClient, firstName: 'Wilhelmina', lastName: 'Knoflookweide', bsn: '123456782' });
    const other = onLaptop.clients.create({ ...sampleClient, lastName: 'Blijftbewaard' });
    const report = onLaptop.reports.create({ clientId: client.id, occurredAt: '2026-11-20T08:00:00.000Z', category: 'ADL', body: 'Mevrouw Knoflookweide had pijn aan het linkerbeen' });
    const locked = onLaptop.reports.create({ clientId: client.id, occurredAt: '2026-11-20T09:00:00.000Z', category: 'ADL', body: 'Wondzorg gedaan' });
    const document = onLaptop.documents.add({ clientId: client.id, fileName: 'indicatie-knoflookweide.pdf', mimeType: 'application/pdf' }, new TextEncoder().encode('%PDF indicatie'));
    onLaptop.reports.create({ clientId: other.id, occurredAt: '2026-11-20T10:00:00.000Z', category: 'ADL', body: 'Blijftbewaard wandelde buiten' });
    await laptop.engine().run();
    await tablet.engine().run();

    // A conflict on both devices (the same text changed apart), a refused change (edited after the
    // tablet locked it), a draft, and — after the removal — a change not yet sent.
    onLaptop.reports.update(report.id, { body: 'Mevrouw Knoflookweide had pijn, huid droog' });
    onTablet.reports.update(report.id, { body: 'Mevrouw Knoflookweide had pijn, moe' });
    onTablet.reports.lock(locked.id);
    onLaptop.reports.update(locked.id, { body: 'Wondzorg gedaan bij Knoflookweide, verband vervangen' });
    await tablet.engine().run();
    await laptop.engine().run();
    await tablet.engine().run();
    onLaptop.drafts.save(`report:new:${client.id}`, 'Knoflookweide belde over', client.id);
    for (const device of [laptop, tablet]) expect(device.sync().openConflictCount()).toBe(1);
    expect(laptop.sync().unhandledRejectedCount()).toBe(1);
    const laptopDb = laptop.store.connection;
    expect(tablesContaining(laptopDb, 'Knoflookweide')).toEqual(expect.arrayContaining(['clients', 'drafts', 'reports', 'sync_conflicts', 'sync_rejected', 'clients_fts_data']));
    expect(tablesContaining(laptopDb, client.id)).toEqual(expect.arrayContaining(['access_log', 'clients', 'documents', 'drafts', 'reports', 'sync_conflicts', 'sync_rejected']));
    expect(filesUnder(path.join(laptop.dataDir, 'documents')).some((file) => file.includes(document.id))).toBe(true);

    // The client asked for deletion; the owner records it and carries it out on the server.
    const owner = await apiSignIn(central.url, demoOwner);
    const receivedOn = new Date().toISOString().slice(0, 10);
    const { case: request } = (await apiCall(central.url, owner, 'POST', '/v1/admin/retention/deletion-requests', { clientId: client.id, receivedOn })) as { case: RemovalCaseView };
    const { case: carried } = (await apiCall(central.url, owner, 'POST', `/v1/admin/retention/cases/${request.id}/carry-out`)) as { case: RemovalCaseView };
    expect(carried).toMatchObject({ state: 'carrying_out', clientId: null });
    expect(carried.pendingDevices).toBeGreaterThanOrEqual(2);

    onLaptop.reports.create({ clientId: client.id, occurredAt: '2026-11-21T08:00:00.000Z', category: 'ADL', body: 'Knoflookweide nog niet verstuurd' });
    const laptopRun = await laptop.engine().run();
    const tabletRun = await tablet.engine().run();
    expect(laptopRun.purgedClients).toContain(client.id);
    expect(tabletRun.purgedClients).toContain(client.id);

    for (const device of [laptop, tablet]) {
      const db = device.store.connection;
      for (const secret of ['Knoflookweide', 'lookweide', 'Wilhelmina', '123456782', 'linkerbeen', 'verband vervangen', 'niet verstuurd', document.contentHash]) {
        expect({ secret, tables: tablesContaining(db, secret) }).toEqual({ secret, tables: [] });
      }
      // The NEN 7513 access log keeps the ids of the client and the records (random numbers that no
      // longer lead anywhere) with who did what when; nothing else of them (shared/retention/README.md).
      for (const id of [client.id, report.id, locked.id, document.id]) {
        expect({ id, outsideAccessLog: tablesContaining(db, id).filter((table) => table !== 'access_log') }).toEqual({ id, outsideAccessLog: [] });
      }
      expect(filesUnder(path.join(device.dataDir, 'documents')).filter((file) => file.includes(document.id))).toEqual([]);
      expect(device.sync().openConflictCount()).toBe(0);
      expect(device.sync().unhandledRejectedCount()).toBe(0);
      expect(device.sync().outbox.count()).toBe(0);
      // The dossier that stays is untouched, and search still finds it.
      expect(tablesContaining(db, 'Blijftbewaard')).toEqual(expect.arrayContaining(['clients', 'reports', 'clients_fts_data']));
      expect(device.store.session(device.userId).clients.get(other.id).lastName).toBe('Blijftbewaard');
    }

    // Both devices pulled past the purge in the same sync: the hub counts them as done.
    const { cases } = (await apiCall(central.url, owner, 'GET', '/v1/admin/retention/cases')) as { cases: RemovalCaseView[] };
    expect(cases.find((c) => c.id === request.id)!.pendingDevices).toBe(carried.pendingDevices - 2);
  }, 120_000);
});
