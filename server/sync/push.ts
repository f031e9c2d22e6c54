import { sql } from 'drizzle-orm';
import { mergeMutation, mutationResultFor, type MergeAccepted } from '../../shared/sync/merge.js';
import type { Conflict, HistoryEntry, Mutation, MutationResult, PushRequest, PushResponse } from '../../shared/sync/protocol.js';
import type { Tx } from '../db/database.js';
import { queryRows } from '../db/raw.js';
import { authoriseWrite, isUuid, type Writer } from './authoriseWrite.js';
import { projectAccessRow, purgeAppointmentAudience, purgeNewlyRestricted } from './projection.js';
import { RightsReader } from './rights.js';
import { RowCache } from './rowCache.js';
import { storedRowFor, type StoredRow } from './rowStore.js';
import { lockOrganisation, readHead, SequenceAllocator } from './sequence.js';

export interface PushContext {
  writer: Writer;
  deviceId: string;
  now: Date;
}

/** What one push writes besides rows, collected and written in a few statements at the end. */
interface Pending {
  history: { seq: number; table: string; rowId: string; mutationId: string; position: number; entry: HistoryEntry }[];
  conflicts: { seq: number; conflict: Conflict }[];
  answers: { mutationId: string; result: MutationResult }[];
}

/**
 * Applies a device's batch in one transaction under the organisation's advisory lock (docs/sync.md
 * "Push (hub)"): per mutation, in order — the stored answer if its id was seen; the rights check;
 * the shared merge; the row's new version with the next sequence number; history, conflicts,
 * resolutions; the answer stored under the mutation id. Field values are never interpreted.
 * Reads and writes are batched (RowCache), so a push costs a handful of round trips.
 */
export async function applyPush(tx: Tx, request: PushRequest, context: PushContext): Promise<PushResponse> {
  const organisationId = context.writer.organisationId;
  await lockOrganisation(tx, organisationId);
  const head = await readHead(tx, organisationId);
  const sequence = new SequenceAllocator(head.head);
  const rights = new RightsReader(tx, organisationId, context.writer.userId);
  const rows = new RowCache(tx, organisationId, context.now);
  const own = request.mutations.filter((mutation) => mutation.organisationId === organisationId);
  await rows.preload(own.map((mutation) => ({ table: mutation.table, rowId: mutation.rowId })));
  // The rights checks below then read no more rows, however large the batch (ids are checked first:
  // a malformed one would break the whole query, and authoriseWrite refuses it on its own).
  await rights.preload(
    own.map((mutation) => mutation.clientId).filter(isUuid),
    own.filter((mutation) => mutation.table === 'reports').map((mutation) => mutation.rowId).filter(isUuid),
  );
  const earlier = await storedAnswers(tx, organisationId, request.mutations.map((mutation) => mutation.mutationId));
  const pending: Pending = { history: [], conflicts: [], answers: [] };
  const results: MutationResult[] = [];

  for (const mutation of request.mutations) {
    const known = earlier.get(mutation.mutationId);
    if (known) {
      results.push(known.userId === context.writer.userId ? known.result : rejected(mutation, 'invalid', 'this mutation id was used by another user'));
      continue;
    }
    const result = await applyOne(tx, mutation, request.hlcNode, context, { sequence, rights, rows, pending });
    // A clock refusal is not final: the device keeps the mutation and sends it again later.
    if (!(result.status === 'rejected' && result.reason === 'clock_invalid')) {
      pending.answers.push({ mutationId: mutation.mutationId, result });
      earlier.set(mutation.mutationId, { userId: context.writer.userId, result });
    }
    results.push(result);
  }
  await rows.flush();
  await writePending(tx, organisationId, context, pending);
  await sequence.flush(tx, organisationId);
  return { protocolVersion: 1, serverEpoch: head.epoch, results };
}

interface PushState {
  sequence: SequenceAllocator;
  rights: RightsReader;
  rows: RowCache;
  pending: Pending;
}

async function applyOne(tx: Tx, mutation: Mutation, hlcNode: string, context: PushContext, state: PushState): Promise<MutationResult> {
  const organisationId = context.writer.organisationId;
  const current = mutation.organisationId === organisationId ? await state.rows.get(mutation.table, mutation.rowId) : null;
  const refusal = await authoriseWrite((table, rowId) => state.rows.get(table, rowId), context.writer, mutation, current, state.rights);
  if (refusal) return rejected(mutation, 'forbidden', refusal);

  const mergeContext = { nowMs: context.now.getTime(), hlcNode };
  if (mutation.table === 'dossier_access') {
    const duplicate = current === null ? await otherAccessRow(tx, mutation) : null;
    if (duplicate) return rejected(mutation, 'invalid', `this user already has an access row for this dossier (${duplicate}); change that one`);
  }
  const merged = mergeMutation(current?.row ?? null, mutation, mergeContext);
  if (merged.status === 'rejected') return mutationResultFor(mutation.mutationId, merged, 0);
  // The conflict screen names who wrote the other version; only the hub knows the writer.
  const outcome = { ...merged, conflicts: merged.conflicts.map((conflict) => ({ ...conflict, incoming: { ...conflict.incoming, authorId: context.writer.userId } })) };
  const seq = await record(tx, outcome, current, mutation, context, state);
  return mutationResultFor(mutation.mutationId, outcome, seq);
}

