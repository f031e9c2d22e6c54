import { sql } from 'drizzle-orm';
import { checkCursor } from '../../shared/sync/cursor.js';
import { syncLimits } from '../../shared/sync/limits.js';
import type { Conflict, ConflictState, HistoryEntry, PullRequest, PullResponse, Purge, PurgeReason, RowChange } from '../../shared/sync/protocol.js';
import type { SyncTableName } from '../../shared/sync/tables.js';
import type { Queryable } from '../db/database.js';
import { queryRows } from '../db/raw.js';
import { readHeadAndServer } from './sequence.js';
import { visibleRow, type Reader } from './visibility.js';

/** A page stops growing past this many characters of row values (at least one row is always sent). */
export const pullPageChars = 16 * 1024 * 1024;

/**
 * A row change as the hub serves it: its values and clocks are the JSON text the hub stored, sent
 * as they are (pullAnswer.ts), never parsed and serialised again — they were checked when pushed.
 */
export interface ServedChange {
  seq: number;
  table: SyncTableName;
  rowId: string;
  clientId: string | null;
  valuesJson: string;
  clocksJson: string;
  history?: HistoryEntry[];
}

/** A pull answer whose changes are served rows (pullAnswer.ts writes it as the wire's PullResponse). */
export type PullPage = Omit<PullResponse, 'changes'> & { changes: ServedChange[] };

type Item = { seq: number; kind: 'change'; change: ServedChange; chars: number } | { seq: number; kind: 'conflict'; state: ConflictState } | { seq: number; kind: 'purge'; purge: Purge };

/**
 * Changes after the device's cursor that this user may see, in sequence order (docs/sync.md
 * "The cursor and the sequence trap"). Reads the committed head first: writers hold the
 * organisation's lock and set the head in their own transaction, so every number at or below it
 * is committed, and the page never reaches past it. No lock is taken: pulls never wait for pushes.
 */
export async function pullChanges(db: Queryable, reader: Reader, request: PullRequest): Promise<PullPage> {
  const head = await readHeadAndServer(db, reader.organisationId);
  const server = { id: head.serverId, epoch: head.epoch, restoredFromEpoch: head.restoredFromEpoch, epochStartSeq: head.epochStartSeq };
  const check = checkCursor(request.cursor, { id: server.id, epoch: head.epoch, headSeq: head.head });
  const empty = { protocolVersion: 1 as const, server, headSeq: head.head, changes: [], conflicts: [], purges: [] };
  if (check.kind === 'reset') return { ...empty, reset: true, cursor: { epoch: head.epoch, seq: 0 }, hasMore: true };

  const after = check.afterSeq;
  const limit = request.limit;
  const [{ changes, stopSeq }, conflicts, purges] = await Promise.all([
    readChanges(db, reader, after, head.head, limit + 1),
    readConflicts(db, reader, after, head.head, Math.min(limit, syncLimits.conflictsPerPull) + 1),
    readPurges(db, reader, after, head.head, Math.min(limit, syncLimits.purgesPerPull) + 1),
  ]);
  const items: Item[] = [
    ...changes.map(({ change, chars }) => ({ seq: change.seq, kind: 'change' as const, change, chars })),
    ...conflicts.map((state) => ({ seq: state.seq, kind: 'conflict' as const, state })),
    ...purges.map((purge) => ({ seq: purge.seq, kind: 'purge' as const, purge })),
  ].sort((a, b) => a.seq - b.seq);

  // Take items in seq order until a bound is reached; the cursor is the last one taken.
  const page = { changes: [] as ServedChange[], conflicts: [] as ConflictState[], purges: [] as Purge[] };
  let taken = 0;
  for (const item of items) {
    const full =
      page.changes.length + page.conflicts.length + page.purges.length >= limit ||
      (stopSeq !== null && item.seq >= stopSeq) ||
      (item.kind === 'conflict' && page.conflicts.length >= syncLimits.conflictsPerPull) ||
      (item.kind === 'purge' && page.purges.length >= syncLimits.purgesPerPull);
    if (full) break;
    if (item.kind === 'change') page.changes.push(item.change);
    else if (item.kind === 'conflict') page.conflicts.push(item.state);
    else page.purges.push(item.purge);
    taken += 1;
  }
  const hasMore = taken < items.length || stopSeq !== null;
  const cursorSeq = hasMore ? (items[taken - 1]?.seq ?? after) : head.head;
  await attachHistory(db, reader.organisationId, page.changes);
  return { ...empty, ...page, reset: false, cursor: { epoch: head.epoch, seq: cursorSeq }, hasMore };
}

/**
 * The visible changes after `after`, in seq order, as many as fit in `pullPageChars` (at least
 * one). `stopSeq`: the first change left out for size, so the page must end before it. One query:
 * a running sum of the rows' lengths decides which rows come with their values (the rows past the
 * bound come as their seq only), so visibility is decided once per row and a row past the bound
 * is never sent to the hub.
 */
