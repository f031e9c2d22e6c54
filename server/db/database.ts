import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { assertNoUnknownMigrations } from './migrationGuard.js';
import * as schema from './schema/index.js';

/** Both drivers give the same drizzle pg-core API; the service only ever sees this type. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction has the query API of Db; services take either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Queryable = Db | Tx;

export interface Database {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  /** Where it lives, for the start-up message (never includes a password). */
  readonly description: string;
  close(): Promise<void>;
}

export type DatabaseLocation =
  | { kind: 'pglite'; dataDir?: string } // no dataDir: in memory (tests)
  | { kind: 'postgres'; url: string; poolSize?: number };

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** Serialises migrations of several instances starting at once against one PostgreSQL. */
const MIGRATION_LOCK_KEY = 0x7d_0551_e1;

/** Opens the database and brings its schema up to date with the committed migrations. */
export async function openDatabase(location: DatabaseLocation): Promise<Database> {
  if (location.kind === 'pglite') {
    if (location.dataDir) mkdirSync(location.dataDir, { recursive: true, mode: 0o700 });
    const client = location.dataDir ? await PGlite.create(location.dataDir) : await PGlite.create();
    const db = drizzlePglite({ client, schema });
    await migratePglite(db, { migrationsFolder });
    await assertNoUnknownMigrations(db as unknown as Db, migrationsFolder);
    return {
      db: db as unknown as Db,
      kind: 'pglite',
      description: location.dataDir ? `PGlite in ${location.dataDir}` : 'PGlite in memory',
      close: () => client.close(),
    };
  }

  await migratePostgres(location.url);
  const pool = new pg.Pool({ connectionString: location.url, max: location.poolSize ?? 10 });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const db = drizzlePg({ client: pool, schema });
  return {
    db: db as unknown as Db,
    kind: 'postgres',
    description: `PostgreSQL at ${redactUrl(location.url)}`,
    close: () => pool.end(),
  };
}

async function migratePostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const db = drizzlePg({ client });
    await migratePg(db, { migrationsFolder });
    await assertNoUnknownMigrations(db as unknown as Db, migrationsFolder);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
