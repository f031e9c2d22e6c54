import { z } from 'zod';
import { downgradeRequestSchema } from './admin.js';
import { instantSchema, uuidSchema } from './common.js';

/**
 * The operator API: what the service's own staff do for customers (art. 6: approving downgrade
 * requests; art. 8: announcing price changes). Authenticated by the deployment's operator token.
 */
export const operatorDowngradeRequestSchema = downgradeRequestSchema.extend({ organisationId: uuidSchema, organisationName: z.string() });
export const operatorDowngradeRequestListSchema = z.object({ requests: z.array(operatorDowngradeRequestSchema) });
export const operatorDowngradeQuerySchema = z.object({ status: z.enum(['pending', 'approved', 'refused']).default('pending') }).strict();
export const organisationItemParamsSchema = z.object({ organisationId: uuidSchema, id: uuidSchema }).strict();
const centsSchema = z.number().int().min(0).max(100_000_000);
const planPriceListSchema = z
  .object({ 'solo-1': centsSchema, 'team-2-4': centsSchema, 'team-5-9': centsSchema, 'team-10-14': centsSchema, 'contract-15-plus': centsSchema })
  .strict();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'write the date as YYYY-MM-DD');
/** Limit the announcement to these organisations (e.g. contract customers); default: every paid subscription. */
const organisationIdsSchema = z.array(uuidSchema).min(1).max(10_000).optional();

/**
 * Art. 8: a price change. Indexation raises each subscription's own prices by the CBS figure
 * (basis points: 410 = 4.10 %); another change sets new list prices (euro cents per billing period,
 * VAT included) for monthly and yearly subscriptions, announced at least a month ahead. Each
 * subscription is checked by the rules on its own (not within three months of its start, …).
 */
export const priceChangeAnnouncementSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('indexation'),
      effectiveOn: isoDate,
      index: z.object({ name: z.enum(['CPI', 'HICP']), basisPoints: z.number().int().min(-10_000).max(10_000) }).strict(),
      organisationIds: organisationIdsSchema,
    })
    .strict(),
  z.object({ kind: z.literal('other'), effectiveOn: isoDate, monthly: planPriceListSchema, yearly: planPriceListSchema, organisationIds: organisationIdsSchema }).strict(),
]);
export const priceChangeAnnouncedSchema = z.object({
  announced: z.array(
    z.object({
      organisationId: uuidSchema,
      currentPriceCents: z.number().int(),
      newPriceCents: z.number().int(),
      newAmountDueOn: isoDate,
      /** Art. 8: the owner may cancel at once through this day (increase above 1.5×); null = no such right. */
      mayCancelUntil: isoDate.nullable(),
    }),
  ),
  /** Subscriptions the rules refused the change for, with the rule's reason (e.g. within three months of the start). */
  refused: z.array(z.object({ organisationId: uuidSchema, reason: z.string() })),
});

export const downgradeDecisionBodySchema = z.object({ approve: z.boolean(), note: z.string().trim().max(2000).optional() }).strict();

/**
 * Art. 15 and art. 4: a notice to every organisation. Changed terms take effect on a day (the lead
 * time is checked by the rules); maintenance has a start and an end, announced at least three
 * working days ahead.
 */
export const noticePublicationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('terms-change'), title: z.string().min(1).max(200), body: z.string().min(1).max(4000), effectiveOn: isoDate }).strict(),
  z.object({ kind: z.literal('maintenance'), title: z.string().min(1).max(200), body: z.string().min(1).max(4000), startsAt: instantSchema, endsAt: instantSchema }).strict(),
]);
export const noticePublishedSchema = z.object({ id: uuidSchema });
