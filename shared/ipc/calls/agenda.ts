import { z } from 'zod';
import { appointmentCreateSchema, appointmentSchema, appointmentUpdateSchema } from '../../domain/appointment.js';
import { idSchema, isoDateTimeSchema } from '../../domain/common.js';
import { call } from '../define.js';

/** An appointment with the client names, so the calendar can label it without more calls. */
export const appointmentViewSchema = appointmentSchema.extend({
  clients: z.array(z.object({ id: idSchema, name: z.string() })),
});
export type AppointmentView = z.infer<typeof appointmentViewSchema>;

export const agendaCalls = {
  'agenda.list': call(
    z.object({ from: isoDateTimeSchema, to: isoDateTimeSchema, clientId: idSchema.optional() }).strict(),
    z.object({ items: z.array(appointmentViewSchema) }),
  ),
  'agenda.create': call(appointmentCreateSchema, appointmentViewSchema),
  'agenda.update': call(z.object({ appointmentId: idSchema, patch: appointmentUpdateSchema }).strict(), appointmentViewSchema),
  'agenda.delete': call(z.object({ appointmentId: idSchema }).strict(), z.object({})),
  'agenda.lockPast': call(z.object({ before: isoDateTimeSchema }).strict(), z.object({ locked: z.number().int() })),
};
