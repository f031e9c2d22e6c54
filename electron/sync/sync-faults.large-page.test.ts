import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { databaseFileName } from '../store/local-store.js';
import { syncValueKeys } from './device-values.js';
import { demoNurse, startCentralService, type CentralServiceProcess } from './testing/central-service-process.js';
import { runDeviceProcess } from './testing/device-process.js';
import { sampleClient, signedInDevice, type TestDevice } from './testing/devices.js';
import { faultSeed, seededRandom } from './testing/fault-workload.js';

/**
 * A large pull page is applied with the rollback journal in place of the WAL (apply-pull.ts). The
 * page must stay atomic there too: a device process killed with SIGKILL while such a page is being
 * written (a hot journal left behind proves the kill hit inside the transaction) opens again with
 * none of that page's rows and the old cursor, back in WAL mode, and the next sync completes.
 * Seeded like sync-faults.kill.test.ts (SYNC_FAULT_SEED replays).
 */
const seed = faultSeed();
const random = seededRandom(seed);
const reportCount = 4_000;
const pullLimit = 1_000; // every page of the initial sync ≥ 500 rows: all go through the rollback journal

let central: CentralServiceProcess;
const devices: TestDevice[] = [];

beforeAll(async () => {
  central = await startCentralService();
}, 240_000);
afterAll(async () => {
  for (const device of devices) device.close();
  await central?.stop();
});

it(`a device killed while it writes a large pull page loses nothing and keeps the page whole (seed ${seed})`, async () => {
  const laptop = await signedInDevice(central, demoNurse);
  let fresh = await signedInDevice(central, demoNurse);
  devices.push(laptop, fresh);
  const me = laptop.store.session(laptop.userId);
  const clients = [0, 1, 2].map((i) => me.clients.create({ ...sampleClient, lastName: `Grote-pagina-${i}` }).id);
  laptop.store.loadInBulk(() => {
    for (let i = 0; i < reportCount; i++) me.reports.create({ clientId: clients[i % clients.length]!, occurredAt: '2026-11-20T08:00:00.000Z', category: 'ADL', body: `Rapport ${i} voor de grote pagina.` });
  });
  await laptop.engine().run();
  const seqOf = new Map(laptop.sync().db.prepare('SELECT id, server_seq FROM reports').all().map((row) => { const { id, server_seq } = row as { id: string; server_seq: number }; return [id, server_seq]; }));
  expect(seqOf.size).toBe(reportCount);

  let hotJournals = 0;
  let attempts = 0;
  // How long after it starts talking to the hub the device process is killed. A machine fast enough
  // to finish the whole sync inside this window gets a new empty device and a shorter window, so
  // the kills keep landing inside the sync however fast or loaded the machine is.
  let killWindowMs = 520;
  fresh.store.lock();
  while (hotJournals < 3 && attempts < 40) {
    attempts += 1;
    const run = await runDeviceProcess({ dataDir: fresh.dataDir, hubUrl: central.url, pullLimit, killAfterMs: 20 + random.int(killWindowMs - 20) });
    if (run.outcome === 'done') {
      killWindowMs = Math.max(40, Math.floor(killWindowMs * 0.75));
      fresh = await signedInDevice(central, demoNurse);
      devices.push(fresh);
      fresh.store.lock();
      continue;
    }
    expect(run.outcome, run.output).toBe('killed');
    if (existsSync(path.join(fresh.dataDir, `${databaseFileName}-journal`))) hotJournals += 1;
    await fresh.restart();
    const db = fresh.sync().db;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    // Exactly the rows of the committed pages: every report at or below the cursor, none above it.
    const cursorSeq = fresh.sync().values.getJson<{ seq: number }>(syncValueKeys.cursor)?.seq ?? 0;
    const here = new Set(db.prepare('SELECT id FROM reports').pluck().all() as string[]);
    const expected = [...seqOf].filter(([, seq]) => seq <= cursorSeq).map(([id]) => id);
    expect(here.size).toBe(expected.length);
    for (const id of expected) expect(here.has(id)).toBe(true);
    fresh.store.lock();
  }
  expect(hotJournals, `kills inside a page's transaction in ${attempts} attempts`).toBeGreaterThan(0);

  const last = await runDeviceProcess({ dataDir: fresh.dataDir, hubUrl: central.url, pullLimit });
  expect(last.outcome, last.output).toBe('done');
  await fresh.restart();
  expect(fresh.sync().db.prepare('SELECT count(*) FROM reports').pluck().get()).toBe(reportCount);
  expect(fresh.sync().db.pragma('journal_mode', { simple: true })).toBe('wal');
}, 600_000);
