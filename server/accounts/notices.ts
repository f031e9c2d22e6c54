import { and, desc, eq, gt, isNull, or } from 'drizzle-orm';
import type { ServiceContext } from '../context.js';
import { noticeAcknowledgements, organisationNotices, serviceNotices } from '../db/schema/index.js';
import type { Caller } from '../http/authenticate.js';
import { notFound } from '../http/httpError.js';

const NINETY_DAYS_MS = 90 * 24 * 60 * 60 * 1000;

/**
 * Notices still relevant: terms not yet older than 90 days in force, maintenance not yet over; for
 * admins and the owner also their organisation's price changes (art. 8), until 90 days in force.
 */
export async function listNotices(context: ServiceContext, caller: Caller) {
  const now = context.now();
  const horizon = new Date(now.getTime() - NINETY_DAYS_MS);
  const acknowledged = await acknowledgedIds(context, caller);
  const serviceRows = await context.database.db
    .select()
    .from(serviceNotices)
    .where(
      or(
        and(eq(serviceNotices.kind, 'maintenance'), or(isNull(serviceNotices.endsAt), gt(serviceNotices.endsAt, now))),
        and(eq(serviceNotices.kind, 'terms-change'), gt(serviceNotices.effectiveAt, horizon)),
      ),
    )
    .orderBy(desc(serviceNotices.effectiveAt));
  const forAdmins = caller.role === 'owner' || caller.role === 'admin';
  const organisationRows = forAdmins
    ? await context.database.db
        .select()
        .from(organisationNotices)
        .where(and(eq(organisationNotices.organisationId, caller.organisationId), gt(organisationNotices.effectiveAt, horizon)))
    : [];
  const notices = [
    ...serviceRows.map((notice) => ({ ...notice, mayCancelUntil: null })),
    ...organisationRows.map((notice) => ({ ...notice, endsAt: null })),
  ].sort((a, b) => b.effectiveAt.getTime() - a.effectiveAt.getTime());
  return notices.map((notice) => ({
    id: notice.id,
    kind: notice.kind,
    title: notice.title,
    body: notice.body,
    publishedAt: notice.publishedAt.toISOString(),
    effectiveAt: notice.effectiveAt.toISOString(),
    endsAt: notice.endsAt?.toISOString() ?? null,
    acknowledged: acknowledged.has(notice.id),
    mayCancelUntil: notice.mayCancelUntil,
  }));
}

async function acknowledgedIds(context: ServiceContext, caller: Caller): Promise<Set<string>> {
  const rows = await context.database.db
    .select({ noticeId: noticeAcknowledgements.noticeId })
    .from(noticeAcknowledgements)
    .where(and(eq(noticeAcknowledgements.organisationId, caller.organisationId), eq(noticeAcknowledgements.userId, caller.userId)));
  return new Set(rows.map((row) => row.noticeId));
}

/** A notice the caller may see: a service notice, or (admins) one of their organisation's. */
export async function acknowledgeNotice(context: ServiceContext, caller: Caller, noticeId: string): Promise<void> {
  const [service] = await context.database.db.select({ id: serviceNotices.id }).from(serviceNotices).where(eq(serviceNotices.id, noticeId));
  const own =
    !service && (caller.role === 'owner' || caller.role === 'admin')
      ? (
          await context.database.db
            .select({ id: organisationNotices.id })
            .from(organisationNotices)
            .where(and(eq(organisationNotices.organisationId, caller.organisationId), eq(organisationNotices.id, noticeId)))
        )[0]
      : undefined;
  if (!service && !own) throw notFound('Notice');
  await context.database.db
    .insert(noticeAcknowledgements)
    .values({ organisationId: caller.organisationId, noticeId, userId: caller.userId, acknowledgedAt: context.now() })
    .onConflictDoNothing();
}