/** Records what the merge decided; returns the seq of the row version that holds the change. */
async function record(tx: Tx, outcome: MergeAccepted, current: StoredRow | null, mutation: Mutation, context: PushContext, state: PushState): Promise<number> {
  const { sequence, rows, pending } = state;
  let seq = current?.seq ?? 0;
  // A losing value re-sends the row too, so every device shows it in the field's history.
  if (outcome.changed || outcome.history.length > 0) {
    seq = sequence.next();
    const stored = storedRowFor(outcome.row, seq, current ? current.createdBy : context.writer.userId);
    rows.put(stored);
    for (const [position, entry] of outcome.history.entries()) {
      pending.history.push({ seq, table: mutation.table, rowId: mutation.rowId, mutationId: mutation.mutationId, position, entry });
    }
    await purgeNewlyRestricted(tx, current, stored, sequence);
    await purgeAppointmentAudience(tx, current, stored, sequence);
    if (stored.row.table === 'dossier_access' || stored.row.table === 'report_access') {
      // Rare: write what is pending, project the rights (which may re-stamp rows), read afresh.
      await rows.reload();
      await projectAccessRow(tx, stored, sequence);
      state.rights.forget();
      seq = (await rows.get(stored.row.table, stored.row.id))?.seq ?? seq;
    }
  }
  for (const conflict of outcome.conflicts) pending.conflicts.push({ seq: sequence.next(), conflict });
  if (outcome.resolves.length > 0) {
    await writeConflicts(tx, context.writer.organisationId, pending);
    for (const conflictId of outcome.resolves) {
      await tx.execute(sql`
        UPDATE sync_conflicts SET status = 'resolved', seq = ${sequence.next()}, resolved_by_mutation = ${mutation.mutationId}
        WHERE organisation_id = ${context.writer.organisationId} AND conflict_id = ${conflictId} AND table_name = ${mutation.table}
          AND row_id = ${mutation.rowId} AND status = 'open'`);
    }
  }
  return seq;
}

async function writePending(tx: Tx, organisationId: string, context: PushContext, pending: Pending): Promise<void> {
  await writeConflicts(tx, organisationId, pending);
  // Each as one JSON parameter read by json_to_recordset, as the rows are (rowStore.ts): a VALUES
  // list of 500 answers was 3,000 parameters, each bound and planned on its own.
  if (pending.history.length > 0) {
    const history = pending.history.map((item) => ({
      table_name: item.table,
      row_id: item.rowId,
      seq: item.seq,
      position: item.position,
      field: item.entry.field,
      value: JSON.stringify(item.entry.value),
      hlc: item.entry.hlc,
      superseded_by: item.entry.supersededBy,
      mutation_id: item.mutationId,
    }));
    await tx.execute(sql`INSERT INTO sync_history (organisation_id, table_name, row_id, seq, position, field, value, hlc, superseded_by, mutation_id)
                         SELECT ${organisationId}, x.* FROM json_to_recordset(${JSON.stringify(history)}::json) AS x(table_name text, row_id uuid, seq bigint,
                           position integer, field text, value text, hlc text, superseded_by text, mutation_id uuid)`);
  }
  if (pending.answers.length > 0) {
    const answers = pending.answers.map((item) => ({ mutation_id: item.mutationId, result: JSON.stringify(item.result) }));
    await tx.execute(sql`INSERT INTO sync_mutations (organisation_id, mutation_id, user_id, device_id, result, applied_at)
                         SELECT ${organisationId}, x.mutation_id, ${context.writer.userId}, ${context.deviceId}, x.result, ${context.now}::timestamptz
                         FROM json_to_recordset(${JSON.stringify(answers)}::json) AS x(mutation_id uuid, result text)`);
  }
}

async function writeConflicts(tx: Tx, organisationId: string, pending: Pending): Promise<void> {
  const conflicts = pending.conflicts.splice(0);
  for (const { seq, conflict } of conflicts) {
    await tx.execute(sql`
      INSERT INTO sync_conflicts (organisation_id, conflict_id, table_name, row_id, client_id, conflict, status, seq)
      VALUES (${organisationId}, ${conflict.conflictId}, ${conflict.table}, ${conflict.rowId}, ${conflict.clientId}, ${JSON.stringify(conflict)}, 'open', ${seq})
      ON CONFLICT (organisation_id, conflict_id) DO NOTHING`);
  }
}

async function storedAnswers(tx: Tx, organisationId: string, mutationIds: string[]): Promise<Map<string, { userId: string; result: MutationResult }>> {
  const records = await queryRows<{ mutation_id: string; user_id: string; result: string }>(
    tx,
    sql`SELECT mutation_id, user_id, result FROM sync_mutations
        WHERE organisation_id = ${organisationId} AND mutation_id = ANY(${`{${[...new Set(mutationIds)].join(',')}}`}::uuid[])`,
  );
  return new Map(records.map((record) => [record.mutation_id, { userId: record.user_id, result: JSON.parse(record.result) as MutationResult }]));
}

async function otherAccessRow(tx: Tx, mutation: Mutation): Promise<string | null> {
  const userId = mutation.changes.find((change) => change.field === 'userId')?.value;
  if (!isUuid(userId) || mutation.clientId === null) return null;
  const [row] = await queryRows<{ access_row_id: string }>(
    tx,
    sql`SELECT access_row_id FROM sync_dossier_rights WHERE organisation_id = ${mutation.organisationId} AND client_id = ${mutation.clientId} AND user_id = ${userId}`,
  );
  return row && row.access_row_id !== mutation.rowId ? row.access_row_id : null;
}

function rejected(mutation: Mutation, reason: 'forbidden' | 'invalid', message: string): MutationResult {
  return { mutationId: mutation.mutationId, status: 'rejected', reason, field: null, message };
}
