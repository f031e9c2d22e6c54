import { clientDisplayName } from '../../../shared/domain/client.js';
import type { Appointment } from '../../../shared/domain/appointment.js';
import type { AppointmentView } from '../../../shared/ipc/calls/agenda.js';
import type { CoreServices } from '../core-services.js';
import type { HandlersFor } from '../handlers.js';

export function agendaHandlers({ session }: CoreServices): HandlersFor<'agenda'> {
  const view = (appointments: Appointment[]): AppointmentView[] => {
    const names = new Map(session.dossiers().clientList.all().map((c) => [c.id, clientDisplayName(c)]));
    return appointments.map((a) => ({ ...a, clients: a.clientIds.map((id) => ({ id, name: names.get(id) ?? '' })) }));
  };
  return {
    'agenda.list': async ({ from, to, clientId }) => {
      const items = session.dossiers().appointments.listRange(from, to);
      return { items: view(clientId ? items.filter((a) => a.clientIds.includes(clientId)) : items) };
    },
    'agenda.create': async (input) => view([session.dossiers().appointments.create(input)])[0]!,
    'agenda.update': async ({ appointmentId, patch }) => view([session.dossiers().appointments.update(appointmentId, patch)])[0]!,
    'agenda.delete': async ({ appointmentId }) => {
      session.dossiers().appointments.delete(appointmentId);
      return {};
    },
    'agenda.lockPast': async ({ before }) => ({ locked: session.dossiers().appointments.lockPast(before) }),
  };
}
