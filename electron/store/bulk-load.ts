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
    return loadInOneTransaction(db, load);
  } finally {
    db.pragma(`cache_size = ${everydayCache}`);
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
