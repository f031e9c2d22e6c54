import { z } from 'zod';
import { idSchema } from '../../domain/common.js';
import { allocationSchema, timeRegistrationCreateSchema, timeRegistrationSchema } from '../../domain/time-registration.js';
import { call } from '../define.js';

export const timeRegistrationViewSchema = timeRegistrationSchema.extend({ userName: z.string() });
export type TimeRegistrationView = z.infer<typeof timeRegistrationViewSchema>;

export const timeCalls = {
  'time.list': call(
    z.object({ clientId: idSchema }).strict(),
    z.object({ items: z.array(timeRegistrationViewSchema), allocations: z.array(allocationSchema) }),
  ),
  'time.create': call(timeRegistrationCreateSchema, timeRegistrationViewSchema),
  'time.delete': call(z.object({ timeRegistrationId: idSchema }).strict(), z.object({})),
};