async function readChanges(
  db: Queryable,
  reader: Reader,
  after: number,
  head: number,
  limit: number,
): Promise<{ changes: { change: ServedChange; chars: number }[]; stopSeq: number | null }> {
  // Only the columns a change carries, values and clocks as text: the driver then decodes no JSON.
  const records = await queryRows<{ seq: string | number; table_name: SyncTableName; row_id: string; client_id: string | null; values: string | null; clocks: string | null }>(
    db,
    sql`SELECT page.seq, page.table_name, page.row_id, page.client_id,
               CASE WHEN page.n = 1 OR page.running <= ${pullPageChars} THEN page."values" END AS "values",
               CASE WHEN page.n = 1 OR page.running <= ${pullPageChars} THEN page.clocks::text END AS clocks
        FROM (SELECT r.seq, r.table_name, r.row_id, r.client_id, r.values, r.clocks,
                     row_number() OVER w AS n, sum(length(r.values)) OVER w AS running
              FROM sync_rows r
              WHERE r.organisation_id = ${reader.organisationId} AND r.seq > ${after} AND r.seq <= ${head} AND ${visibleRow(reader)}
              WINDOW w AS (ORDER BY r.seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
              ORDER BY r.seq LIMIT ${limit}) page
        ORDER BY page.seq`,
  );
  const changes: { change: ServedChange; chars: number }[] = [];
  for (const record of records) {
    if (record.values === null || record.clocks === null) return { changes, stopSeq: Number(record.seq) };
    const change: ServedChange = {
      seq: Number(record.seq),
      table: record.table_name,
      rowId: record.row_id,
      clientId: record.client_id,
      valuesJson: record.values,
      clocksJson: record.clocks,
    };
    changes.push({ change, chars: record.values.length });
  }
  return { changes, stopSeq: null };
}

async function readConflicts(db: Queryable, reader: Reader, after: number, head: number, limit: number): Promise<ConflictState[]> {
  const records = await queryRows<{ seq: string | number; conflict: string; status: 'open' | 'resolved' }>(
    db,
    sql`SELECT c.seq, c.conflict, c.status FROM sync_conflicts c
        JOIN sync_rows r ON r.organisation_id = c.organisation_id AND r.table_name = c.table_name AND r.row_id = c.row_id
        WHERE c.organisation_id = ${reader.organisationId} AND c.seq > ${after} AND c.seq <= ${head} AND ${visibleRow(reader)}
        ORDER BY c.seq LIMIT ${limit}`,
  );
  return records.map((record) => ({ seq: Number(record.seq), conflict: JSON.parse(record.conflict) as Conflict, status: record.status }));
}

async function readPurges(db: Queryable, reader: Reader, after: number, head: number, limit: number): Promise<Purge[]> {
  const records = await queryRows<{ seq: string | number; scope: 'client' | 'row'; client_id: string | null; table_name: string | null; row_id: string | null; reason: PurgeReason }>(
    db,
    sql`SELECT seq, scope, client_id, table_name, row_id, reason FROM sync_purges
        WHERE organisation_id = ${reader.organisationId} AND user_id = ${reader.userId} AND seq > ${after} AND seq <= ${head}
        ORDER BY seq LIMIT ${limit}`,
  );
  return records.map((record): Purge => {
    const seq = Number(record.seq);
    if (record.scope === 'client') return { seq, scope: 'client', clientId: record.client_id!, reason: record.reason };
    return { seq, scope: 'row', table: record.table_name as RowChange['table'], rowId: record.row_id!, reason: record.reason };
  });
}

/** The values each row version replaced or that lost to it, so every device can show the field's history. */
async function attachHistory(db: Queryable, organisationId: string, changes: ServedChange[]): Promise<void> {
  if (changes.length === 0) return;
  // By the history's own key (table, row, seq), so each page costs its own rows' history, not a
  // scan of the organisation's whole history (its key does not start with seq).
  const list = (values: Array<string | number>) => `{${values.join(',')}}`;
  const records = await queryRows<{ seq: string | number; field: string; value: string; hlc: string | null; superseded_by: string }>(
    db,
    sql`SELECT h.seq, h.field, h.value, h.hlc, h.superseded_by
        FROM unnest(${list(changes.map((c) => c.table))}::text[], ${list(changes.map((c) => c.rowId))}::uuid[], ${list(changes.map((c) => c.seq))}::bigint[]) AS k(table_name, row_id, seq)
        JOIN sync_history h ON h.organisation_id = ${organisationId} AND h.table_name = k.table_name AND h.row_id = k.row_id AND h.seq = k.seq
        ORDER BY h.seq, h.position`,
  );
  const bySeq = new Map<number, HistoryEntry[]>();
  for (const record of records) {
    const list = bySeq.get(Number(record.seq)) ?? [];
    if (list.length < syncLimits.historyPerChange) list.push({ field: record.field, value: JSON.parse(record.value) as HistoryEntry['value'], hlc: record.hlc, supersededBy: record.superseded_by });
    bySeq.set(Number(record.seq), list);
  }
  for (const change of changes) {
    const history = bySeq.get(change.seq);
    if (history) change.history = history;
  }
}
