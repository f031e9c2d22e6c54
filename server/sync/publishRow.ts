import { formatHlc, parseHlc, tickHlc, type Hlc } from '../../shared/sync/hlc.js';
import { sameValue, type OpaqueValue } from '../../shared/sync/opaque-value.js';
import { fieldMergeClass, syncTables, type SyncTableName } from '../../shared/sync/tables.js';
import type { Tx } from '../db/database.js';
import { loadRow, writeRow } from './rowStore.js';
import { lockOrganisation, readHead, SequenceAllocator } from './sequence.js';

/** The HLC node of changes the hub makes itself (admin API): no device has it. */
export const hubHlcNode = '0000000000000000';

/** A clock of the hub's node later than every clock in `clocks` and not before `now`. */
export function hubClockAfter(clocks: Readonly<Record<string, string>>, now: Date): string {
  let clock: Hlc = { wallMs: 0, counter: 0, node: hubHlcNode };
  for (const text of Object.values(clocks)) {
    const seen = parseHlc(text);
    if (seen.wallMs > clock.wallMs || (seen.wallMs === clock.wallMs && seen.counter > clock.counter)) clock = { ...seen, node: hubHlcNode };
  }
  return formatHlc(tickHlc(clock, now.getTime()));
}

/**
 * Publishes a row of a pull-only table (organisations, users) that the account API
 * changed, so every device of the organisation pulls it: call it in the same transaction as the
 * change. Takes the organisation's sync lock; only the fields given are changed, with the hub's
 * clock. Returns the row's new sequence number, or its old one when nothing changed.
 */
export async function publishHubRow(
  tx: Tx,
  organisationId: string,
  table: SyncTableName,
  rowId: string,
  values: Readonly<Record<string, OpaqueValue>>,
  now: Date,
): Promise<number> {
  if (syncTables[table].direction !== 'pull-only' || syncTables[table].clientScoped) throw new Error(`${table} is not published by the hub`);
  for (const field of Object.keys(values)) if (!fieldMergeClass(table, field)) throw new Error(`${table} has no field ${field}`);
  await lockOrganisation(tx, organisationId);
  const current = await loadRow(tx, organisationId, table, rowId);
  const changed = Object.entries(values).filter(([field, value]) => !current || !sameValue(current.row.values[field], value));
  if (current && changed.length === 0) return current.seq;
  const hlc = hubClockAfter(current?.row.clocks ?? {}, now);
  const row = {
    table,
    id: rowId,
    organisationId,
    clientId: null,
    values: { ...(current?.row.values ?? {}), ...Object.fromEntries(changed) },
    clocks: { ...(current?.row.clocks ?? {}), ...Object.fromEntries(changed.map(([field]) => [field, hlc])) },
  };
  const sequence = new SequenceAllocator((await readHead(tx, organisationId)).head);
  const seq = sequence.next();
  await writeRow(tx, row, seq, current?.createdBy ?? null, now);
  await sequence.flush(tx, organisationId);
  return seq;
}
