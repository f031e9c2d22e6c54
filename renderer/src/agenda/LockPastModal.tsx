import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../bridge/index.js';
import { formatDate, fromLocalInput, toIsoDate } from '../format/dates.js';
import { DateField } from '../forms/DateField.js';
import { unwrap } from '../ipc/call.js';
import { useErrorText } from '../ipc/useErrorText.js';
import { AppModal } from '../ui/AppModal.js';
import { notify } from '../ui/notify.js';
import { agendaKey } from './useAgendaRange.js';

/** "2026-11-24" → "2026-11-25": calendar arithmetic at noon UTC, so no offset can shift the day. */
function dayAfter(isoDate: string): string {
  return new Date(Date.parse(`${isoDate}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * Locks every appointment that ended on or before a day the user chooses (at the latest
 * yesterday: today is not past yet). Permanent, so it names the day on the button.
 */
export function LockPastModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const today = toIsoDate(new Date().toISOString());
  const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const [through, setThrough] = useState(yesterday);
  const lock = useMutation({
    // The store locks what ended before `before`: the start of the day after the chosen one, in Amsterdam.
    mutationFn: (day: string) => unwrap(api.agenda.lockPast({ before: fromLocalInput(`${dayAfter(day)}T00:00`)! })),
    onSuccess: async ({ locked }) => {
      await queryClient.invalidateQueries({ queryKey: agendaKey });
      notify({ message: t('agenda.lockPastDone', { count: locked }) });
      onClose();
    },
  });
  const tooLate = through !== '' && through > yesterday;
  return (
    <AppModal opened onClose={onClose} title={t('agenda.lockPastTitle')} size="md">
      <Stack gap="md">
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          <Text fz="sm">{t('agenda.lockPastText')}</Text>
        </Alert>
        <DateField
          label={t('agenda.lockThrough')}
          description={t('agenda.lockThroughHint')}
          value={through}
          onChange={setThrough}
          maxDate={yesterday}
          required
          error={tooLate ? t('agenda.lockThroughTooLate') : undefined}
        />
        {lock.error && <Alert color="red" role="alert" title={errorText(lock.error)} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="#a3360a" onClick={() => lock.mutate(through)} loading={lock.isPending} disabled={through === '' || tooLate}>
            {through === '' ? t('agenda.lockPastConfirm') : t('agenda.lockPastConfirmThrough', { date: formatDate(through) })}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
