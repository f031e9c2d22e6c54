import { extractTablesRelationalConfig, createTableRelationsHelpers } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { BetterSQLiteSession } from 'drizzle-orm/better-sqlite3/session';
import { BaseSQLiteDatabase, SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { SqliteDatabase } from './database.js';
import * as schema from './schema.js';

export type Orm = BetterSQLite3Database<typeof schema> & { $client: SqliteDatabase };

/**
 * drizzle over our better-sqlite3-multiple-ciphers connection. This is what
 * `drizzle({ client })` from 'drizzle-orm/better-sqlite3' does, minus that module's top-level
 * `import 'better-sqlite3'`, a package we do not install: the cipher build has the same API and
 * is the only SQLite the app may load (a second, plain copy could open files unencrypted).
 */
export function createOrm(db: SqliteDatabase): Orm {
  const dialect = new SQLiteSyncDialect();
  const tables = extractTablesRelationalConfig(schema, createTableRelationsHelpers);
  const relational = { fullSchema: schema, schema: tables.tables, tableNamesMap: tables.tableNamesMap };
  const session = new BetterSQLiteSession(db as never, dialect, relational, {});
  const orm = new BaseSQLiteDatabase('sync', dialect, session as never, relational as never) as unknown as Orm;
  orm.$client = db;
  return orm;
}
