import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { v7 as uuidv7 } from 'uuid';
import { isValidBsn } from '../../shared/domain/bsn.js';
import { KeyVault } from '../../electron/crypto/key-vault.js';
import { productionKdfParams } from '../../electron/crypto/kdf-params.js';
import { loadSodium, type Sodium } from '../../electron/crypto/sodium.js';
import { openDatabase, type SqliteDatabase } from '../../electron/store/database.js';
import { loadInBulk, withWalSetAside } from '../../electron/store/bulk-load.js';
import { withDeferredSearchIndexing } from '../../electron/store/deferred-search-index.js';
import { Directory } from '../../electron/store/directory.js';

import { applyMigrations, loadMigrations } from '../../electron/store/migrate.js';
import { createStoreServices } from '../../electron/store/services.js';
import { DossierSession } from '../../electron/store/session.js';
import type { BenchFigure } from '../types.js';
import { bsnFor, categories, cities, firstNames, infixes, lastNames, pick, prng, reportBody, reportQueries } from './dataset.js';

/**
 * Store benchmark (issue 4): the same store code over an encrypted (chacha20) and a plain SQLite
 * file, seeded with 10,000 clients and 500,000 reports. Measures open+unlock, client search, FTS
 * report search, opening a dossier's report list and inserting a report — each through the store
 * API, so access-log writes and rights checks are included, as in the app.
 * BENCH_STORE_CLIENTS / BENCH_STORE_REPORTS shrink the dataset for a quick run.
 */
const clientCount = Number(process.env.BENCH_STORE_CLIENTS ?? 10_000);
const reportCount = Number(process.env.BENCH_STORE_REPORTS ?? 500_000);
const samples = Number(process.env.BENCH_STORE_SAMPLES ?? 300);
/** The store's page cache; by default the app's own choice (half the file, 32–256 MiB). */
const cacheMiB = process.env.BENCH_STORE_CACHE_MIB ? Number(process.env.BENCH_STORE_CACHE_MIB) : undefined;
const pageSize = process.env.BENCH_STORE_PAGE_SIZE ? Number(process.env.BENCH_STORE_PAGE_SIZE) : undefined;

interface Variant {
  encrypted: boolean;
  seeded: ReturnType<typeof seed>;
  /** Closes (if open) and opens again, cold; returns [open ms, unlock+open ms, open CPU ms]. */
  reopen(): Promise<[number, number, number]>;
  session(): DossierSession;
  db(): SqliteDatabase;
  close(): void;
}

type Operation = 'clientSearch' | 'reportSearch' | 'clientReportSearch' | 'dossierOpen' | 'insertReport';

