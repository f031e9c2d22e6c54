import { z } from 'zod';
import { idSchema, isoDateTimeSchema, syncMetaSchema, text } from './common.js';

const appointmentFields = {
  title: text('De omschrijving', 200).min(1, 'Geef de afspraak een omschrijving'),
  startsAt: isoDateTimeSchema,
  endsAt: isoDateTimeSchema,
  location: text('De locatie', 300).nullable().optional(),
  notes: text('De notitie', 10_000).nullable().optional(),
  practitionerIds: z.array(idSchema).min(1, 'Kies minstens één zorgverlener').max(20, 'Hoogstens 20 zorgverleners'),
  /** A home visit has one client; a group session may have several; an internal meeting none. */
  clientIds: z.array(idSchema).max(20, 'Hoogstens 20 cliënten'),
};

function checkTimes(value: { startsAt?: string; endsAt?: string }, ctx: z.RefinementCtx) {
  if (value.startsAt && value.endsAt && Date.parse(value.endsAt) <= Date.parse(value.startsAt)) {
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'Het einde van de afspraak ligt niet na het begin' });
  }
}

export const appointmentCreateSchema = z
  .object({ ...appointmentFields, id: idSchema.optional() })
  .strict()
  .superRefine(checkTimes);
export type AppointmentCreate = z.input<typeof appointmentCreateSchema>;

export const appointmentUpdateSchema = z.object(appointmentFields).partial().strict().superRefine(checkTimes);
export type AppointmentUpdate = z.input<typeof appointmentUpdateSchema>;

export const appointmentSchema = syncMetaSchema.extend({
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  location: z.string().nullable(),
  notes: z.string().nullable(),
  practitionerIds: z.array(idSchema),
  clientIds: z.array(idSchema),
  lockedAt: z.string().nullable(),
});
export type Appointment = z.infer<typeof appointmentSchema>;
