import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { ServiceContext } from '../context.js';
import { formatSessionToken, parseSessionToken, randomSecret, sameDigest } from '../crypto/tokens.js';
import type { Queryable } from '../db/database.js';
import { organisations, sessions, users } from '../db/schema/index.js';

export type SessionScope = (typeof sessions.$inferSelect)['scope'];

export interface NewSession {
  organisationId: string;
  userId: string;
  deviceId: string | null;
  scope: SessionScope;
  lifetimeMinutes: number;
  ip: string;
}

export interface IssuedSession {
  token: string;
  id: string;
  expiresAt: Date;
}

export async function createSession(context: ServiceContext, db: Queryable, session: NewSession): Promise<IssuedSession> {
  const now = context.now();
  const id = uuidv7();
  const secret = randomSecret(context.lib);
  const expiresAt = new Date(now.getTime() + session.lifetimeMinutes * 60_000);
  await db.insert(sessions).values({
    organisationId: session.organisationId,
    id,
    userId: session.userId,
    deviceId: session.deviceId,
    secretHash: context.secrets.keyedHash('session', secret),
    scope: session.scope,
    createdAt: now,
    expiresAt,
    lastUsedAt: now,
    ip: session.ip,
  });
  return { token: formatSessionToken({ organisationId: session.organisationId, sessionId: id, secret }), id, expiresAt };
}

export type ResolvedSession = Awaited<ReturnType<typeof loadSession>>;

/**
 * The session a token names, with its user and organisation, or null when the token is not one of
 * ours. Expiry and revocation are judged by the caller, so it can say which one it was.
 */
export async function loadSession(context: ServiceContext, token: string) {
  const parts = parseSessionToken(token);
  if (!parts) return null;
  const [row] = await context.database.db
    .select({ session: sessions, user: users, organisation: organisations })
    .from(sessions)
    .innerJoin(users, and(eq(users.organisationId, sessions.organisationId), eq(users.id, sessions.userId)))
    .innerJoin(organisations, eq(organisations.id, sessions.organisationId))
    .where(and(eq(sessions.organisationId, parts.organisationId), eq(sessions.id, parts.sessionId)));
  if (!row) return null;
  if (!sameDigest(context.lib, row.session.secretHash, context.secrets.keyedHash('session', parts.secret))) return null;
  return row;
}

/** Records use at most once a minute: enough for "active now", without a write per request. */
export async function touchSession(context: ServiceContext, organisationId: string, sessionId: string, lastUsedAt: Date): Promise<void> {
  const now = context.now();
  if (now.getTime() - lastUsedAt.getTime() < 60_000) return;
  await context.database.db
    .update(sessions)
    .set({ lastUsedAt: now })
    .where(and(eq(sessions.organisationId, organisationId), eq(sessions.id, sessionId)));
}

export async function revokeSession(context: ServiceContext, organisationId: string, sessionId: string, reason: string): Promise<boolean> {
  const rows = await context.database.db
    .update(sessions)
    .set({ revokedAt: context.now(), revokedReason: reason })
    .where(and(eq(sessions.organisationId, organisationId), eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

export interface RevokeScope {
  organisationId: string;
  userId: string;
  deviceId?: string;
  exceptSessionId?: string;
}

/** Ends a user's sessions (all, or on one device, or all but the current one). */
export async function revokeSessions(context: ServiceContext, db: Queryable, scope: RevokeScope, reason: string): Promise<number> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: context.now(), revokedReason: reason })
    .where(
      and(
        eq(sessions.organisationId, scope.organisationId),
        eq(sessions.userId, scope.userId),
        isNull(sessions.revokedAt),
        scope.deviceId ? eq(sessions.deviceId, scope.deviceId) : sql`true`,
        scope.exceptSessionId ? ne(sessions.id, scope.exceptSessionId) : sql`true`,
      ),
    )
    .returning({ id: sessions.id });
  return rows.length;
}
