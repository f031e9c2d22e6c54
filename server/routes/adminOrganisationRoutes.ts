import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { SecuritySettings } from '../../shared/api/admin.js';
import { apiRoutes } from '../../shared/api/routes.js';
import { audit } from '../accounts/audit.js';
import { publishOrganisation } from '../accounts/publishAccountRows.js';
import { invalidRanges, ipAllowed } from '../auth/ipAllowList.js';
import { revokeSessions } from '../auth/sessions.js';
import type { ServiceContext } from '../context.js';
import { accountAudit, invoices, organisations, storageUsage, users } from '../db/schema/index.js';
import { conflict, HttpError } from '../http/httpError.js';
import { registerRoute } from '../http/registerRoute.js';
import { changeSubscription, readSubscription } from '../subscription/store.js';

type OrganisationRow = typeof organisations.$inferSelect;

const securityOf = (organisation: OrganisationRow): SecuritySettings => ({
  requireTwoFactor: organisation.requireTwoFactor,
  ipAllowList: organisation.ipAllowList,
  autoLockMinutes: organisation.autoLockMinutes,
  sessionHours: organisation.sessionHours,
});

/** Organisation-wide settings, subscription, invoices, storage and the account audit log. */
export function adminOrganisationRoutes(app: FastifyInstance, context: ServiceContext): void {
  registerRoute(app, context, apiRoutes.getSecurity, async ({ caller }) => securityOf(caller.organisation));

  registerRoute(app, context, apiRoutes.updateSecurity, async ({ caller, body }) => {
    if (Object.keys(body).length === 0) return securityOf(caller.organisation);
    if (body.ipAllowList) {
      const invalid = invalidRanges(body.ipAllowList);
      if (invalid.length > 0) throw new HttpError(400, 'invalid_request', `Not a usable address range: ${invalid.join(', ')}.`);
      // Guard against the classic foot-gun: an admin locking the organisation out from where they sit.
      if (!ipAllowed(body.ipAllowList, caller.ip)) throw conflict(`The list must include the address you are using now (${caller.ip}).`);
    }
    if (body.requireTwoFactor && !caller.user.totpEnabledAt) throw conflict('Turn on two-step verification for yourself before requiring it for everyone.');
    const updated = await context.database.db.transaction(async (tx) => {
      const [row] = await tx.update(organisations).set(body).where(eq(organisations.id, caller.organisationId)).returning();
      if (!row) throw new Error('organisation vanished');
      await publishOrganisation(context, tx, row);
      if (body.requireTwoFactor && !caller.organisation.requireTwoFactor) {
        // Users without 2FA lose their sessions now and are asked to enrol at the next sign-in.
        const without = await tx
          .select({ id: users.id })
          .from(users)
          .where(and(eq(users.organisationId, caller.organisationId), isNull(users.totpEnabledAt)));
        for (const user of without) await revokeSessions(context, tx, { organisationId: caller.organisationId, userId: user.id }, '2FA now required');
      }
      await audit(context, tx, { organisationId: caller.organisationId, actorUserId: caller.userId, action: 'security.updated', detail: { ...body }, ip: caller.ip });
      return row;
    });
    return securityOf(updated);
  });

  registerRoute(app, context, apiRoutes.getSubscription, async ({ caller }) => {
    const stored = await readSubscription(context, context.database.db, caller.organisationId);
    return { ...stored.view, activeUsers: stored.activeUsers, state: stored.state };
  });

  registerRoute(app, context, apiRoutes.changePlan, async ({ caller, body }) => {
    const outcome = await context.database.db.transaction(async (tx) => {
      const result = await changeSubscription(context, tx, caller.organisationId, (state, _activeUsers, today) =>
        context.subscriptionRules.requestPlan(state, body.plan, today),
      );
      if (result.ok) await audit(context, tx, { organisationId: caller.organisationId, actorUserId: caller.userId, action: 'plan.changed', detail: { plan: body.plan }, ip: caller.ip });
      return result;
    });
    if (!outcome.ok) throw conflict(`The plan cannot be changed now: ${outcome.reason}${outcome.date ? ` (${outcome.date})` : ''}.`);
    const stored = await readSubscription(context, context.database.db, caller.organisationId);
    return { ...stored.view, activeUsers: stored.activeUsers, state: stored.state };
  });

  registerRoute(app, context, apiRoutes.convertToPaid, async ({ caller, body }) => {
    const outcome = await context.database.db.transaction(async (tx) => {
      const result = await changeSubscription(context, tx, caller.organisationId, (state, _activeUsers, today) =>
        context.subscriptionRules.convertToPaid(state, { billingInterval: body.billingInterval, plan: body.plan ?? null }, today),
      );
      if (result.ok) await audit(context, tx, { organisationId: caller.organisationId, actorUserId: caller.userId, action: 'subscription.converted', detail: { ...body }, ip: caller.ip });
      return result;
    });
    if (!outcome.ok) throw conflict(`The trial cannot be converted now: ${outcome.reason}.`);
    const stored = await readSubscription(context, context.database.db, caller.organisationId);
    return { ...stored.view, activeUsers: stored.activeUsers, state: stored.state };
  });

  registerRoute(app, context, apiRoutes.cancelSubscription, async ({ caller, body }) => {
    const outcome = await context.database.db.transaction(async (tx) => {
      const result = await changeSubscription(context, tx, caller.organisationId, (state, _activeUsers, today) =>
        context.subscriptionRules.cancel(state, { endDate: body.endDate, byRegisteredOwner: caller.role === 'owner' }, today),
      );
      if (result.ok) await audit(context, tx, { organisationId: caller.organisationId, actorUserId: caller.userId, action: 'subscription.cancelled', ip: caller.ip });
      return result;
    });
    if (!outcome.ok) throw conflict(`The subscription cannot be cancelled now: ${outcome.reason}${outcome.date ? ` (earliest end date ${outcome.date})` : ''}.`);
    const stored = await readSubscription(context, context.database.db, caller.organisationId);
    return { ...stored.view, activeUsers: stored.activeUsers, state: stored.state };
  });

  registerRoute(app, context, apiRoutes.invoices, async ({ caller }) => {
    const rows = await context.database.db
      .select()
      .from(invoices)
      .where(eq(invoices.organisationId, caller.organisationId))
      .orderBy(desc(invoices.issuedAt));
    return {
      invoices: rows.map((row) => ({
        id: row.id,
        number: row.number,
        periodStart: row.periodStart,
        periodEnd: row.periodEnd,
        description: row.description,
        amountCents: row.amountCents,
        status: row.status,
        issuedAt: row.issuedAt.toISOString(),
        dueAt: row.dueAt.toISOString(),
        paidAt: row.paidAt?.toISOString() ?? null,
      })),
    };
  });

  registerRoute(app, context, apiRoutes.storage, async ({ caller }) => {
    const rows = await context.database.db
      .select({ category: storageUsage.category, bytes: storageUsage.bytes })
      .from(storageUsage)
      .where(eq(storageUsage.organisationId, caller.organisationId));
    return {
      usedBytes: rows.reduce((sum, row) => sum + Number(row.bytes), 0),
      quotaBytes: caller.organisation.storageQuotaBytes,
      byCategory: rows.map((row) => ({ category: row.category, bytes: Number(row.bytes) })),
    };
  });

  registerRoute(app, context, apiRoutes.audit, async ({ caller, query }) => {
    const rows = await context.database.db
      .select()
      .from(accountAudit)
      .where(and(eq(accountAudit.organisationId, caller.organisationId), query.before ? lt(accountAudit.at, new Date(query.before)) : sql`true`))
      .orderBy(desc(accountAudit.at), desc(accountAudit.id))
      .limit(query.limit);
    return {
      entries: rows.map((row) => ({
        id: row.id,
        at: row.at.toISOString(),
        actorUserId: row.actorUserId,
        action: row.action,
        targetUserId: row.targetUserId,
        detail: (row.detail ?? {}) as Record<string, unknown>,
        ip: row.ip,
      })),
    };
  });
}
