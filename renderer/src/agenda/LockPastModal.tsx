import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../bridge/index.js';
import { unwrap } from '../ipc/call.js';
import { useErrorText } from '../ipc/useErrorText.js';
import { AppModal } from '../ui/AppModal.js';
import { notify } from '../ui/notify.js';
import { agendaKey } from './useAgendaRange.js';

/** Locks every appointment that ended before today: permanent, so it asks first. */
export function LockPastModal({ before, onClose }: { before: string; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const lock = useMutation({
    mutationFn: () => unwrap(api.agenda.lockPast({ before })),
    onSuccess: async ({ locked }) => {
      await queryClient.invalidateQueries({ queryKey: agendaKey });
      notify({ message: t('agenda.lockPastDone', { count: locked }) });
      onClose();
    },
  });
  return (
    <AppModal opened onClose={onClose} title={t('agenda.lockPastTitle')} size="md">
      <Stack gap="md">
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          <Text fz="sm">{t('agenda.lockPastText')}</Text>
        </Alert>
        {lock.error && <Alert color="red" role="alert" title={errorText(lock.error)} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="#a3360a" onClick={() => lock.mutate()} loading={lock.isPending}>
            {t('agenda.lockPastConfirm')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
