import { existsSync, rmSync } from 'node:fs';
import type { DocumentVault } from '../documents/document-vault.js';
import type { SqliteDatabase } from './database.js';

/**
 * Removes a dossier from this device entirely (access lost, or the server says it is gone):
 * the client row and, by ON DELETE CASCADE, its reports, contacts, documents' metadata, time,
 * allocations and access rows; the FTS triggers remove it from search; pending outbox entries for
 * it go too (they can no longer be accepted). The access log keeps its lines: it is append-only.
 * Returns the ids of the document files removed.
 */
export function purgeDossier(db: SqliteDatabase, documents: DocumentVault, clientId: string): string[] {
  const documentIds = db.transaction(() => {
    const ids = db.prepare('SELECT id FROM documents WHERE client_id = ?').pluck().all(clientId) as string[];
    db.prepare('DELETE FROM drafts WHERE client_id = ?').run(clientId);
    db.prepare('DELETE FROM outbox WHERE client_id = ?').run(clientId);
    db.prepare('DELETE FROM sync_parked_rows WHERE client_id = ? OR (table_name = ? AND row_id = ?)').run(clientId, 'clients', clientId);
    db.prepare('DELETE FROM clients WHERE id = ?').run(clientId);
    return ids;
  }).immediate();
  // Files after the commit: a crash in between leaves orphans, which the next unlock removes.
  for (const id of documentIds) documents.remove(id);
  return documentIds;
}

/**
 * For destroying data (a dossier removed by law): runs `work` with freed space overwritten
 * (secure_delete), so deleted rows leave no readable bytes in free pages, even with the key.
 */
export function withSecureDelete<T>(db: SqliteDatabase, work: () => T): T {
  db.pragma('secure_delete = ON');
  try {
    return work();
  } finally {
    db.pragma('secure_delete = OFF');
  }
}

/**
 * Merges each search index into one segment. An FTS5 delete only adds a marker and keeps the old
 * tokens (a name, words of a report) in older segments until a merge: after destroying a dossier,
 * this makes them go for good. Call after the deletes reached the index (see deferred-search-index).
 */
export function mergeSearchIndexes(db: SqliteDatabase): void {
  db.exec("INSERT INTO reports_fts(reports_fts) VALUES ('optimize')");
  db.exec("INSERT INTO clients_fts(clients_fts) VALUES ('optimize')");
}

/**
 * VACUUM, then rebuild the search indexes: VACUUM may renumber the rowids the external-content
 * FTS tables refer to, so it must never run on its own.
 */
export function compactDatabase(db: SqliteDatabase): void {
  db.exec('VACUUM');
  db.transaction(() => {
    db.exec("INSERT INTO reports_fts(reports_fts) VALUES ('rebuild')");
    db.exec("INSERT INTO clients_fts(clients_fts) VALUES ('rebuild')");
  }).immediate();
}

/** Deletes every local file of the store (the agreement ended, SPEC §3). The store must be locked. */
export function wipeStoreFiles(paths: { database: string; keyFile: string; documentsDir: string }): void {
  for (const file of [paths.keyFile, paths.database, `${paths.database}-wal`, `${paths.database}-shm`]) {
    if (existsSync(file)) rmSync(file, { force: true });
  }
  rmSync(paths.documentsDir, { recursive: true, force: true });
}
