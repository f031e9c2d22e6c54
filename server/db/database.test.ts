import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestDatabase, testBackends, type TestDatabase } from '../testing/databases.js';
import { migrationsFolder } from './database.js';
import { assertNoUnknownMigrations } from './migrationGuard.js';
import { queryRows } from './raw.js';
import { organisations, users } from './schema/index.js';

describe.each(testBackends)('database on %s', (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('applies the committed migrations', async () => {
    const rows = await queryRows<{ table_name: string }>(database.db, sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`);
    const names = rows.map((row) => row.table_name);
    expect(names).toEqual(expect.arrayContaining(['organisations', 'users', 'sessions', 'devices', 'auth_throttle', 'licence_leases']));
  });

  it('keeps every tenant primary key and unique constraint on organisation_id (Citus-ready)', async () => {
    const rows = await queryRows<{ table_name: string; constraint_name: string; columns: string }>(database.db, sql`
      SELECT tc.table_name, tc.constraint_name, string_agg(kcu.column_name, ',') AS columns
      FROM information_schema.table_constraints tc
      JOIN information_schema.key_column_usage kcu
        ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
      WHERE tc.table_schema = 'public' AND tc.constraint_type IN ('PRIMARY KEY', 'UNIQUE')
      GROUP BY tc.table_name, tc.constraint_name`);
    // Global by design: organisations (distributed by its id), the reference/lookup tables, and the
    // database's own identity (sync_server, one row: a Citus reference table).
    const global = new Set(['organisations', 'sign_in_directory', 'auth_throttle', 'service_notices', 'sync_server']);
    const offenders = rows.filter((row) => !global.has(row.table_name) && !row.columns.split(',').includes('organisation_id'));
    expect(offenders).toEqual([]);
  });

  it('deletes an organisation with everything that belongs to it', async () => {
    const organisationId = '0193a6f0-0000-7000-8000-0000000000aa';
    const now = new Date();
    await database.db.insert(organisations).values({ id: organisationId, name: 'Wijkzorg Test', createdAt: now });
    await database.db.insert(users).values({
      organisationId,
      id: '0193a6f0-0000-7000-8000-0000000000ab',
      email: 'a@example.nl',
      displayName: 'A',
      role: 'owner',
      status: 'active',
      createdAt: now,
      statusChangedAt: now,
    });
    await database.db.delete(organisations).where(sql`${organisations.id} = ${organisationId}`);
    const left = await database.db.select().from(users).where(sql`${users.organisationId} = ${organisationId}`);
    expect(left).toEqual([]);
  });
});

describe('migration guard', () => {
  it('refuses a database migrated by a newer build', async () => {
    const database = await openTestDatabase('pglite');
    try {
      await database.db.execute(sql`INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('from-the-future', ${Date.now() + 365 * 24 * 3600 * 1000})`);
      await expect(assertNoUnknownMigrations(database.db, migrationsFolder)).rejects.toThrow(/Refusing to start/);
    } finally {
      await database.dispose();
    }
  });
});
