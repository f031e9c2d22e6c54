import { readFileSync } from 'node:fs';
import path from 'node:path';
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

describe('migration 0002: one lease row per device', () => {
  it('keeps each device’s newest lease when upgrading a database that has several', async () => {
    const database = await openTestDatabase('pglite');
    try {
      // Re-create the old shape: several leases for one device, then run the migration's SQL again.
      const organisationId = '0193a6f0-0000-7000-8000-0000000000c1';
      await database.db.insert(organisations).values({ id: organisationId, name: 'Oud', createdAt: new Date() });
      await database.db.execute(sql.raw(`ALTER TABLE licence_leases DROP CONSTRAINT licence_leases_organisation_id_user_id_device_id_pk`));
      await database.db.execute(sql.raw(`ALTER TABLE licence_leases ADD CONSTRAINT licence_leases_organisation_id_id_pk PRIMARY KEY (organisation_id, id)`));
      await database.db.execute(sql.raw(`CREATE INDEX licence_leases_by_device ON licence_leases (organisation_id, device_id)`));
      for (const [id, day] of [['0193a6f0-0000-7000-8000-0000000000d1', 1], ['0193a6f0-0000-7000-8000-0000000000d2', 3], ['0193a6f0-0000-7000-8000-0000000000d3', 2]] as const) {
        await database.db.execute(sql`INSERT INTO licence_leases (organisation_id, id, user_id, device_id, key_id, status, plan, seats, issued_at, valid_until)
          VALUES (${organisationId}, ${id}, ${'0193a6f0-0000-7000-8000-0000000000e1'}, ${'0193a6f0-0000-7000-8000-0000000000f1'}, 'k', 'trial', 'solo-1', 1,
                  ${new Date(Date.UTC(2026, 0, day))}, ${new Date(Date.UTC(2026, 0, day + 14))})`);
      }
      const migration = readFileSync(path.join(migrationsFolder, '0002_lease_per_device.sql'), 'utf8');
      for (const statement of migration.split('--> statement-breakpoint')) await database.db.execute(sql.raw(statement));
      const rows = await queryRows<{ id: string }>(database.db, sql`SELECT id FROM licence_leases`);
      expect(rows.map((row) => row.id)).toEqual(['0193a6f0-0000-7000-8000-0000000000d2']);
    } finally {
      await database.dispose();
    }
  });
});
