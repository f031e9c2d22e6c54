import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { AdminUser } from '../../shared/api/admin.js';
import type { ServiceContext } from '../context.js';
import type { Queryable } from '../db/database.js';
import { sessions, users } from '../db/schema/index.js';
import { notFound } from '../http/httpError.js';

type UserRow = typeof users.$inferSelect;

export function toAdminUser(user: UserRow, activeDevices: number): AdminUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    status: user.status,
    twoFactorEnabled: user.totpEnabledAt !== null,
    createdAt: user.createdAt.toISOString(),
    activeDevices,
  };
}

/** Devices per user with a live (unexpired, unrevoked) full session right now. */
export async function activeDeviceCounts(context: ServiceContext, db: Queryable, organisationId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ userId: sessions.userId, devices: sql<number>`count(distinct ${sessions.deviceId})::int` })
    .from(sessions)
    .where(and(eq(sessions.organisationId, organisationId), isNull(sessions.revokedAt), gt(sessions.expiresAt, context.now())))
    .groupBy(sessions.userId);
  return new Map(rows.map((row) => [row.userId, Number(row.devices)]));
}

/** A user of the caller's organisation; a user of another organisation is simply not found. */
export async function userInOrganisation(db: Queryable, organisationId: string, userId: string, lock = false): Promise<UserRow> {
  const query = db.select().from(users).where(and(eq(users.organisationId, organisationId), eq(users.id, userId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('User');
  return row;
}
