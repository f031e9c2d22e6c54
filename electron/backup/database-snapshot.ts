import { closeSync, openSync, readSync } from 'node:fs';
import type { SqliteDatabase } from '../store/database.js';

export interface SnapshotFacts {
  clients: number;
  reports: number;
  /** Documents with a row (deleted or not): their files go into the backup. */
  documentIds: string[];
}

const plainSqliteHeader = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * A consistent copy of the open database at `target` with VACUUM INTO. SQLite3MultipleCiphers
 * writes it encrypted with the same cipher and key, so it is never plaintext on disk; that is
 * checked, so a library build that changed it would fail the backup rather than leak.
 * The facts are read in the same synchronous step: the core is the only writer and runs one
 * call at a time, so nothing can change between the copy and the counts.
 */
export function snapshotDatabase(db: SqliteDatabase, target: string): SnapshotFacts {
  db.prepare('VACUUM INTO ?').run(target);
  if (startsWithPlainHeader(target)) throw new Error('De momentopname van de database is niet versleuteld; de back-up is afgebroken.');
  const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return {
    clients: count('clients'),
    reports: count('reports'),
    documentIds: db.prepare('SELECT id FROM documents ORDER BY id').pluck().all() as string[],
  };
}

function startsWithPlainHeader(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(plainSqliteHeader.length);
    const n = readSync(fd, head, 0, head.length, 0);
    return n === head.length && head.equals(plainSqliteHeader);
  } finally {
    closeSync(fd);
  }
}
