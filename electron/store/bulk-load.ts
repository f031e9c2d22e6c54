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
