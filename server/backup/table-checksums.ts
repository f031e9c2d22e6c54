import { z } from 'zod';

/**
 * Row counts and a checksum per table, to prove a restore brought back exactly what was dumped.
 * The checksum is the sum of the first 64 bits of each row's md5 (as text, in UTC): independent
 * of row order and computed in one pass without holding a table in memory.
 */
export const tableChecksumsSchema = z.record(z.string(), z.object({ rows: z.number().int().nonnegative(), checksum: z.string() }));
export type TableChecksums = z.infer<typeof tableChecksumsSchema>;

/** Runs one SQL statement and returns its rows; both pg and PGlite fit this. */
export type RunQuery = <Row>(sql: string) => Promise<Row[]>;

export async function tableChecksums(query: RunQuery): Promise<TableChecksums> {
  // The text of timestamps depends on these; fix them so both sides compute the same.
  await query("SET TimeZone = 'UTC'");
  await query("SET DateStyle = 'ISO, YMD'");
  await query("SET extra_float_digits = 1");
  const tables = await query<{ schemaname: string; tablename: string }>(
    "SELECT schemaname, tablename FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY schemaname, tablename",
  );
  const result: TableChecksums = {};
  for (const { schemaname, tablename } of tables) {
    const name = `${quoteIdent(schemaname)}.${quoteIdent(tablename)}`;
    const [row] = await query<{ rows: string | number; checksum: string | null }>(
      `SELECT count(*) AS rows, coalesce(sum(('x' || substr(md5(t::text), 1, 16))::bit(64)::bigint), 0)::text AS checksum FROM ${name} AS t`,
    );
    result[`${schemaname}.${tablename}`] = { rows: Number(row?.rows ?? 0), checksum: row?.checksum ?? '0' };
  }
  return result;
}

/** The tables whose counts or checksums differ (empty when equal). */
export function checksumDifferences(expected: TableChecksums, actual: TableChecksums): string[] {
  const names = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  return names.filter((name) => expected[name]?.rows !== actual[name]?.rows || expected[name]?.checksum !== actual[name]?.checksum);
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
