import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconClockPlus, IconLock, IconPencil, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppointmentView } from '../../../../shared/ipc/calls/agenda.js';
import { AppointmentModal, type AppointmentDraft } from '../../agenda/AppointmentModal.js';
import { timeFromAppointment } from '../../agenda/time-from-appointment.js';
import { useAgendaRange } from '../../agenda/useAgendaRange.js';
import { formatDateTime, formatTime } from '../../format/dates.js';
import { TimeRegistrationModal, type TimeDefaults } from '../../time/TimeRegistrationModal.js';

const DAY = 24 * 60 * 60_000;

/** This client's appointments, three months back and ahead; plan one here or register its time. */
export function ClientAgendaTab({ clientId }: { clientId: string }) {
  const { t, i18n } = useTranslation();
  const period = useMemo(() => ({ from: new Date(Date.now() - 90 * DAY).toISOString(), to: new Date(Date.now() + 90 * DAY).toISOString() }), []);
  const agenda = useAgendaRange(period.from, period.to, clientId);
  const [editing, setEditing] = useState<{ appointment: AppointmentView | null; initial: AppointmentDraft } | null>(null);
  const [timeFor, setTimeFor] = useState<TimeDefaults | null>(null);
  const now = Date.now();
  const items = agenda.data?.items ?? [];
  const upcoming = items.filter((a) => Date.parse(a.endsAt) >= now);
  const past = items.filter((a) => Date.parse(a.endsAt) < now).reverse();

  const planNew = () => {
    const start = new Date();
    start.setMinutes(0, 0, 0);
    start.setHours(start.getHours() + 1);
    setEditing({ appointment: null, initial: { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 30 * 60_000).toISOString(), clientIds: [clientId] } });
  };
  const row = (a: AppointmentView) => (
    <Paper key={a.id} withBorder radius="md" p="md" data-testid="client-appointment">
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={700}>
              {formatDateTime(a.startsAt, i18n.language)}–{formatTime(a.endsAt, i18n.language)}
            </Text>
            {a.lockedAt && (
              <Badge variant="light" color="gray" leftSection={<IconLock size={12} aria-hidden />}>
                {t('agenda.lockedBadge')}
              </Badge>
            )}
          </Group>
          <Text fz="sm">{a.title}</Text>
          {a.location && (
            <Text fz="sm" c="dimmed">
              {a.location}
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          <Button size="xs" variant="default" leftSection={<IconClockPlus size={14} aria-hidden />} onClick={() => setTimeFor(timeFromAppointment(a, clientId))}>
            {t('agenda.registerTime')}
          </Button>
          <Button size="xs" variant="default" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setEditing({ appointment: a, initial: { startsAt: a.startsAt, endsAt: a.endsAt, clientIds: a.clientIds } })}>
            {t('common.edit')}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
  return (
    <Stack gap="md">
      <Group justify="flex-end">
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={planNew}>
          {t('agenda.planForClient')}
        </Button>
      </Group>
      <Title order={2} fz={18}>
        {t('agenda.upcoming')}
      </Title>
      {upcoming.length === 0 ? (
        <Stack gap={4}>
          <Text c="dimmed">{t('agenda.noneForClient')}</Text>
          <Text fz="sm" c="dimmed">
            {t('agenda.noneUpcomingNextStep', { action: t('agenda.planForClient') })}
          </Text>
        </Stack>
      ) : (
        upcoming.map(row)
      )}
      <Title order={2} fz={18}>
        {t('agenda.past')}
      </Title>
      {past.length === 0 ? <Text c="dimmed">{t('agenda.noneForClient')}</Text> : past.map(row)}
      {editing && (
        <AppointmentModal
          appointment={editing.appointment}
          initial={editing.initial}
          onClose={() => setEditing(null)}
          onRegisterTime={(a) => {
            setEditing(null);
            setTimeFor(timeFromAppointment(a, clientId));
          }}
        />
      )}
      {timeFor && <TimeRegistrationModal defaults={timeFor} onClose={() => setTimeFor(null)} />}
    </Stack>
  );
}
