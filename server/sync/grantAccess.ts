import { and, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { FieldChange, Mutation } from '../../shared/sync/protocol.js';
import type { Tx } from '../db/database.js';
import { users } from '../db/schema/index.js';
import { notFound } from '../http/httpError.js';
import { mergeMutation } from '../../shared/sync/merge.js';
import { projectAccessRow } from './projection.js';
import { hubClockAfter, hubHlcNode } from './publishRow.js';
import { loadRow, writeRow } from './rowStore.js';
import { lockOrganisation, readHead, SequenceAllocator } from './sequence.js';
import { sql } from 'drizzle-orm';
import { queryRows } from '../db/raw.js';

export interface Grant {
  clientId: string;
  userId: string;
  canRead: boolean;
  canEdit: boolean;
  canSignOff: boolean;
}

/**
 * An admin's grant or revocation, written as the synced `dossier_access` row of (dossier, user)
 * under the organisation's lock, with the hub's own clock (later than every clock of the row, so
 * the admin's online decision wins), and projected into the rights table in the same transaction.
 */
export async function grantDossierAccess(tx: Tx, organisationId: string, actorId: string, grant: Grant, now: Date): Promise<{ rowId: string; seq: number }> {
  await lockOrganisation(tx, organisationId);
  const client = await loadRow(tx, organisationId, 'clients', grant.clientId);
  if (!client) throw notFound('Dossier');
  const [user] = await tx.select({ id: users.id }).from(users).where(and(eq(users.organisationId, organisationId), eq(users.id, grant.userId)));
  if (!user) throw notFound('User');

  const head = await readHead(tx, organisationId);
  const sequence = new SequenceAllocator(head.head);
  const [existing] = await queryRows<{ access_row_id: string }>(
    tx,
    sql`SELECT access_row_id FROM sync_dossier_rights WHERE organisation_id = ${organisationId} AND client_id = ${grant.clientId} AND user_id = ${grant.userId}`,
  );
  const rowId = existing?.access_row_id ?? uuidv7();
  const current = existing ? await loadRow(tx, organisationId, 'dossier_access', rowId) : null;

  const hlc = hubClockAfter(current?.row.clocks ?? {}, now);
  const change = (field: string, value: FieldChange['value']): FieldChange => ({ field, baseValue: null, baseHlc: null, value, hlc });
  const changes = [
    ...(current ? [] : [change('clientId', grant.clientId), change('userId', grant.userId)]),
    change('canRead', grant.canRead),
    change('canEdit', grant.canEdit),
    change('canSignOff', grant.canSignOff),
    ...(current && current.deleted ? [change('deletedAt', null)] : []),
  ];
  const mutation: Mutation = { mutationId: uuidv7(), table: 'dossier_access', rowId, organisationId, clientId: grant.clientId, op: current ? 'update' : 'insert', changes };
  const outcome = mergeMutation(current?.row ?? null, mutation, { nowMs: now.getTime(), hlcNode: hubHlcNode });
  if (outcome.status === 'rejected') throw new Error(`the hub's own grant was refused: ${outcome.reason}`);
  const seq = sequence.next();
  const stored = await writeRow(tx, outcome.row, seq, current ? current.createdBy : actorId, now);
  await projectAccessRow(tx, stored, sequence);
  await sequence.flush(tx, organisationId);
  return { rowId, seq };
}
