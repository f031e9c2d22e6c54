import FullCalendar, { type DateSelectInfo, type EventApi, type EventClickInfo, type EventDropInfo, type EventResizeDoneInfo } from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import interactionPlugin from '@fullcalendar/react/interaction';
import nlLocale from '@fullcalendar/react/locales/nl';
import classicThemePlugin from '@fullcalendar/react/themes/classic';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconLock, IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppointmentView } from '../../../shared/ipc/calls/agenda.js';
import { api } from '../bridge/index.js';
import { formatDateTime, formatTime } from '../format/dates.js';
import { IpcCallError, unwrap } from '../ipc/call.js';
import { useErrorText } from '../ipc/useErrorText.js';
import { TimeRegistrationModal, type TimeDefaults } from '../time/TimeRegistrationModal.js';
import { notify } from '../ui/notify.js';
import { AppointmentModal, type AppointmentDraft } from './AppointmentModal.js';
import { LockPastModal } from './LockPastModal.js';
import classes from './AgendaPage.module.css';
import { timeFromAppointment } from './time-from-appointment.js';
import { agendaKey, useAgendaRange } from './useAgendaRange.js';

const plugins = [dayGridPlugin, timeGridPlugin, interactionPlugin, classicThemePlugin];
const locales = [nlLocale];

type Editing = { appointment: AppointmentView | null; initial: AppointmentDraft } | null;

function nextHour(): AppointmentDraft {
  const start = new Date();
  start.setMinutes(0, 0, 0);
  start.setHours(start.getHours() + 1);
  return { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 30 * 60_000).toISOString(), clientIds: [] };
}

/** The user's agenda: day, week and month; drag to plan, drag or stretch to move; locked past stays put. */
export function AgendaPage() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [timeFor, setTimeFor] = useState<TimeDefaults | null>(null);
  const [lockingPast, setLockingPast] = useState(false);
  const agenda = useAgendaRange(range?.from ?? null, range?.to ?? null);
  const byId = useMemo(() => new Map((agenda.data?.items ?? []).map((a) => [a.id, a])), [agenda.data]);
  const events = useMemo(
    () =>
      (agenda.data?.items ?? []).map((a) => ({
        id: a.id,
        title: a.clients.length > 0 ? `${a.title} · ${a.clients.map((c) => c.name).join(', ')}` : a.title,
        start: a.startsAt,
        end: a.endsAt,
        // A locked one can still be picked up: the store refuses the move and says why, instead of the drag silently doing nothing.
        // td-appointment: a stable hook for tests; the module class styles a locked one.
        className: a.lockedAt ? `td-appointment ${classes.lockedEvent}` : 'td-appointment',
      })),
    [agenda.data],
  );

  const move = useMutation({
    mutationFn: ({ id, startsAt, endsAt }: { id: string; startsAt: string; endsAt: string }) => unwrap(api.agenda.update({ appointmentId: id, patch: { startsAt, endsAt } })),
    onSuccess: (a) => notify({ message: t('agenda.moved', { at: formatDateTime(a.startsAt, i18n.language) }) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: agendaKey }),
  });
  const onChange = (info: EventDropInfo | EventResizeDoneInfo) => {
    const { event } = info;
    if (!event.start || !event.end) return info.revert();
    move.mutate(
      { id: event.id, startsAt: event.start.toISOString(), endsAt: event.end.toISOString() },
      {
        onError: (error) => {
          info.revert();
          const locked = error instanceof IpcCallError && error.error.code === 'record_locked';
          notify({ color: 'red', message: locked ? t('agenda.lockedMoveRefused') : errorText(error) });
        },
      },
    );
  };
  const hoverText = (event: EventApi) =>
    [
      event.start && event.end ? `${formatTime(event.start.toISOString(), i18n.language)}–${formatTime(event.end.toISOString(), i18n.language)}` : '',
      event.title,
      byId.get(event.id)?.location,
    ]
      .filter(Boolean)
      .join(' · ');
  const registerTime = (appointment: AppointmentView) => {
    setEditing(null);
    setTimeFor(timeFromAppointment(appointment, appointment.clientIds[0]!));
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} fz={26}>
            {t('agenda.title')}
          </Title>
          <Text fz="sm" c="dimmed">
            {t('agenda.hint')}
          </Text>
        </div>
        <Group>
          <Button variant="default" leftSection={<IconLock size={16} aria-hidden />} onClick={() => setLockingPast(true)}>
            {t('agenda.lockPast')}
          </Button>
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({ appointment: null, initial: nextHour() })}>
            {t('agenda.newAppointment')}
          </Button>
        </Group>
      </Group>
      <Paper withBorder radius="lg" p="md" className={classes.calendar}>
        <FullCalendar
          plugins={plugins}
          locales={locales}
          locale={i18n.language === 'en' ? 'en' : 'nl'}
          timeZone="Europe/Amsterdam"
          initialView="timeGridWeek"
          headerToolbar={{ start: 'prev,next today', center: 'title', end: 'timeGridDay,timeGridWeek,dayGridMonth' }}
          firstDay={1}
          slotMinTime="07:00:00"
          slotMaxTime="22:00:00"
          scrollTime="08:00:00"
          allDaySlot={false}
          nowIndicator
          height="auto"
          selectable
          selectMirror
          editable
          eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
          slotHeaderFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
          datesSet={(info) => {
            // FullCalendar reports the range again on every re-render; only a real change may set state.
            const from = info.start.toISOString();
            const to = info.end.toISOString();
            setRange((current) => (current?.from === from && current.to === to ? current : { from, to }));
          }}
          events={events}
          // A short visit has room for one line; the whole title (and place) shows on hover.
          eventDidMount={(info) => info.el.setAttribute('title', hoverText(info.event))}
          // FullCalendar mounts an event once; after a move or stretch the hover text is renewed here, so it never shows the old times.
          eventMouseEnter={(info) => info.el.setAttribute('title', hoverText(info.event))}
          select={(info: DateSelectInfo) =>
            setEditing({ appointment: null, initial: { startsAt: info.start.toISOString(), endsAt: info.end.toISOString(), clientIds: [] } })
          }
          eventClick={(info: EventClickInfo) => {
            const appointment = byId.get(info.event.id);
            if (appointment) setEditing({ appointment, initial: { startsAt: appointment.startsAt, endsAt: appointment.endsAt, clientIds: appointment.clientIds } });
          }}
          eventDrop={onChange}
          eventResize={onChange}
        />
      </Paper>
      {editing && <AppointmentModal appointment={editing.appointment} initial={editing.initial} onClose={() => setEditing(null)} onRegisterTime={registerTime} />}
      {timeFor && <TimeRegistrationModal defaults={timeFor} onClose={() => setTimeFor(null)} />}
      {lockingPast && <LockPastModal onClose={() => setLockingPast(false)} />}
    </Stack>
  );
}
