import { prepareCached, type SqliteDatabase } from './database.js';

/** How many local changes wait in the outbox to be uploaded (the header's "not yet sent" number). */
export function pendingChangeCount(db: SqliteDatabase): number {
  return prepareCached(db, 'SELECT count(*) FROM outbox').pluck().get() as number;
}
