import { and, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { PaymentEvent } from '../../shared/api/payments.js';
import type { ServiceContext } from '../context.js';
import { invoices, organisations, subscriptionEvents } from '../db/schema/index.js';
import { HttpError, notFound } from '../http/httpError.js';
import { changeSubscription } from '../subscription/store.js';
import { amsterdamDate } from '../subscription/today.js';

const invoiceStatusAfter: Record<PaymentEvent['kind'], 'paid' | 'reversed' | 'overdue' | null> = {
  'payment-succeeded': 'paid',
  'direct-debit-reversed': 'reversed',
  'payment-overdue': 'overdue',
  refund: null,
};

/**
 * A provider's payment event: checked for its signature, recorded once (a redelivered webhook is
 * recognised by the provider's event id), then handed to the subscription rules in the same
 * transaction, so the record and its effect never part.
 */
export async function recordPaymentEvent(
  context: ServiceContext,
  providerName: string,
  event: PaymentEvent,
  headers: Readonly<Record<string, string | string[] | undefined>>,
  rawBody: string,
): Promise<{ recorded: boolean; eventId: string | null }> {
  const provider = context.payments.get(providerName);
  if (!provider) throw notFound('Payment provider');
  if (!provider.verify(headers, rawBody)) throw new HttpError(401, 'invalid_signature', 'The event’s signature does not verify.');
  return context.database.db.transaction(async (tx) => {
    const [organisation] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, event.organisationId));
    if (!organisation) throw notFound('Organisation');
    const id = uuidv7();
    const inserted = await tx
      .insert(subscriptionEvents)
      .values({
        organisationId: event.organisationId,
        id,
        kind: event.kind,
        source: provider.name,
        sourceEventId: event.eventId,
        payload: event,
        occurredAt: new Date(event.occurredAt),
        recordedAt: context.now(),
      })
      .onConflictDoNothing()
      .returning({ id: subscriptionEvents.id });
    if (inserted.length === 0) return { recorded: false, eventId: null };
    const status = invoiceStatusAfter[event.kind];
    let dueOn = event.occurredAt.slice(0, 10);
    let invoicePeriodStart: string | null = null;
    if (event.invoiceNumber && status) {
      const [invoice] = await tx
        .update(invoices)
        .set({ status, ...(status === 'paid' ? { paidAt: new Date(event.occurredAt) } : {}) })
        .where(and(eq(invoices.organisationId, event.organisationId), eq(invoices.number, event.invoiceNumber)))
        .returning({ dueAt: invoices.dueAt, periodStart: invoices.periodStart });
      if (invoice) {
        dueOn = amsterdamDate(invoice.dueAt);
        invoicePeriodStart = invoice.periodStart;
      }
    }
    const outcome = await changeSubscription(context, tx, event.organisationId, (state, _activeUsers, today) =>
      context.subscriptionRules.payment(state, event, dueOn, today, invoicePeriodStart),
    );
    // A refusal (nothing outstanding, say) is recorded with the event, not retried by the provider.
    if (!outcome.ok) context.log.warn({ organisationId: event.organisationId, reason: outcome.reason }, 'payment event refused by the subscription rules');
    return { recorded: true, eventId: id };
  });
}
