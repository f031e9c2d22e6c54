import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SqliteDatabase } from './database.js';
import { StoreError } from './store-error.js';

/** One migration file from drizzle-kit's journal: its order, name and SQL. */
export interface Migration {
  idx: number;
  tag: string;
  sql: string;
  hash: string;
}

export const defaultMigrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Reads the migrations listed in drizzle-kit's meta/_journal.json, in order. */
export function loadMigrations(dir = defaultMigrationsDir): Migration[] {
  const journal = JSON.parse(readFileSync(path.join(dir, 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ idx: number; tag: string }> };
  return journal.entries
    .slice()
    .sort((a, b) => a.idx - b.idx)
    .map((entry) => {
      const sql = readFileSync(path.join(dir, `${entry.tag}.sql`), 'utf8');
      return { idx: entry.idx, tag: entry.tag, sql, hash: createHash('sha256').update(sql).digest('hex') };
    });
}

const ledgerDdl = `CREATE TABLE IF NOT EXISTS schema_migrations (
  idx INTEGER PRIMARY KEY, tag TEXT NOT NULL, hash TEXT NOT NULL, applied_at TEXT NOT NULL)`;

/**
 * Brings the database to the app's schema in one transaction, or leaves it untouched.
 * Refuses a database that knows migrations this app does not (made by a newer app version), and
 * one whose applied migrations differ from this app's files (a changed migration is a bug).
 */
export function applyMigrations(db: SqliteDatabase, migrations: Migration[], options: { upTo?: number } = {}): { applied: string[] } {
  db.exec(ledgerDdl);
  const done = db.prepare('SELECT idx, tag, hash FROM schema_migrations ORDER BY idx').all() as Array<{ idx: number; tag: string; hash: string }>;
  for (const row of done) {
    const known = migrations.find((m) => m.idx === row.idx);
    if (!known) {
      throw new StoreError(
        'internal',
        `Deze database is gemaakt door een nieuwere versie van Thuisdossier (migratie ${row.tag}). Werk de app bij; de gegevens blijven onaangeroerd.`,
      );
    }
    if (known.tag !== row.tag || known.hash !== row.hash) {
      throw new StoreError('internal', `Migratie ${row.tag} in de database verschilt van die van de app; de database wordt niet geopend.`);
    }
  }
  const limit = options.upTo ?? Number.POSITIVE_INFINITY;
  const pending = migrations.filter((m) => m.idx > (done.at(-1)?.idx ?? -1) && m.idx <= limit);
  if (pending.length === 0) return { applied: [] };

  // Table rebuilds that drizzle-kit generates need foreign keys off; the pragma is a no-op inside a
  // transaction, so switch it around the transaction and check the keys before committing.
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      const record = db.prepare('INSERT INTO schema_migrations (idx, tag, hash, applied_at) VALUES (?, ?, ?, ?)');
      for (const migration of pending) {
        db.exec(migration.sql);
        record.run(migration.idx, migration.tag, migration.hash, new Date().toISOString());
      }
      const violations = db.pragma('foreign_key_check') as unknown[];
      if (violations.length > 0) throw new StoreError('internal', `Migratie brak ${violations.length} verwijzingen; niets is gewijzigd.`);
    }).immediate();
  } finally {
    db.pragma('foreign_keys = ON');
  }
  return { applied: pending.map((m) => m.tag) };
}
