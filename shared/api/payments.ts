import { z } from 'zod';
import { instantSchema, uuidSchema } from './common.js';

/**
 * A payment provider's report, in our own words. Each provider adapter turns its webhook into this
 * shape; the subscription rules react to the kind.
 */
export const paymentEventSchema = z
  .object({
    /** The provider's id for this event: a redelivery with the same id is recorded once. */
    eventId: z.string().min(1).max(200),
    organisationId: uuidSchema,
    kind: z.enum(['payment-succeeded', 'direct-debit-reversed', 'payment-overdue', 'refund']),
    invoiceNumber: z.string().min(1).max(64).optional(),
    amountCents: z.number().int().min(0).max(100_000_000),
    occurredAt: instantSchema,
  })
  .strict();
export type PaymentEvent = z.infer<typeof paymentEventSchema>;
