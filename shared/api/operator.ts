import { z } from 'zod';
import { downgradeRequestSchema } from './admin.js';
import { uuidSchema } from './common.js';

/**
 * The operator API: what the service's own staff do for customers (art. 6: approving downgrade
 * requests; art. 8: announcing price changes). Authenticated by the deployment's operator token.
 */
export const operatorDowngradeRequestSchema = downgradeRequestSchema.extend({ organisationId: uuidSchema, organisationName: z.string() });
export const operatorDowngradeRequestListSchema = z.object({ requests: z.array(operatorDowngradeRequestSchema) });
export const operatorDowngradeQuerySchema = z.object({ status: z.enum(['pending', 'approved', 'refused']).default('pending') }).strict();
export const organisationItemParamsSchema = z.object({ organisationId: uuidSchema, id: uuidSchema }).strict();
export const downgradeDecisionBodySchema = z.object({ approve: z.boolean(), note: z.string().trim().max(2000).optional() }).strict();
