import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { v7 as uuidv7 } from 'uuid';
import { loadSodium } from '../../electron/crypto/sodium.js';
import { openDatabase } from '../../electron/store/database.js';
import { withDeferredSearchIndexing } from '../../electron/store/deferred-search-index.js';
import { withWalSetAside } from '../../electron/store/bulk-load.js';
import { Directory } from '../../electron/store/directory.js';
import { applyMigrations, loadMigrations } from '../../electron/store/migrate.js';

import { createStoreServices } from '../../electron/store/services.js';
import { prng } from './dataset.js';
import { insertReportSql, reportRows, seed } from './index.js';

/**
 * A 10k-report batch into the bench's dataset, in WAL (checkpoint included) and with a rollback
 * journal (withWalSetAside, as apply-pull.ts applies a page of 500 rows or more), encrypted and plain, on a freshly opened connection (cold
 * page cache) and then round after round on the same connection (as consecutive pull pages),
 * alternating which journal goes first. Prints CPU and wall time per batch.
 * Run: npx tsx bench/store/batch-journal.ts (BENCH_STORE_CLIENTS / BENCH_STORE_REPORTS as the bench).
 */
const clientCount = Number(process.env.BENCH_STORE_CLIENTS ?? 10_000);
const rounds = Number(process.env.BENCH_BATCH_ROUNDS ?? 4);
const sodium = await loadSodium();
const root = mkdtempSync(path.join(tmpdir(), 'thuisdossier-batch-'));
try {
  const variants = [true, false].map((encrypted) => {
    const dir = path.join(root, encrypted ? 'enc' : 'plain');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'bench.db');
    const key = encrypted ? sodium.randombytes_buf(32) : null;
    let db = openDatabase(file, { key });
    applyMigrations(db, loadMigrations());
    const directory = new Directory(createStoreServices(db, { sodium, documentsDir: path.join(dir, 'documents'), databaseKey: key ?? new Uint8Array(32) }));
    const organisationId = uuidv7();
    directory.upsertOrganisation({ id: organisationId, name: 'Benchmark Zorg' });
    const userId = directory.upsertUser(organisationId, { email: 'nurse@bench.nl', displayName: 'Nurse', role: 'practitioner' }).id;
    const seeded = seed(db, organisationId, userId);
    db.close();
    db = openDatabase(file, { key }); // cold cache, as after an unlock
    return { name: encrypted ? 'enc  ' : 'plain', db, seeded };
  });
  const random = prng(99);
  for (let round = 0; round < rounds; round++) {
    const modes = round % 2 === 0 ? (['rollback', 'wal'] as const) : (['wal', 'rollback'] as const);
    for (const mode of modes) {
      const rows = reportRows(random, clientCount, 10_000);
      for (const { name, db, seeded } of variants) {
        const insert = db.prepare(insertReportSql);
        const now = new Date().toISOString();
        const batch = () =>
          withDeferredSearchIndexing(db, () => {
            for (const [, client, occurred, category, body] of rows) insert.run(uuidv7(), seeded.organisationId, now, now, seeded.clientIds[client]!, occurred, seeded.userId, category, body);
          });
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        if (mode === 'rollback') withWalSetAside(db, batch);
        else {
          batch();
          db.pragma('wal_checkpoint(PASSIVE)');
        }
        const wall = performance.now() - t0;
        const used = process.cpuUsage(c0);
        console.log(`round ${round} ${mode.padEnd(8)} ${name}: CPU ${((used.user + used.system) / 1000).toFixed(0)} ms (system ${(used.system / 1000).toFixed(0)}), wall ${wall.toFixed(0)} ms`);
      }
    }
  }
  for (const v of variants) v.db.close();
} finally {
  rmSync(root, { recursive: true, force: true });
}
