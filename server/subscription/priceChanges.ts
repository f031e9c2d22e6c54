import { and, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { v7 as uuidv7 } from 'uuid';
import type { priceChangeAnnouncementSchema } from '../../shared/api/operator.js';
import { formatEuroCents } from '../../shared/subscription/index.js';
import { audit } from '../accounts/audit.js';
import type { ServiceContext } from '../context.js';
import { organisationNotices, subscriptions } from '../db/schema/index.js';
import type { PendingPriceChangeFacts, PriceChangeAnnouncement } from './port.js';
import { changeSubscription } from './store.js';
import { amsterdamMidnight } from './today.js';

type Announcement = z.output<typeof priceChangeAnnouncementSchema>;

/**
 * Art. 8: the operator announces a price change. Every paid subscription (or the ones named) is
 * checked by the rules on its own — a subscription younger than three months, a yearly one in its
 * first year, or one with a change already pending is refused and listed — and where it is
 * accepted, its admins get a notice in the app, saying until when they may cancel at once if the
 * new price is more than 1.5 times the current one.
 */
export async function announcePriceChange(context: ServiceContext, body: Announcement) {
  const change: PriceChangeAnnouncement =
    body.kind === 'indexation'
      ? { kind: 'indexation', effectiveOn: body.effectiveOn, index: body.index }
      : { kind: 'other', effectiveOn: body.effectiveOn, monthly: body.monthly, yearly: body.yearly };
  const rows = await context.database.db
    .select({ organisationId: subscriptions.organisationId })
    .from(subscriptions)
    .where(
      and(
        // Trials have no price (art. 5); blocked accounts keep their obligations (art. 9).
        inArray(subscriptions.status, ['active', 'blocked']),
        body.organisationIds ? inArray(subscriptions.organisationId, body.organisationIds) : undefined,
      ),
    );
  const announced: { organisationId: string; currentPriceCents: number; newPriceCents: number; newAmountDueOn: string; mayCancelUntil: string | null }[] = [];
  const refused: { organisationId: string; reason: string }[] = [];
  const listed = new Set(rows.map((row) => row.organisationId));
  for (const organisationId of body.organisationIds ?? []) if (!listed.has(organisationId)) refused.push({ organisationId, reason: 'no_paid_subscription' });

  for (const { organisationId } of rows) {
    const outcome = await context.database.db.transaction(async (tx) => {
      const result = await changeSubscription(context, tx, organisationId, (state, _activeUsers, today) =>
        context.subscriptionRules.announcePriceChange(state, change, today),
      );
      if (!result.ok) return result;
      const facts = context.subscriptionRules.pendingPriceChange(result.state);
      if (facts === null) throw new Error('a price change was accepted but none is pending');
      await tx.insert(organisationNotices).values({
        organisationId,
        id: uuidv7(),
        kind: 'price-change',
        ...noticeText(facts),
        publishedAt: context.now(),
        effectiveAt: amsterdamMidnight(facts.effectiveOn),
        mayCancelUntil: facts.mayCancelUntil,
      });
      await audit(context, tx, { organisationId, actorUserId: null, action: 'price-change.announced', detail: { by: 'service', ...facts } });
      return { ok: true as const, facts };
    });
    if (outcome.ok) {
      const { currentPriceCents, newPriceCents, newAmountDueOn, mayCancelUntil } = outcome.facts;
      announced.push({ organisationId, currentPriceCents, newPriceCents, newAmountDueOn, mayCancelUntil });
    } else {
      refused.push({ organisationId, reason: outcome.reason });
    }
  }
  return { announced, refused };
}

const dutchDate = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const spelled = (isoDate: string) => dutchDate.format(new Date(`${isoDate}T12:00:00Z`));

/** The notice as admins read it in the app (Dutch, like the terms; the amounts include VAT). */
export function noticeText(facts: PendingPriceChangeFacts): { title: string; body: string } {
  const period = facts.billingInterval === 'monthly' ? 'per maand' : 'per jaar';
  const why = facts.kind === 'indexation' ? 'Door de jaarlijkse inflatiecorrectie (art. 8)' : 'Door een prijswijziging (art. 8)';
  const lines = [
    `${why} kost uw abonnement vanaf ${spelled(facts.effectiveOn)} ${formatEuroCents(facts.newPriceCents)} ${period} in plaats van ${formatEuroCents(facts.currentPriceCents)}.`,
    `Het nieuwe bedrag betaalt u voor het eerst op ${spelled(facts.newAmountDueOn)}.`,
  ];
  if (facts.mayCancelUntil !== null) {
    lines.push(
      `De nieuwe prijs is meer dan anderhalf keer de huidige. De eigenaar van het account mag het abonnement daarom per direct opzeggen, tot en met ${spelled(facts.mayCancelUntil)}: kies in het beheer "Opzeggen om de prijsverhoging".`,
    );
  }
  return { title: `Prijswijziging per ${spelled(facts.effectiveOn)}`, body: lines.join(' ') };
}
