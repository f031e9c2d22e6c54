import type { SqliteDatabase } from './database.js';

/**
 * Why this exists: inside a transaction, every statement that needs a statement journal (any
 * INSERT that fires a trigger does) opens a savepoint, and FTS5 writes its pending terms to disk
 * at every savepoint. So the per-row triggers of migration 0001 make one tiny index segment per
 * row, and FTS5 spends the batch merging them: 10k reports into 500k cost ~1.1 s of CPU encrypted,
 * 0.65 s plain, ~90% of it FTS (bench/store, perf). Indexing the batch's rows with ONE statement
 * at the end keeps the terms in memory and writes a few segments.
 */

/** The FTS tables kept in step by triggers (migration 0001), with their indexed columns. */
const searchTables = [
  { table: 'reports', fts: 'reports_fts', columns: ['body'] },
  { table: 'clients', fts: 'clients_fts', columns: ['first_name', 'infix', 'last_name'] },
] as const;

const ftsTriggerNames = searchTables.flatMap(({ fts }) => [`${fts}_after_insert`, `${fts}_after_update`, `${fts}_after_delete`]);

/**
 * Runs `work` inside one transaction (the caller's, as a savepoint, or its own) with the search
 * triggers suspended, and brings both FTS indexes up to date before the transaction ends, so
 * nobody ever sees an index out of step. Inserts, updates and deletes inside `work` are all
 * handled: temporary triggers note each touched row once, with its indexed text as it was before
 * `work` (only for rows that were indexed then); at the end the old text leaves the index and the
 * current text of every touched row that still exists enters it, each in one statement.
 * For sync pull pages and other batches; a single edit gains nothing (the DDL costs ~1 ms).
 */
export function withDeferredSearchIndexing<T>(db: SqliteDatabase, work: () => T): T {
  return db.transaction(() => {
    const saved = db
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (${ftsTriggerNames.map(() => '?').join(', ')})`)
      .all(...ftsTriggerNames) as Array<{ name: string; sql: string }>;
    for (const trigger of saved) db.exec(`DROP TRIGGER \`${trigger.name}\``);
    for (const spec of searchTables) db.exec(noteTouchedRowsDdl(spec));
    const result = work();
    for (const spec of searchTables) {
      const { table, fts, columns } = spec;
      const list = columns.join(', ');
      const pending = `temp.\`${fts}_pending\``;
      db.exec(
        `INSERT INTO \`${fts}\`(\`${fts}\`, rowid, ${list}) SELECT 'delete', row, ${columns.map((c) => `old_${c}`).join(', ')} FROM ${pending} WHERE was_indexed ORDER BY row;
         INSERT INTO \`${fts}\`(rowid, ${list}) SELECT t.rowid, ${columns.map((c) => `t.${c}`).join(', ')} FROM ${pending} p JOIN \`${table}\` t ON t.rowid = p.row ORDER BY p.row;
         DROP TRIGGER temp.\`${fts}_note_insert\`; DROP TRIGGER temp.\`${fts}_note_update\`; DROP TRIGGER temp.\`${fts}_note_delete\`; DROP TABLE ${pending};`,
      );
    }
    for (const trigger of saved) db.exec(trigger.sql);
    return result;
  }).immediate();
}

/**
 * A temporary table of the rows `work` touches, filled by temporary triggers. INSERT OR IGNORE
 * keeps the first note of a row: a row inserted by `work` was never indexed (was_indexed 0), and
 * an update or delete of a row that existed keeps the text the index holds for it.
 */
function noteTouchedRowsDdl({ table, fts, columns }: (typeof searchTables)[number]): string {
  const pending = `temp.\`${fts}_pending\``;
  const oldColumns = columns.map((c) => `old_${c}`).join(', ');
  const oldValues = columns.map((c) => `old.${c}`).join(', ');
  const nulls = columns.map(() => 'NULL').join(', ');
  return `CREATE TEMP TABLE \`${fts}_pending\` (row INTEGER PRIMARY KEY, was_indexed INTEGER NOT NULL, ${columns.map((c) => `old_${c}`).join(', ')});
    CREATE TEMP TRIGGER \`${fts}_note_insert\` AFTER INSERT ON main.\`${table}\` BEGIN
      INSERT OR IGNORE INTO ${pending} (row, was_indexed, ${oldColumns}) VALUES (new.rowid, 0, ${nulls});
    END;
    CREATE TEMP TRIGGER \`${fts}_note_update\` AFTER UPDATE OF ${columns.join(', ')} ON main.\`${table}\` BEGIN
      INSERT OR IGNORE INTO ${pending} (row, was_indexed, ${oldColumns}) VALUES (old.rowid, 1, ${oldValues});
    END;
    CREATE TEMP TRIGGER \`${fts}_note_delete\` AFTER DELETE ON main.\`${table}\` BEGIN
      INSERT OR IGNORE INTO ${pending} (row, was_indexed, ${oldColumns}) VALUES (old.rowid, 1, ${oldValues});
    END;`;
}
