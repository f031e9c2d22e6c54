import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { apiRoutes } from '../../shared/api/routes.js';
import { audit } from '../accounts/audit.js';
import { findDevice } from '../accounts/devices.js';
import { activeDeviceCounts, toAdminUser, userInOrganisation } from '../accounts/userView.js';
import { transferOwnership } from '../accounts/ownership.js';
import { inviteUser, updateUser } from '../accounts/users.js';
import { revokeSessions } from '../auth/sessions.js';
import type { ServiceContext } from '../context.js';
import { devices, licenceLeases, recoveryCodes, sessions, users } from '../db/schema/index.js';
import { deviceLeaseStatus } from '../licence/deviceLeaseStatus.js';
import { forbidden, notFound } from '../http/httpError.js';
import { registerRoute } from '../http/registerRoute.js';

/** Users and devices of the caller's organisation. Every query is bounded by caller.organisationId. */
export function adminUserRoutes(app: FastifyInstance, context: ServiceContext): void {
  registerRoute(app, context, apiRoutes.listUsers, async ({ caller }) => {
    const rows = await context.database.db.select().from(users).where(eq(users.organisationId, caller.organisationId)).orderBy(asc(users.displayName));
    const counts = await activeDeviceCounts(context, context.database.db, caller.organisationId);
    return { users: rows.map((row) => toAdminUser(row, counts.get(row.id) ?? 0)) };
  });

  registerRoute(app, context, apiRoutes.inviteUser, async ({ caller, body }) => inviteUser(context, caller, body));

  registerRoute(app, context, apiRoutes.getUser, async ({ caller, params }) => {
    const user = await userInOrganisation(context.database.db, caller.organisationId, params.id);
    const counts = await activeDeviceCounts(context, context.database.db, caller.organisationId);
    return { user: toAdminUser(user, counts.get(user.id) ?? 0) };
  });

  registerRoute(app, context, apiRoutes.updateUser, async ({ caller, params, body }) => ({ user: await updateUser(context, caller, params.id, body) }));

  registerRoute(app, context, apiRoutes.resetUserTwoFactor, async ({ caller, params }) => {
    const target = await userInOrganisation(context.database.db, caller.organisationId, params.id);
    if (target.role === 'owner' && caller.role !== 'owner') throw forbidden('Only the owner can reset the owner’s two-step verification.');
    await context.database.db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ totpSecretSealed: null, totpEnabledAt: null, totpPendingSealed: null, totpLastStep: null })
        .where(and(eq(users.organisationId, caller.organisationId), eq(users.id, params.id)));
      await tx.delete(recoveryCodes).where(and(eq(recoveryCodes.organisationId, caller.organisationId), eq(recoveryCodes.userId, params.id)));
      await revokeSessions(context, tx, { organisationId: caller.organisationId, userId: params.id }, '2FA reset by an admin');
      await audit(context, tx, { organisationId: caller.organisationId, actorUserId: caller.userId, action: 'two-factor.reset', targetUserId: params.id, ip: caller.ip });
    });
    return { ok: true as const };
  });

  registerRoute(app, context, apiRoutes.signOutUser, async ({ caller, params }) => {
    await userInOrganisation(context.database.db, caller.organisationId, params.id);
    await revokeSessions(context, context.database.db, { organisationId: caller.organisationId, userId: params.id }, 'signed out by an admin');
    await audit(context, context.database.db, { organisationId: caller.organisationId, actorUserId: caller.userId, action: 'user.signed-out', targetUserId: params.id, ip: caller.ip });
    return { ok: true as const };
  });

  registerRoute(app, context, apiRoutes.transferOwnership, async ({ caller, body }) => transferOwnership(context, caller, body));

  registerRoute(app, context, apiRoutes.listDevices, async ({ caller }) => {
    const now = context.now();
    const rows = await context.database.db
      .select({
        device: devices,
        lease: licenceLeases,
        userDisplayName: users.displayName,
        active: sql<boolean>`exists (select 1 from ${sessions} s where s.organisation_id = ${devices.organisationId}
          and s.user_id = ${devices.userId} and s.device_id = ${devices.id} and s.revoked_at is null and s.expires_at > ${now})`,
      })
      .from(devices)
      .innerJoin(users, and(eq(users.organisationId, devices.organisationId), eq(users.id, devices.userId)))
      .leftJoin(
        licenceLeases,
        and(eq(licenceLeases.organisationId, devices.organisationId), eq(licenceLeases.userId, devices.userId), eq(licenceLeases.deviceId, devices.id)),
      )
      .where(eq(devices.organisationId, caller.organisationId))
      .orderBy(asc(users.displayName), asc(devices.name));
    const activePerUser = new Map<string, number>();
    for (const row of rows) if (row.active) activePerUser.set(row.device.userId, (activePerUser.get(row.device.userId) ?? 0) + 1);
    return {
      devices: rows.map(({ device, lease, userDisplayName, active }) => ({
        id: device.id,
        userId: device.userId,
        userDisplayName,
        name: device.name,
        platform: device.platform,
        appVersion: device.appVersion,
        registeredAt: device.registeredAt.toISOString(),
        lastSeenAt: device.lastSeenAt.toISOString(),
        revoked: device.revokedAt !== null,
        active: Boolean(active),
        lease: lease ? deviceLeaseStatus(lease, device.revokedAt, now) : null,
      })),
      usersOnSeveralDevices: [...activePerUser].filter(([, count]) => count > 1).map(([userId]) => userId),
    };
  });

  registerRoute(app, context, apiRoutes.revokeDevice, async ({ caller, params }) => {
    const device = await findDevice(context.database.db, caller.organisationId, params.userId, params.deviceId);
    if (!device) throw notFound('Device');
    await context.database.db.transaction(async (tx) => {
      await tx
        .update(devices)
        .set({ revokedAt: context.now() })
        .where(and(eq(devices.organisationId, caller.organisationId), eq(devices.userId, params.userId), eq(devices.id, params.deviceId), isNull(devices.revokedAt)));
      await revokeSessions(context, tx, { organisationId: caller.organisationId, userId: params.userId, deviceId: params.deviceId }, 'device revoked');
      await audit(context, tx, { organisationId: caller.organisationId, actorUserId: caller.userId, action: 'device.revoked', targetUserId: params.userId, detail: { deviceId: params.deviceId }, ip: caller.ip });
    });
    return { ok: true as const };
  });
}
