import type { SqliteDatabase } from './database.js';

/** The FTS insert triggers from migration 0001; per-row indexing is ~20k rows/s, a rebuild ~250k. */
const searchInsertTriggers = ['reports_fts_after_insert', 'clients_fts_after_insert'];

/**
 * Runs a large load (the initial sync, a restore) in one transaction with the full-text insert
 * triggers suspended, then rebuilds both search indexes once. The trigger SQL is read back from
 * the schema and restored in the same transaction, so a failure leaves the schema as it was.
 * Only for inserts: updates and deletes inside `load` still go through their triggers.
 */
export function loadInBulk<T>(db: SqliteDatabase, load: () => T): T {
  // A load writes far more pages than the everyday cache holds (sized at open from the then
  // small file); every page pushed out mid-transaction is encrypted to the WAL and decrypted again
  // when touched. A larger cache for the length of the load only, released afterwards.
  const everydayCache = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = ${-1024 * bulkLoadCacheMiB}`);
  try {
    return withWalSetAside(db, () => loadInOneTransaction(db, load));
  } finally {
    db.pragma(`cache_size = ${everydayCache}`);
  }
}

/**
 * Runs `work` (a large write transaction, outside any transaction) with the rollback journal in
 * place of the WAL when that is possible (see setWalAside), and WAL again afterwards. Also for a
 * large sync pull page (electron/sync/apply-pull.ts), where the WAL cost more than half the
 * page's CPU time.
 */
export function withWalSetAside<T>(db: SqliteDatabase, work: () => T): T {
  const walSetAside = setWalAside(db);
  try {
    return work();
  } finally {
    if (walSetAside) db.pragma('journal_mode = WAL');
  }
}

/**
 * Why: in WAL mode every page of the load is encrypted into the WAL, and the checkpoint then
 * decrypts it and encrypts it again into the database (SQLite3MultipleCiphers encrypts per file).
 * Measured on 500k reports (bench/store/dirty-pages.ts): ~100k pages, checkpoint CPU 3.0 s
 * encrypted against 0.66 s plain, more than half of what encryption added to the whole load.
 * With a rollback journal the new pages go straight into the database, encrypted once, and the
 * journal holds only the few pages that existed before. Just as durable (synchronous=FULL fsyncs
 * journal and database; a crash mid-load rolls back), so only the journal's form changes.
 * The journal's old pages are encrypted like the file's (wal-set-aside.test.ts); a kill
 * mid-transaction is rolled back at the next unlock (wal-set-aside.kill.test.ts).
 * Switching needs no open transaction and no other connection; when that is not so, the load
 * runs in WAL as before. Returns whether WAL was set aside (to be restored after the load).
 */
function setWalAside(db: SqliteDatabase): boolean {
  if (db.inTransaction || db.pragma('journal_mode', { simple: true }) !== 'wal') return false;
  try {
    return db.pragma('journal_mode = DELETE', { simple: true }) === 'delete';
  } catch {
    return false; // another connection holds the WAL open: load in WAL mode
  }
}

/** Cache for a bulk load: enough for the b-tree interiors and the hot leaves of 500k reports. */
const bulkLoadCacheMiB = 128;

function loadInOneTransaction<T>(db: SqliteDatabase, load: () => T): T {
  return db
    .transaction(() => {
      const saved = db
        .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (${searchInsertTriggers.map(() => '?').join(', ')})`)
        .all(...searchInsertTriggers) as Array<{ name: string; sql: string }>;
      for (const trigger of saved) db.exec(`DROP TRIGGER \`${trigger.name}\``);
      const result = load();
      for (const trigger of saved) db.exec(trigger.sql);
      db.exec("INSERT INTO reports_fts(reports_fts) VALUES ('rebuild')");
      db.exec("INSERT INTO clients_fts(clients_fts) VALUES ('rebuild')");
      return result;
    })
    .immediate();
}
