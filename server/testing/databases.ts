import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../db/database.js';

/**
 * The integration tests run against both backends. PGlite runs in memory; the real PostgreSQL is
 * the one CI starts (TEST_DATABASE_URL), and every test file gets a database of its own there,
 * dropped afterwards, so files never see each other's rows.
 */
export const testBackends = ['pglite', 'postgres'] as const;
export type TestBackend = (typeof testBackends)[number];

export const DEFAULT_TEST_DATABASE_URL = 'postgres://thuisdossier:thuisdossier@127.0.0.1:5432/thuisdossier_test';

export function testDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL;
}

export interface TestDatabase extends Database {
  /** For postgres: a URL of this file's own database, to start a second server instance on. */
  readonly url?: string;
  dispose(): Promise<void>;
}

export async function openTestDatabase(backend: TestBackend): Promise<TestDatabase> {
  if (backend === 'pglite') {
    const database = await openDatabase({ kind: 'pglite' });
    return { ...database, close: database.close, dispose: () => database.close() };
  }
  const adminUrl = testDatabaseUrl();
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `The PostgreSQL integration tests need a running server at ${adminUrl} (set TEST_DATABASE_URL). ` +
        `Start it as root: pg_ctlcluster 15 main start, then create the role and database as in docs/scaling.md. ` +
        `Cause: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const name = `thuisdossier_t_${randomBytes(6).toString('hex')}`;
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 5 });
  return {
    ...database,
    url: url.toString(),
    close: database.close,
    dispose: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      try {
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}
