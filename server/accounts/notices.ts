import { and, desc, eq, gt, isNull, or } from 'drizzle-orm';
import type { ServiceContext } from '../context.js';
import { noticeAcknowledgements, serviceNotices } from '../db/schema/index.js';
import type { Caller } from '../http/authenticate.js';
import { notFound } from '../http/httpError.js';

/** Notices still relevant: terms not yet older than 90 days in force, maintenance not yet over. */
export async function listNotices(context: ServiceContext, caller: Caller) {
  const now = context.now();
  const termsHorizon = new Date(now.getTime() - 90 * 24 * 60 * 60 * 1000);
  const rows = await context.database.db
    .select({ notice: serviceNotices, acknowledgedAt: noticeAcknowledgements.acknowledgedAt })
    .from(serviceNotices)
    .leftJoin(
      noticeAcknowledgements,
      and(
        eq(noticeAcknowledgements.noticeId, serviceNotices.id),
        eq(noticeAcknowledgements.organisationId, caller.organisationId),
        eq(noticeAcknowledgements.userId, caller.userId),
      ),
    )
    .where(
      or(
        and(eq(serviceNotices.kind, 'maintenance'), or(isNull(serviceNotices.endsAt), gt(serviceNotices.endsAt, now))),
        and(eq(serviceNotices.kind, 'terms-change'), gt(serviceNotices.effectiveAt, termsHorizon)),
      ),
    )
    .orderBy(desc(serviceNotices.effectiveAt));
  return rows.map(({ notice, acknowledgedAt }) => ({
    id: notice.id,
    kind: notice.kind,
    title: notice.title,
    body: notice.body,
    publishedAt: notice.publishedAt.toISOString(),
    effectiveAt: notice.effectiveAt.toISOString(),
    endsAt: notice.endsAt?.toISOString() ?? null,
    acknowledged: acknowledgedAt !== null,
  }));
}

export async function acknowledgeNotice(context: ServiceContext, caller: Caller, noticeId: string): Promise<void> {
  const [notice] = await context.database.db.select({ id: serviceNotices.id }).from(serviceNotices).where(eq(serviceNotices.id, noticeId));
  if (!notice) throw notFound('Notice');
  await context.database.db
    .insert(noticeAcknowledgements)
    .values({ organisationId: caller.organisationId, noticeId, userId: caller.userId, acknowledgedAt: context.now() })
    .onConflictDoNothing();
}
