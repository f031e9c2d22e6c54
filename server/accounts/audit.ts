import { v7 as uuidv7 } from 'uuid';
import type { ServiceContext } from '../context.js';
import type { Queryable } from '../db/database.js';
import { accountAudit } from '../db/schema/index.js';

export interface AuditEvent {
  organisationId: string;
  actorUserId: string | null;
  action: string;
  targetUserId?: string | null;
  /** Never passwords, tokens, codes or secrets: only what an admin may read back. */
  detail?: Record<string, unknown>;
  ip?: string | null;
}

export async function audit(context: ServiceContext, db: Queryable, event: AuditEvent): Promise<void> {
  await db.insert(accountAudit).values({
    organisationId: event.organisationId,
    id: uuidv7(),
    at: context.now(),
    actorUserId: event.actorUserId,
    action: event.action,
    targetUserId: event.targetUserId ?? null,
    detail: event.detail ?? {},
    ip: event.ip ?? null,
  });
}
