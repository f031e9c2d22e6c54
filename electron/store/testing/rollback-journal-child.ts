import { existsSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { interactiveKdfParams } from '../../crypto/kdf-params.js';
import { loadSodium } from '../../crypto/sodium.js';
import { withWalSetAside } from '../bulk-load.js';
import { databaseFileName, LocalStore } from '../local-store.js';

/**
 * Child process of outside-wal.kill.test.ts: unlocks the store in `dir` and starts a large write
 * past the WAL — `pull` as apply-pull.ts applies a large page (withWalSetAside + deferred
 * search indexing), `load` as the initial load (loadInBulk) — and kills itself with SIGKILL in the middle,
 * once the transaction has spilled new pages into the database file and its journal is on disk.
 * Argv: dir password mode organisationId userId clientId.
 */
const [dir, password, mode, organisationId, userId, clientId] = process.argv.slice(2) as [string, string, 'pull' | 'load', string, string, string];
const sodium = await loadSodium();
const store = await LocalStore.at({ dir, kdfParams: interactiveKdfParams(sodium) });
store.unlock(password);
const file = path.join(dir, databaseFileName);
const journal = `${file}-journal`;
const sizeBefore = statSync(file).size;

const batch = () => {
  const db = store.connection;
  // A tiny cache makes the transaction write changed pages into the database before its commit,
  // which is the state a crash must be able to undo.
  db.pragma('cache_size = 20');
  // Through the store API: the report, its outbox entry and its access-log line in this transaction.
  store.session(userId).reports.create({ clientId, occurredAt: '2024-04-01T08:00:00.000Z', category: 'ADL', body: 'halverwege afgebroken via de API' });
  db.prepare("UPDATE reports SET body = 'overschreven en afgebroken' WHERE body LIKE 'blijft staan%'").run();
  const insert = db.prepare(
    `INSERT INTO reports (id, organisation_id, field_clocks, created_at, updated_at, client_id, kind, occurred_at, author_id, category, body, visibility)
     VALUES (?, ?, '{}', 'x', 'x', ?, 'rapportage', '2024-01-01T00:00:00.000Z', ?, 'ADL', ?, 'dossier')`,
  );
  for (let i = 0; i < 50_000; i++) {
    insert.run(`0190b000-0000-7000-8000-${String(i).padStart(12, '0')}`, organisationId, clientId, userId, `afgebroken rapportage nummer${i} ${'tekst '.repeat(60)}`);
    if (i >= 2_000 && i % 100 === 0 && existsSync(journal) && statSync(file).size > sizeBefore) {
      // writeSync: a console.log into a pipe may still be buffered when SIGKILL ends the process.
      writeSync(1, `killing at row ${i}: journal ${statSync(journal).size} bytes, database grew ${statSync(file).size - sizeBefore} bytes, mode ${String(db.pragma('journal_mode', { simple: true }))}\n`);
      process.kill(process.pid, 'SIGKILL');
    }
  }
  writeSync(1, 'never killed\n');
};

if (mode === 'load') store.loadInBulk(batch);
else withWalSetAside(store.connection, () => store.withDeferredSearchIndexing(batch));
writeSync(1, 'committed\n');
