import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { loadSodium } from '../../electron/crypto/sodium.js';
import { openDatabase, type SqliteDatabase } from '../../electron/store/database.js';
import { withDeferredSearchIndexing } from '../../electron/store/deferred-search-index.js';
import { Directory } from '../../electron/store/directory.js';
import { applyMigrations, loadMigrations } from '../../electron/store/migrate.js';
import { createStoreServices } from '../../electron/store/services.js';
import { prng } from './dataset.js';
import { insertReportSql, reportRows, seed } from './index.js';

/**
 * Where a batch's cipher work goes (issue 4): seeds the bench's dataset into an encrypted and a
 * plain file, applies 10k reports in one transaction as a sync pull does, and reports per file the
 * WAL frames the commit wrote (per b-tree: table, index, FTS structure), the CPU time of the
 * transaction and, separately, of the checkpoint that copies those frames into the database.
 * Automatic checkpoints are off only here, so the two costs can be told apart; nothing is skipped.
 * Run: npx tsx bench/store/dirty-pages.ts (BENCH_STORE_CLIENTS / BENCH_STORE_REPORTS as the bench).
 */
const clientCount = Number(process.env.BENCH_STORE_CLIENTS ?? 10_000);
const rounds = Number(process.env.BENCH_DIRTY_ROUNDS ?? 3);
/** BENCH_DIRTY_CHECKPOINT=end: one checkpoint after all rounds (a pull of several pages), not one per batch. */
const checkpointAtEnd = process.env.BENCH_DIRTY_CHECKPOINT === 'end';
/** BENCH_DIRTY_JOURNAL=delete: the batch with a rollback journal instead of the WAL (switch included in the CPU time). */
const rollbackJournal = process.env.BENCH_DIRTY_JOURNAL === 'delete';
const pageSize = process.env.BENCH_STORE_PAGE_SIZE ? Number(process.env.BENCH_STORE_PAGE_SIZE) : 4096;

const sodium = await loadSodium();
const root = mkdtempSync(path.join(tmpdir(), 'thuisdossier-dirty-'));
try {
  const variants = [true, false].map((encrypted) => prepare(path.join(root, encrypted ? 'enc' : 'plain'), encrypted));
  const random = prng(99);
  for (let round = 0; round < rounds; round++) {
    const rows = reportRows(random, clientCount, 10_000);
    for (const v of variants) {
      const { db, seeded, file } = v;
      const insert = db.prepare(insertReportSql);
      const now = new Date().toISOString();
      const owner = pageOwners(db);
      const framesBefore = walFrames(`${file}-wal`).length;
      db.pragma('wal_autocheckpoint = 0');
      const c0 = process.cpuUsage();
      if (rollbackJournal) db.pragma('journal_mode = DELETE');
      withDeferredSearchIndexing(db, () => {
        for (const [, client, occurred, category, body] of rows) insert.run(uuidv7(), seeded.organisationId, now, now, seeded.clientIds[client]!, occurred, seeded.userId, category, body);
      });
      if (rollbackJournal) db.pragma('journal_mode = WAL');
      const txCpu = cpuMs(c0);
      const frames = walFrames(`${file}-wal`).slice(framesBefore);
      const after = pageOwners(db);
      const perTree = new Map<string, number>();
      for (const pgno of new Set(frames)) {
        const name = after.get(pgno) ?? owner.get(pgno) ?? '(free/overflow)';
        perTree.set(name, (perTree.get(name) ?? 0) + 1);
      }
      let ckptCpu = NaN;
      if (!checkpointAtEnd || round === rounds - 1) {
        const c1 = process.cpuUsage();
        db.pragma('wal_checkpoint(TRUNCATE)');
        ckptCpu = cpuMs(c1);
      }
      db.pragma('wal_autocheckpoint = 1000');
      const top = [...perTree.entries()].sort((a, b) => b[1] - a[1]).map(([n, c]) => `${n} ${c}`).join(', ');
      console.log(`${v.encrypted ? 'enc  ' : 'plain'} round ${round}: transaction CPU ${txCpu.toFixed(0)} ms, checkpoint CPU ${Number.isNaN(ckptCpu) ? '(later)' : ckptCpu.toFixed(0)} ms; WAL frames ${frames.length}, distinct pages ${new Set(frames).size}: ${top}`);
    }
  }
  for (const v of variants) v.db.close();
} finally {
  rmSync(root, { recursive: true, force: true });
}

function prepare(dir: string, encrypted: boolean) {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'bench.db');
  const key = encrypted ? sodium.randombytes_buf(32) : null;
  const db = openDatabase(file, { key, pageSize });
  applyMigrations(db, loadMigrations());
  const directory = new Directory(createStoreServices(db, { sodium, documentsDir: path.join(dir, 'documents'), databaseKey: key ?? new Uint8Array(32) }));
  const organisationId = uuidv7();
  directory.upsertOrganisation({ id: organisationId, name: 'Benchmark Zorg' });
  const userId = directory.upsertUser(organisationId, { email: 'nurse@bench.nl', displayName: 'Nurse', role: 'practitioner' }).id;
  db.pragma('wal_autocheckpoint = 0');
  const c0 = process.cpuUsage();
  const seeded = seed(db, organisationId, userId);
  const loadCpu = cpuMs(c0);
  const frames = walFrames(`${file}-wal`);
  const c1 = process.cpuUsage();
  db.pragma('wal_checkpoint(TRUNCATE)');
  const ckptCpu = cpuMs(c1);
  db.pragma('wal_autocheckpoint = 1000');
  console.log(`${encrypted ? 'enc  ' : 'plain'} seeded (checkpoint apart): ${Math.round(seeded.reportsPerSecond)} reports/s, load CPU ${loadCpu.toFixed(0)} ms (clients too), checkpoint CPU ${ckptCpu.toFixed(0)} ms; ${db.pragma('page_count', { simple: true })} pages, WAL frames ${frames.length}, distinct ${new Set(frames).size}`);
  return { db, seeded, file, encrypted };
}

/** Page number → the b-tree (table or index) it belongs to. */
function pageOwners(db: SqliteDatabase): Map<number, string> {
  const rows = db.prepare('SELECT name, pageno FROM dbstat').all() as Array<{ name: string; pageno: number }>;
  return new Map(rows.map((r) => [r.pageno, r.name]));
}

/** Page numbers of the frames in a WAL file (frame headers are not encrypted). */
function walFrames(file: string): number[] {
  if (!existsSync(file)) return [];
  const wal = readFileSync(file);
  const pages: number[] = [];
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) pages.push(wal.readUInt32BE(at));
  return pages;
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}
