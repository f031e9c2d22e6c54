import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { apiRoutes } from '../../shared/api/routes.js';
import { acknowledgeNotice, listNotices } from '../accounts/notices.js';
import { changePassword, confirmTwoFactor, disableTwoFactor, enrolTwoFactor, regenerateRecoveryCodes } from '../accounts/credentials.js';
import { revokeSession } from '../auth/sessions.js';
import type { ServiceContext } from '../context.js';
import { sessions } from '../db/schema/index.js';
import { HttpError, notFound } from '../http/httpError.js';
import { registerRoute } from '../http/registerRoute.js';
import { issueLease } from '../licence/issueLease.js';

export function meRoutes(app: FastifyInstance, context: ServiceContext): void {
  registerRoute(app, context, apiRoutes.signOut, async ({ caller }) => {
    await revokeSession(context, caller.organisationId, caller.sessionId, 'signed out');
    return { ok: true as const };
  });

  registerRoute(app, context, apiRoutes.me, async ({ caller }) => {
    const [session] = await context.database.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.organisationId, caller.organisationId), eq(sessions.id, caller.sessionId)));
    if (!session) throw notFound('Session');
    return {
      user: {
        id: caller.user.id,
        email: caller.user.email,
        displayName: caller.user.displayName,
        role: caller.user.role,
        twoFactorEnabled: caller.user.totpEnabledAt !== null,
      },
      organisation: {
        id: caller.organisation.id,
        name: caller.organisation.name,
        requireTwoFactor: caller.organisation.requireTwoFactor,
        autoLockMinutes: caller.organisation.autoLockMinutes,
      },
      session: { id: session.id, expiresAt: session.expiresAt.toISOString(), scope: session.scope },
    };
  });

  registerRoute(app, context, apiRoutes.enrolTwoFactor, async ({ caller }) => enrolTwoFactor(context, caller));
  registerRoute(app, context, apiRoutes.confirmTwoFactor, async ({ caller, body }) => confirmTwoFactor(context, caller, body.code));
  registerRoute(app, context, apiRoutes.disableTwoFactor, async ({ caller, body }) => disableTwoFactor(context, caller, body));
  registerRoute(app, context, apiRoutes.regenerateRecoveryCodes, async ({ caller, body }) => regenerateRecoveryCodes(context, caller, body.code));
  registerRoute(app, context, apiRoutes.changePassword, async ({ caller, body }) => changePassword(context, caller, body));

  registerRoute(app, context, apiRoutes.mySessions, async ({ caller }) => {
    const rows = await context.database.db
      .select()
      .from(sessions)
      .where(
        and(
          eq(sessions.organisationId, caller.organisationId),
          eq(sessions.userId, caller.userId),
          isNull(sessions.revokedAt),
          gt(sessions.expiresAt, context.now()),
        ),
      )
      .orderBy(desc(sessions.lastUsedAt));
    return {
      sessions: rows.map((row) => ({
        id: row.id,
        deviceId: row.deviceId,
        createdAt: row.createdAt.toISOString(),
        lastUsedAt: row.lastUsedAt.toISOString(),
        expiresAt: row.expiresAt.toISOString(),
        current: row.id === caller.sessionId,
      })),
    };
  });

  registerRoute(app, context, apiRoutes.revokeMySession, async ({ caller, params }) => {
    const [row] = await context.database.db
      .select({ userId: sessions.userId })
      .from(sessions)
      .where(and(eq(sessions.organisationId, caller.organisationId), eq(sessions.id, params.id)));
    if (!row || row.userId !== caller.userId) throw notFound('Session');
    await revokeSession(context, caller.organisationId, params.id, 'ended by the user');
    return { ok: true as const };
  });

  registerRoute(app, context, apiRoutes.lease, async ({ caller }) => {
    if (!caller.deviceId) throw new HttpError(400, 'invalid_request', 'This session belongs to no device; sign in from the app.');
    // No device lookup: revoking a device revokes its sessions in the same transaction, so a
    // session that authenticated belongs to a device that is not revoked.
    return { lease: await issueLease(context, context.database.db, { ...caller, deviceId: caller.deviceId, userStatus: caller.user.status }) };
  });

  registerRoute(app, context, apiRoutes.notices, async ({ caller }) => ({ notices: await listNotices(context, caller) }));
  registerRoute(app, context, apiRoutes.acknowledgeNotice, async ({ caller, params }) => {
    await acknowledgeNotice(context, caller, params.id);
    return { ok: true as const };
  });
}
