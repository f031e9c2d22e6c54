import { and, desc, eq, sql } from 'drizzle-orm';
import { retentionAuditPageSize, type RetentionAuditView } from '../../shared/api/retention.js';
import { retentionAuditEntrySchema } from '../../shared/retention/index.js';
import type { Queryable } from '../db/database.js';
import { devices, retentionAudit, users } from '../db/schema/index.js';

/**
 * The retention audit trail for an organisation's administrators: newest first, one page. The
 * acting colleague and the purging laptop are named here (the trail stores only their ids); the
 * trail names no client, and neither does this (SPEC §4).
 */
export async function retentionAuditTrail(db: Queryable, organisationId: string): Promise<{ entries: RetentionAuditView[]; more: boolean }> {
  const rows = await db
    .select({
      at: retentionAudit.at,
      event: retentionAudit.event,
      caseId: retentionAudit.caseId,
      reason: retentionAudit.reason,
      until: retentionAudit.until,
      removedRecords: retentionAudit.removedRecords,
      actorName: users.displayName,
      // A laptop shared by two colleagues is two device rows with one id: take one name, never two lines.
      deviceName: sql<string | null>`(SELECT ${devices.name} FROM ${devices} WHERE ${devices.organisationId} = ${retentionAudit.organisationId} AND ${devices.id}::text = ${retentionAudit.deviceId} LIMIT 1)`,
    })
    .from(retentionAudit)
    .leftJoin(users, and(eq(users.organisationId, retentionAudit.organisationId), eq(users.id, retentionAudit.actorUserId)))
    .where(eq(retentionAudit.organisationId, organisationId))
    .orderBy(desc(retentionAudit.at), desc(retentionAudit.id))
    .limit(retentionAuditPageSize + 1);
  const entries = rows.slice(0, retentionAuditPageSize).map((row) => {
    // The stored event and reason were checked on the way in; parse again so a bad row cannot reach a screen.
    const checked = retentionAuditEntrySchema.pick({ event: true, reason: true, until: true }).parse({ event: row.event, reason: row.reason, until: row.until });
    return {
      at: row.at.toISOString(),
      event: checked.event,
      caseId: row.caseId,
      actorName: row.actorName,
      deviceName: row.deviceName,
      reason: checked.reason,
      until: checked.until,
      removedRecords: row.removedRecords,
    };
  });
  return { entries, more: rows.length > retentionAuditPageSize };
}
