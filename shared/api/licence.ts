import { z } from 'zod';
import { leasePublicKeySchema } from '../licence/lease.js';

export const leaseKeysResponseSchema = z.object({ keys: z.array(leasePublicKeySchema) });
