import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from './database.js';
import { queryRows } from './raw.js';

/**
 * After migrating: refuse to run when the database has migrations this build does not know (an
 * older build started against a database a newer one already migrated). Serving from a schema the
 * code does not understand is how data gets damaged quietly.
 */
export async function assertNoUnknownMigrations(db: Db, migrationsFolder: string): Promise<void> {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number; tag: string }[] };
  const newestKnown = Math.max(0, ...journal.entries.map((entry) => entry.when));
  const [row] = await queryRows<{ newest: string | number | null }>(db, sql`SELECT max(created_at) AS newest FROM drizzle.__drizzle_migrations`);
  const newestApplied = Number(row?.newest ?? 0);
  if (newestApplied > newestKnown) {
    throw new Error(
      `The database has a migration from ${new Date(newestApplied).toISOString()} that this build does not know ` +
        `(newest known: ${journal.entries.at(-1)?.tag ?? 'none'}). Refusing to start: run the newer build.`,
    );
  }
}
