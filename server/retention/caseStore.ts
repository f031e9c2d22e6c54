import { and, asc, eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { RemovalCaseView } from '../../shared/api/retention.js';
import { removalCaseSchema, removalStatus, type RemovalCase, type Step } from '../../shared/retention/index.js';
import type { Queryable, Tx } from '../db/database.js';
import { removalCases, retentionAudit } from '../db/schema/index.js';
import { notFound } from '../http/httpError.js';

type Row = typeof removalCases.$inferSelect;

function toCase(row: Row): RemovalCase {
  return removalCaseSchema.parse({
    id: row.id,
    organisationId: row.organisationId,
    kind: row.kind,
    state: row.state,
    clientId: row.clientId,
    openedOn: row.openedOn,
    deadline: row.deadline,
    reason: row.reason,
    keepUntil: row.keepUntil,
    decidedBy: row.decidedBy,
    carriedOutOn: row.carriedOutOn,
    devicesToPurge: row.devicesToPurge,
    devicesPurged: row.devicesPurged,
  });
}

export interface StoredCase {
  removal: RemovalCase;
  purgeSeq: number | null;
}

/** The case, locked for the rest of the transaction (two admins deciding at once: one waits). */
export async function loadCaseForUpdate(tx: Tx, organisationId: string, caseId: string): Promise<StoredCase> {
  const [row] = await tx
    .select()
    .from(removalCases)
    .where(and(eq(removalCases.organisationId, organisationId), eq(removalCases.id, caseId)))
    .for('update');
  if (!row) throw notFound('Removal case');
  return { removal: toCase(row), purgeSeq: row.purgeSeq };
}

export async function listCases(db: Queryable, organisationId: string): Promise<StoredCase[]> {
  const rows = await db.select().from(removalCases).where(eq(removalCases.organisationId, organisationId)).orderBy(asc(removalCases.openedOn), asc(removalCases.id));
  return rows.map((row) => ({ removal: toCase(row), purgeSeq: row.purgeSeq }));
}

/** Cases whose devices still have to purge, for the pull acknowledgement. */
export async function casesAwaitingDevice(db: Queryable, organisationId: string, deviceId: string): Promise<StoredCase[]> {
  const rows = await db
    .select()
    .from(removalCases)
    .where(
      and(
        eq(removalCases.organisationId, organisationId),
        eq(removalCases.state, 'carrying_out'),
        sql`${removalCases.devicesToPurge} @> ${JSON.stringify([deviceId])}::jsonb`,
        sql`NOT ${removalCases.devicesPurged} @> ${JSON.stringify([deviceId])}::jsonb`,
      ),
    );
  return rows.map((row) => ({ removal: toCase(row), purgeSeq: row.purgeSeq }));
}

/**
 * Writes a transition: the case (inserted or updated) and its audit entries, in the caller's
 * transaction. The entries are built by shared/retention, whose strict schema refuses any field
 * that could carry client data; this writes exactly those fields.
 */
export async function saveStep(tx: Tx, step: Step, now: Date, purgeSeq?: number): Promise<void> {
  const { removal } = step;
  const values = {
    kind: removal.kind,
    state: removal.state,
    clientId: removal.clientId,
    openedOn: removal.openedOn,
    deadline: removal.deadline,
    reason: removal.reason,
    keepUntil: removal.keepUntil,
    decidedBy: removal.decidedBy,
    carriedOutOn: removal.carriedOutOn,
    devicesToPurge: removal.devicesToPurge,
    devicesPurged: removal.devicesPurged,
    updatedAt: now,
    ...(purgeSeq !== undefined ? { purgeSeq } : {}),
  };
  await tx
    .insert(removalCases)
    .values({ organisationId: removal.organisationId, id: removal.id, ...values })
    .onConflictDoUpdate({ target: [removalCases.organisationId, removalCases.id], set: values });
  for (const entry of step.audit) {
    await tx.insert(retentionAudit).values({
      organisationId: entry.organisationId,
      id: uuidv7(),
      at: new Date(entry.at),
      event: entry.event,
      caseId: entry.caseId,
      actorUserId: entry.actorUserId,
      deviceId: entry.deviceId,
      reason: entry.reason,
      until: entry.until,
      removedRecords: entry.removedRecords,
    });
  }
}

export function caseView({ removal }: StoredCase, today: string): RemovalCaseView {
  const status = removalStatus(removal, today);
  return {
    id: removal.id,
    kind: removal.kind,
    state: removal.state,
    clientId: removal.clientId,
    openedOn: removal.openedOn,
    deadline: removal.deadline,
    reason: removal.reason,
    keepUntil: removal.keepUntil,
    carriedOutOn: removal.carriedOutOn,
    pendingDevices: status.pendingDevices.length,
    overdue: status.overdue,
    daysLeft: status.daysLeft,
  };
}
