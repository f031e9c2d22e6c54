import { sql } from 'drizzle-orm';
import { createDemoOrganisation } from '../demo/createDemoOrganisation.js';
import type { Database } from '../db/database.js';
import { queryRows } from '../db/raw.js';
import { startHarness } from '../testing/harness.js';
import type { RunQuery } from './table-checksums.js';

/** Fills a service database with the demo organisation and a sync head: rows of many column types. Test use only. */
export async function fillServiceDatabase(database: Database): Promise<void> {
  const harness = await startHarness(database);
  await createDemoOrganisation(harness.context);
  await harness.app.close();
  await database.db.execute(
    sql`INSERT INTO sync_heads (organisation_id, head, epoch) SELECT id, 42, gen_random_uuid() FROM organisations ON CONFLICT (organisation_id) DO UPDATE SET head = 42`,
  );
}

export function queryOnDatabase(database: Database): RunQuery {
  return <Row>(text: string) => queryRows<Row>(database.db, sql.raw(text));
}
