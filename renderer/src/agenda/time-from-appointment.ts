import type { AppointmentView } from '../../../shared/ipc/calls/agenda.js';
import { toIsoDate } from '../format/dates.js';
import type { TimeDefaults } from '../time/TimeRegistrationModal.js';

/** A home visit becomes a time registration: its date, its length in minutes, a link to it. */
export function timeFromAppointment(appointment: AppointmentView, clientId: string): TimeDefaults {
  const minutes = Math.max(1, Math.round((Date.parse(appointment.endsAt) - Date.parse(appointment.startsAt)) / 60_000));
  return { clientId, date: toIsoDate(appointment.startsAt), amount: minutes, unit: 'minuut', appointmentId: appointment.id, appointmentTitle: appointment.title };
}
