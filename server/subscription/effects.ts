import { and, eq, isNull, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { SubscriptionEffect } from '../../shared/subscription/index.js';
import type { ServiceContext } from '../context.js';
import type { Queryable } from '../db/database.js';
import { queryRows } from '../db/raw.js';
import { invoices, organisations, subscriptionEvents } from '../db/schema/index.js';

/**
 * Carries out what a transition of the rules asks for. Invoices and fees become invoice rows; every
 * effect is also kept in subscription_events, so schedules and notices can be acted on by a worker
 * and support can read what happened.
 */
export async function applyEffects(context: ServiceContext, tx: Queryable, organisationId: string, effects: readonly SubscriptionEffect[]): Promise<void> {
  const now = context.now();
  for (const effect of effects) {
    const id = uuidv7();
    await tx.insert(subscriptionEvents).values({
      organisationId,
      id,
      kind: `effect:${effect.type}`,
      source: 'rules',
      sourceEventId: id,
      payload: effect,
      occurredAt: now,
      recordedAt: now,
    });
    if (effect.type === 'issue_invoice') {
      await insertInvoice(tx, organisationId, {
        periodStart: effect.periodStart,
        periodEnd: effect.periodEnd,
        description: `Abonnement ${effect.plan}`,
        amountCents: effect.amountCents,
        issuedAt: now,
        dueAt: new Date(`${effect.dueOn}T00:00:00Z`),
      });
    } else if (effect.type === 'wipe_data') {
      // The agreement ended: no access from now on, except the signed 'ended' lease that tells
      // devices to wipe their copies. The rows themselves go with `purge-ended` after the grace.
      await tx.update(organisations).set({ endedAt: now }).where(and(eq(organisations.id, organisationId), isNull(organisations.endedAt)));
    } else if (effect.type === 'charge_fee') {
      const today = now.toISOString().slice(0, 10);
      await insertInvoice(tx, organisationId, {
        periodStart: today,
        periodEnd: today,
        description: 'Kosten stornering (art. 9)',
        amountCents: effect.amountCents,
        issuedAt: now,
        dueAt: now,
      });
    }
  }
}

interface NewInvoice {
  periodStart: string;
  periodEnd: string;
  description: string;
  amountCents: number;
  issuedAt: Date;
  dueAt: Date;
}

/** Invoice numbers count per organisation and year: 2026-0001, 2026-0002, … */
async function insertInvoice(tx: Queryable, organisationId: string, invoice: NewInvoice): Promise<void> {
  const year = invoice.issuedAt.getUTCFullYear();
  // Runs under the subscription row's lock (changeSubscription), so two invoices never share a number.
  const [counted] = await queryRows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM ${invoices} WHERE ${invoices.organisationId} = ${organisationId} AND ${invoices.number} LIKE ${`${year}-%`}`,
  );
  const next = Number(counted?.n ?? 0) + 1;
  await tx.insert(invoices).values({
    organisationId,
    id: uuidv7(),
    number: `${year}-${String(next).padStart(4, '0')}`,
    status: 'open',
    ...invoice,
  });
}
