import { sql } from 'drizzle-orm';
import { mergeMutation, mutationResultFor, type MergeAccepted, type MergeOutcome } from '../../shared/sync/merge.js';
import type { Mutation, MutationResult, PushRequest, PushResponse } from '../../shared/sync/protocol.js';
import type { Tx } from '../db/database.js';
import { queryRows } from '../db/raw.js';
import { mergeAccessRow } from './accessRowMerge.js';
import { authoriseWrite, isUuid, type Writer } from './authoriseWrite.js';
import { projectAccessRow, purgeNewlyRestricted } from './projection.js';
import { RightsReader } from './rights.js';
import { loadRow, writeRow, type StoredRow } from './rowStore.js';
import { lockOrganisation, readHead, SequenceAllocator } from './sequence.js';

export interface PushContext {
  writer: Writer;
  deviceId: string;
  now: Date;
}

/**
 * Applies a device's batch in one transaction under the organisation's advisory lock (docs/sync.md
 * "Push (hub)"): per mutation, in order — the stored answer if its id was seen; the rights check;
 * the shared merge; the row's new version with the next sequence number; history, conflicts,
 * resolutions; the answer stored under the mutation id. Field values are never interpreted.
 */
export async function applyPush(tx: Tx, request: PushRequest, context: PushContext): Promise<PushResponse> {
  const organisationId = context.writer.organisationId;
  await lockOrganisation(tx, organisationId);
  const head = await readHead(tx, organisationId);
  const sequence = new SequenceAllocator(head.head);
  const rights = new RightsReader(tx, organisationId, context.writer.userId);
  const results: MutationResult[] = [];

  for (const mutation of request.mutations) {
    const earlier = await storedAnswer(tx, organisationId, mutation.mutationId);
    if (earlier) {
      results.push(
        earlier.userId === context.writer.userId
          ? earlier.result
          : rejected(mutation, 'invalid', 'this mutation id was used by another user'),
      );
      continue;
    }
    const result = await applyOne(tx, mutation, request.hlcNode, context, sequence, rights);
    // A clock refusal is not final: the device keeps the mutation and sends it again later.
    if (!(result.status === 'rejected' && result.reason === 'clock_invalid')) {
      await tx.execute(sql`
        INSERT INTO sync_mutations (organisation_id, mutation_id, user_id, device_id, result, applied_at)
        VALUES (${organisationId}, ${mutation.mutationId}, ${context.writer.userId}, ${context.deviceId}, ${JSON.stringify(result)}, ${context.now})`);
    }
    results.push(result);
  }
  await sequence.flush(tx, organisationId);
  return { protocolVersion: 1, serverEpoch: head.epoch, results };
}

async function applyOne(tx: Tx, mutation: Mutation, hlcNode: string, context: PushContext, sequence: SequenceAllocator, rights: RightsReader): Promise<MutationResult> {
  const organisationId = context.writer.organisationId;
  const current = mutation.organisationId === organisationId ? await loadRow(tx, organisationId, mutation.table, mutation.rowId) : null;
  const refusal = await authoriseWrite(tx, context.writer, mutation, current, rights);
  if (refusal) return rejected(mutation, 'forbidden', refusal);

  const mergeContext = { nowMs: context.now.getTime(), hlcNode };
  let outcome: MergeOutcome;
  if (mutation.table === 'dossier_access') {
    const duplicate = current === null ? await otherAccessRow(tx, mutation) : null;
    if (duplicate) return rejected(mutation, 'invalid', `this user already has an access row for this dossier (${duplicate}); change that one`);
    outcome = mergeAccessRow(current?.row ?? null, mutation, mergeContext);
  } else {
    outcome = mergeMutation(current?.row ?? null, mutation, mergeContext);
  }
  if (outcome.status === 'rejected') return mutationResultFor(mutation.mutationId, outcome, 0);

  const seq = await store(tx, outcome, current, mutation, context, sequence);
  if (outcome.row.table === 'dossier_access' || outcome.row.table === 'report_access') rights.forget();
  return mutationResultFor(mutation.mutationId, outcome, seq);
}

/** Writes what the merge decided; returns the seq of the row version that holds the change. */
async function store(tx: Tx, outcome: MergeAccepted, current: StoredRow | null, mutation: Mutation, context: PushContext, sequence: SequenceAllocator): Promise<number> {
  const organisationId = context.writer.organisationId;
  let seq = current?.seq ?? 0;
  // A losing value re-sends the row too, so every device shows it in the field's history.
  if (outcome.changed || outcome.history.length > 0) {
    seq = sequence.next();
    const stored = await writeRow(tx, outcome.row, seq, current ? current.createdBy : context.writer.userId, context.now);
    await projectAccessRow(tx, stored, sequence);
    await purgeNewlyRestricted(tx, current, stored, sequence);
    for (const [position, entry] of outcome.history.entries()) {
      await tx.execute(sql`
        INSERT INTO sync_history (organisation_id, table_name, row_id, seq, position, field, value, hlc, superseded_by, mutation_id)
        VALUES (${organisationId}, ${mutation.table}, ${mutation.rowId}, ${seq}, ${position}, ${entry.field}, ${JSON.stringify(entry.value)},
                ${entry.hlc}, ${entry.supersededBy}, ${mutation.mutationId})`);
    }
    // A re-stamp by the projection may have moved this row past `seq`: answer with its current number.
    const [now] = await queryRows<{ seq: string | number }>(
      tx,
      sql`SELECT seq FROM sync_rows WHERE organisation_id = ${organisationId} AND table_name = ${mutation.table} AND row_id = ${mutation.rowId}`,
    );
    seq = Number(now?.seq ?? seq);
  }
  for (const conflict of outcome.conflicts) {
    await tx.execute(sql`
      INSERT INTO sync_conflicts (organisation_id, conflict_id, table_name, row_id, client_id, conflict, status, seq)
      VALUES (${organisationId}, ${conflict.conflictId}, ${conflict.table}, ${conflict.rowId}, ${conflict.clientId}, ${JSON.stringify(conflict)}, 'open', ${sequence.next()})
      ON CONFLICT (organisation_id, conflict_id) DO NOTHING`);
  }
  for (const conflictId of outcome.resolves) {
    await tx.execute(sql`
      UPDATE sync_conflicts SET status = 'resolved', seq = ${sequence.next()}, resolved_by_mutation = ${mutation.mutationId}
      WHERE organisation_id = ${organisationId} AND conflict_id = ${conflictId} AND table_name = ${mutation.table}
        AND row_id = ${mutation.rowId} AND status = 'open'`);
  }
  return seq;
}

async function storedAnswer(tx: Tx, organisationId: string, mutationId: string): Promise<{ userId: string; result: MutationResult } | null> {
  const [row] = await queryRows<{ user_id: string; result: string }>(
    tx,
    sql`SELECT user_id, result FROM sync_mutations WHERE organisation_id = ${organisationId} AND mutation_id = ${mutationId}`,
  );
  return row ? { userId: row.user_id, result: JSON.parse(row.result) as MutationResult } : null;
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
