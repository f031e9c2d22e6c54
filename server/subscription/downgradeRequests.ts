import { and, asc, desc, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { DowngradeRequest } from '../../shared/api/admin.js';
import { audit } from '../accounts/audit.js';
import type { ServiceContext } from '../context.js';
import { downgradeRequests, organisations } from '../db/schema/index.js';
import type { Caller } from '../http/authenticate.js';
import { conflict, notFound } from '../http/httpError.js';
import { changeSubscription, readSubscription } from './store.js';
import { amsterdamDate } from './today.js';

type Row = typeof downgradeRequests.$inferSelect;

const view = (row: Row): DowngradeRequest => ({
  id: row.id,
  requestedBy: row.requestedBy,
  fromPlan: row.fromPlan,
  toPlan: row.toPlan,
  reason: row.reason,
  status: row.status,
  requestedAt: row.requestedAt.toISOString(),
  decidedAt: row.decidedAt?.toISOString() ?? null,
  decisionNote: row.decisionNote,
});

const refusalText: Record<string, string> = {
  self_service_allowed: 'You may make this downgrade yourself: choose the plan under Abonnement.',
  no_paid_subscription: 'Only a paid subscription can be downgraded.',
  unknown_plan: 'There is no such plan.',
};

/** An admin asks for a downgrade the customer may not make themselves (art. 6 second paragraph). */
export async function requestDowngrade(context: ServiceContext, caller: Caller, body: { plan: string; reason?: string | undefined }): Promise<DowngradeRequest> {
  const stored = await readSubscription(context, context.database.db, caller.organisationId);
  const check = context.subscriptionRules.downgradeRequestable(stored.state, body.plan, amsterdamDate(context.now()));
  if (!check.ok) {
    throw conflict(refusalText[check.reason] ?? `This downgrade cannot be asked for: ${check.reason}. Pause users first when there are more than the plan allows.`);
  }
  const row = await context.database.db.transaction(async (tx) => {
    const [pending] = await tx
      .select({ id: downgradeRequests.id })
      .from(downgradeRequests)
      .where(and(eq(downgradeRequests.organisationId, caller.organisationId), eq(downgradeRequests.status, 'pending')));
    if (pending) throw conflict('There is already a downgrade request waiting for the service’s decision.');
    const [inserted] = await tx
      .insert(downgradeRequests)
      .values({
        organisationId: caller.organisationId,
        id: uuidv7(),
        requestedBy: caller.userId,
        fromPlan: check.fromPlan,
        toPlan: body.plan,
        reason: body.reason ?? '',
        status: 'pending',
        requestedAt: context.now(),
      })
      .returning();
    if (!inserted) throw new Error('downgrade request wrote no row');
    await audit(context, tx, { organisationId: caller.organisationId, actorUserId: caller.userId, action: 'downgrade.requested', detail: { from: check.fromPlan, to: body.plan }, ip: caller.ip });
    return inserted;
  });
  return view(row);
}

export async function listDowngradeRequests(context: ServiceContext, organisationId: string): Promise<DowngradeRequest[]> {
  const rows = await context.database.db
    .select()
    .from(downgradeRequests)
    .where(eq(downgradeRequests.organisationId, organisationId))
    .orderBy(desc(downgradeRequests.requestedAt));
  return rows.map(view);
}

/** The operator's queue, across organisations (the operator serves them all). */
export async function operatorDowngradeRequests(context: ServiceContext, status: Row['status']) {
  const rows = await context.database.db
    .select({ request: downgradeRequests, organisationName: organisations.name })
    .from(downgradeRequests)
    .innerJoin(organisations, eq(organisations.id, downgradeRequests.organisationId))
    .where(eq(downgradeRequests.status, status))
    .orderBy(asc(downgradeRequests.requestedAt));
  return rows.map(({ request, organisationName }) => ({ ...view(request), organisationId: request.organisationId, organisationName }));
}

/**
 * The operator approves or refuses. An approval applies the downgrade through the rules in the same
 * transaction; when the rules refuse it now (users were added since), the request stays pending
 * and the operator hears why.
 */
export async function decideDowngradeRequest(
  context: ServiceContext,
  target: { organisationId: string; id: string },
  decision: { approve: boolean; note?: string | undefined },
) {
  return context.database.db.transaction(async (tx) => {
    const [request] = await tx
      .select()
      .from(downgradeRequests)
      .where(and(eq(downgradeRequests.organisationId, target.organisationId), eq(downgradeRequests.id, target.id)))
      .for('update');
    if (!request) throw notFound('Downgrade request');
    if (request.status !== 'pending') throw conflict(`This request was ${request.status} already.`);
    if (decision.approve) {
      const outcome = await changeSubscription(context, tx, target.organisationId, (state, _activeUsers, today) =>
        context.subscriptionRules.approveDowngrade(state, request.toPlan, today),
      );
      if (!outcome.ok) throw conflict(`The rules do not allow this downgrade now: ${outcome.reason}. Refuse it, or ask the customer to pause users first.`);
    }
    const [decided] = await tx
      .update(downgradeRequests)
      .set({ status: decision.approve ? 'approved' : 'refused', decidedAt: context.now(), decisionNote: decision.note ?? null })
      .where(and(eq(downgradeRequests.organisationId, target.organisationId), eq(downgradeRequests.id, target.id)))
      .returning();
    if (!decided) throw new Error('downgrade decision wrote no row');
    await audit(context, tx, {
      organisationId: target.organisationId,
      actorUserId: null,
      action: decision.approve ? 'downgrade.approved' : 'downgrade.refused',
      detail: { by: 'service', from: request.fromPlan, to: request.toPlan },
    });
    const [organisation] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, target.organisationId));
    return { ...view(decided), organisationId: target.organisationId, organisationName: organisation?.name ?? '' };
  });
}