export default async function storeBench(): Promise<BenchFigure[]> {
  const sodium = await loadSodium();
  const root = mkdtempSync(path.join(tmpdir(), 'thuisdossier-bench-'));
  try {
    console.log(`  seeding ${clientCount.toLocaleString('nl-NL')} clients and ${reportCount.toLocaleString('nl-NL')} reports, twice …`);
    const plain = await prepareVariant(sodium, path.join(root, 'plain'), false);
    const encrypted = await prepareVariant(sodium, path.join(root, 'encrypted'), true);
    const variants = [['encrypted', encrypted], ['plain', plain]] as const;
    const opens = { encrypted: [] as number[], plain: [] as number[], unlock: [] as number[] };
    const openCpu = { encrypted: [] as number[], plain: [] as number[] };
    // 15 rounds, not 9: on a busy machine a third of the opens are preempted for 5-20 ms, and the
    // median of 9 moved from run to run.
    for (let round = 0; round < 15; round++) {
      for (const [name, variant] of variants) {
        const [openMs, unlockMs, cpuMs] = await variant.reopen();
        opens[name].push(openMs);
        openCpu[name].push(cpuMs);
        if (name === 'encrypted') opens.unlock.push(unlockMs);
      }
    }
    // Batch inserts as a sync pull page applies them (apply-pull.ts): one transaction, the search
    // index brought up to date once at its end, before the commit; from 500 rows on with the WAL
    // set aside (withWalSetAside), and for comparison in WAL (checkpoint included), as smaller
    // pages and every other write go. Four rounds, the two journals taking turns to go first (the first batch after an
    // open reads the index from disk, the next ones find it in the page cache).
    const batchRates = { encrypted: [] as number[], plain: [] as number[] };
    const batchCpu = { encrypted: [] as number[], plain: [] as number[] };
    const walBatchCpu = { encrypted: [] as number[], plain: [] as number[] };
    const batchRandom = prng(99);
    for (let round = 0; round < 4; round++) {
      const journals = round % 2 === 0 ? (['rollback', 'wal'] as const) : (['wal', 'rollback'] as const);
      for (const journal of journals) {
        const rows = reportRows(batchRandom, clientCount, batchSize);
        for (const [name, variant] of variants) {
          const cpu0 = process.cpuUsage();
          const rate = insertBatch(variant.db(), variant.seeded, rows, journal);
          if (journal === 'rollback') {
            batchCpu[name].push(cpuMs(cpu0));
            batchRates[name].push(rate);
          } else walBatchCpu[name].push(cpuMs(cpu0));
        }
      }
    }
    // Same operations, same arguments, alternating between the two files: drift in disk and CPU
    // (fsync times vary a lot) hits both sides equally.
    const times = { encrypted: emptyTimes(), plain: emptyTimes() };
    // CPU time of the same calls, printed beside the wall-clock medians: on a shared machine a call
    // preempted for 10 ms says nothing about encryption, and CPU time keeps the comparison readable.
    const cpuTimes = { encrypted: emptyTimes(), plain: emptyTimes() };
    const operations = Object.keys(times.plain) as Operation[];
    for (const [index, operation] of operations.entries()) {
      // Its own seed per operation: no operation reads the dossiers the previous one just cached.
      const random = prng(42 + index);
      for (let i = 0; i < samples + 20; i++) {
        const args = argumentsFor(operation, random, plain.seeded);
        for (const [name, variant] of variants) {
          const cpu0 = process.cpuUsage();
          const t0 = performance.now();
          run(variant, operation, args);
          if (i < 20) continue; // the first 20 warm the caches
          times[name][operation].push(performance.now() - t0);
          cpuTimes[name][operation].push(cpuMs(cpu0));
        }
      }
    }
    encrypted.close();
    plain.close();
    const ratio = (op: Operation) => median(times.encrypted[op]) / median(times.plain[op]);
    const label = `${clientCount / 1000}k clients, ${reportCount / 1000}k reports`;
    const figures: BenchFigure[] = [
      { name: `store: unlock (Argon2id 3×128 MiB + open), ${label}`, value: median(opens.unlock), unit: 'ms', target: 1000, targetKind: 'max' },
      { name: 'store: open (encrypted, after unlock; checks migrations)', value: median(opens.encrypted), unit: 'ms', target: 50, targetKind: 'max' },
      { name: `store: open ratio encrypted/plain (median; plain ${median(opens.plain).toFixed(1)} ms; CPU ${median(openCpu.encrypted).toFixed(2)} vs ${median(openCpu.plain).toFixed(2)} ms)`, value: median(opens.encrypted) / median(opens.plain), unit: '×', target: 1.25, targetKind: 'max' },
      { name: `store: batch insert ${batchSize / 1000}k reports, one transaction (encrypted)`, value: median(batchRates.encrypted), unit: 'rows/s', target: 10_000, targetKind: 'min' },
      { name: `store: batch insert ratio plain/encrypted (rows/s, median of 4; CPU ${median(batchCpu.encrypted).toFixed(0)} vs ${median(batchCpu.plain).toFixed(0)} ms; in WAL CPU ${median(walBatchCpu.encrypted).toFixed(0)} vs ${median(walBatchCpu.plain).toFixed(0)} ms)`, value: median(batchRates.plain) / median(batchRates.encrypted), unit: '×', target: 1.25, targetKind: 'max' },
      // One run each (the seeding itself), so more exposed to machine noise than the rest.
      { name: 'store: initial load (bulk insert + one FTS rebuild, encrypted)', value: encrypted.seeded.reportsPerSecond, unit: 'rows/s', target: 40_000, targetKind: 'min' },
      { name: `store: initial load ratio plain/encrypted (rows/s, single run; CPU ${(encrypted.seeded.loadCpuMs / 1000).toFixed(1)} vs ${(plain.seeded.loadCpuMs / 1000).toFixed(1)} s)`, value: plain.seeded.reportsPerSecond / encrypted.seeded.reportsPerSecond, unit: '×', target: 1.25, targetKind: 'max' },
    ];
    const labels: Record<Operation, string> = {
      clientSearch: 'client search (name/BSN/postcode/dossier number)',
      reportSearch: 'FTS report search, whole organisation',
      clientReportSearch: 'FTS report search within a dossier',
      dossierOpen: 'open dossier (50 newest reports)',
      insertReport: 'insert report (fsync per commit)',
    };
    for (const operation of operations) {
      figures.push({ name: `store: ${labels[operation]} p95 (encrypted)`, value: p95(times.encrypted[operation]), unit: 'ms', target: 30, targetKind: 'max' });
      const cpu = `CPU ${median(cpuTimes.encrypted[operation]).toFixed(2)} vs ${median(cpuTimes.plain[operation]).toFixed(2)} ms`;
      const medians = `median ${median(times.encrypted[operation]).toFixed(2)} vs ${median(times.plain[operation]).toFixed(2)} ms; ${cpu}`;
      figures.push({ name: `store: ${labels[operation]} ratio encrypted/plain (${medians})`, value: ratio(operation), unit: '×', target: 1.25, targetKind: 'max' });
    }
    return figures;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function emptyTimes(): Record<Operation, number[]> {
  return { clientSearch: [], reportSearch: [], clientReportSearch: [], dossierOpen: [], insertReport: [] };
}

type Args = { index: number; text: string; category: (typeof categories)[number] };

function argumentsFor(operation: Operation, random: () => number, seeded: ReturnType<typeof seed>): Args {
  const index = Math.floor(random() * clientCount);
  const category = pick(random, categories);
  if (operation === 'clientSearch') {
    const kind = Math.floor(random() * 4);
    const text =
      kind === 0 ? pick(random, lastNames).split(' ').at(-1)!.slice(0, 3 + Math.floor(random() * 3))
      : kind === 1 ? bsnFor(index)
      : kind === 2 ? seeded.postcodes[index]!.slice(0, 4 + Math.floor(random() * 3))
      : seeded.dossierNumbers[index]!;
    return { index, text, category };
  }
  if (operation === 'insertReport') return { index, text: reportBody(random), category };
  return { index, text: pick(random, reportQueries), category };
}

function run(variant: Variant, operation: Operation, args: Args): void {
  const { seeded } = variant;
  const session = variant.session();
  const clientId = seeded.clientIds[args.index]!;
  switch (operation) {
    case 'clientSearch': session.search.clients(args.text, { limit: 50 }); break;
    case 'reportSearch': session.search.reports(args.text, { limit: 50 }); break;
    case 'clientReportSearch': session.search.reports(args.text, { clientId, limit: 50 }); break;
    case 'dossierOpen': session.reports.listForClient(clientId, { limit: 50 }); break;
    case 'insertReport': session.reports.create({ clientId, occurredAt: new Date().toISOString(), category: args.category, body: args.text }); break;
  }
}

async function prepareVariant(sodium: Sodium, dir: string, encrypted: boolean): Promise<Variant> {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'bench.db');
  const vault = new KeyVault(sodium, path.join(dir, 'bench.key'), productionKdfParams);
  const password = 'benchmark wachtwoord';
  // The plain variant gets a key file too: it unwraps before every open as the encrypted one does (see reopen).
  const created = vault.create(password);
  const key = encrypted ? created : null;

  const db = openDatabase(file, { key, cacheMiB, pageSize });
  applyMigrations(db, loadMigrations());
  const documentsDir = path.join(dir, 'documents');
  const directory = new Directory(createStoreServices(db, { sodium, documentsDir, databaseKey: key ?? new Uint8Array(32) }));
  const organisationId = uuidv7();
  directory.upsertOrganisation({ id: organisationId, name: 'Benchmark Zorg' });
  const userId = directory.upsertUser(organisationId, { email: 'nurse@bench.nl', displayName: 'Nurse', role: 'practitioner' }).id;
  const seeded = seed(db, organisationId, userId);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();

  const migrations = loadMigrations();
  let current: { db: SqliteDatabase; session: DossierSession } | null = null;
  const reopen = async (): Promise<[number, number, number]> => {
    current?.db.close();
    current = null;
    const t0 = performance.now();
    // Both variants run the Argon2id unwrap before opening, as the app does, and the plain one drops the key.
    const derived = vault.unwrap(password);
    const unwrapped = encrypted ? derived : null;
    const unwrapMs = performance.now() - t0;
    // The unwrap's worker thread ends after it answered: freeing its 128 MiB of WebAssembly memory
    // costs ~9 ms of CPU in this process (process.cpuUsage counts every thread) and landed on a
    // random half of the opens, of either file (medians 7.9 vs 1.1 ms in one run). Measured after
    // it, the open is the open; the unlock figure adds the two parts.
    await new Promise((resolve) => setTimeout(resolve, 25));
    const t1 = performance.now();
    const cpu0 = process.cpuUsage();
    const opened = openDatabase(file, { key: unwrapped, cacheMiB });
    applyMigrations(opened, migrations);
    opened.prepare('SELECT count(*) FROM users').get();
    const t2 = performance.now();
    const openCpuMs = cpuMs(cpu0);
    // BENCH_STORE_SYNC=normal: leave out the per-commit fsync, to see the CPU cost on its own.
    if (process.env.BENCH_STORE_SYNC === 'normal') opened.pragma('synchronous = NORMAL');
    const services = createStoreServices(opened, { sodium, documentsDir, databaseKey: unwrapped ?? new Uint8Array(32) });
    current = { db: opened, session: new DossierSession(services, userId, null) };
    return [t2 - t1, unwrapMs + (t2 - t1), openCpuMs];
  };
  const need = () => {
    if (!current) throw new Error('bench/store: open the file first (reopen)');
    return current;
  };
  return { encrypted, seeded, reopen, session: () => need().session, db: () => need().db, close: () => current?.db.close() };
}

const batchSize = 10_000;

/** Report rows with the client as an index, so both files get the same rows for their own client ids. */
export function reportRows(random: () => number, clients: number, count: number) {
  const base = Date.parse('2025-01-01T00:00:00Z');
  return Array.from({ length: count }, (_, i) => [uuidv7(), Math.floor(random() * clients), new Date(base + i * 60_000).toISOString(), pick(random, categories), reportBody(random)] as const);
}

export const insertReportSql = `INSERT INTO reports (id, organisation_id, field_clocks, created_at, updated_at, client_id, kind, occurred_at, author_id, category, body, visibility)
  VALUES (?, ?, '{}', ?, ?, ?, 'rapportage', ?, ?, ?, ?, 'dossier')`;

/**
 * Rows/s for one transaction of inserts, indexed for search before it commits (how a sync pull
 * applies a page), with a rollback journal (withWalSetAside, as apply-pull.ts for 500 rows or more) or in WAL.
 */
function insertBatch(db: SqliteDatabase, seeded: { organisationId: string; userId: string; clientIds: string[] }, rows: ReturnType<typeof reportRows>, journal: 'rollback' | 'wal'): number {
  const { organisationId, userId, clientIds } = seeded;
  const insert = db.prepare(insertReportSql);
  const now = new Date().toISOString();
  const start = performance.now();
  const batch = () =>
    withDeferredSearchIndexing(db, () => {
      for (const [, client, occurred, category, body] of rows) insert.run(uuidv7(), organisationId, now, now, clientIds[client]!, occurred, userId, category, body);
    });
  if (journal === 'rollback') withWalSetAside(db, batch);
  else {
    batch();
    db.pragma('wal_checkpoint(PASSIVE)'); // what the commit left for the checkpoint belongs to the batch
  }
  return rows.length / ((performance.now() - start) / 1000);
}

/** Bulk load as an initial sync would: big transactions, no outbox (the rows come from the server). */
export function seed(db: SqliteDatabase, organisationId: string, userId: string) {
  const random = prng(7);
  const now = '2024-01-01T00:00:00.000Z';
  const clock = '{}';
  const insertClient = db.prepare(
    `INSERT INTO clients (id, organisation_id, field_clocks, created_at, updated_at, dossier_number, first_name, infix, last_name, birth_date, bsn, street, house_number, postcode, city, status)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'in_zorg')`,
  );
  const insertAccess = db.prepare(
    `INSERT INTO dossier_access (id, organisation_id, field_clocks, created_at, updated_at, client_id, user_id, can_read, can_edit, can_sign_off) VALUES (?, ?, ?, ?, ?, ?, ?, 1, 1, 1)`,
  );
  const insertReport = db.prepare(insertReportSql);
  const clientIds: string[] = [];
  const postcodes: string[] = [];
  const dossierNumbers: string[] = [];
  db.transaction(() => {
    for (let i = 0; i < clientCount; i++) {
      const id = uuidv7();
      const bsn = bsnFor(i);
      if (!isValidBsn(bsn)) throw new Error(`bad BSN ${bsn}`);
      const postcode = `${3400 + Math.floor(random() * 600)} ${String.fromCharCode(65 + Math.floor(random() * 18))}${String.fromCharCode(66 + Math.floor(random() * 18))}`;
      const dossierNumber = `BNCH-${String(i + 1).padStart(5, '0')}`;
      insertClient.run(id, organisationId, clock, now, now, dossierNumber, pick(random, firstNames), pick(random, infixes), pick(random, lastNames), '1940-01-01', bsn, 'Dorpsstraat', String(1 + (i % 200)), postcode, pick(random, cities));
      insertAccess.run(uuidv7(), organisationId, clock, now, now, id, userId);
      clientIds.push(id);
      postcodes.push(postcode);
      dossierNumbers.push(dossierNumber);
    }
  }).immediate();
  // Generate first, so the figure is the store's speed, not the text generator's.
  const rows = reportRows(random, clientCount, reportCount);
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  // As the initial sync loads: one transaction, full-text indexes rebuilt once at the end.
  loadInBulk(db, () => {
    for (const [id, client, occurred, category, body] of rows) insertReport.run(id, organisationId, now, now, clientIds[client]!, occurred, userId, category, body);
  });
  const seconds = (performance.now() - start) / 1000;
  return { organisationId, userId, clientIds, postcodes, dossierNumbers, reportsPerSecond: reportCount / seconds, loadCpuMs: cpuMs(cpu0) };
}

/** CPU time of this process since `since`, in ms. */
function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
}
