import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../ui/AppModal.js';

/** "Permanent vastzetten" cannot be undone by anyone: the user confirms knowing that. */
export function LockReportModal({ opened, onCancel, onConfirm, pending }: { opened: boolean; onCancel: () => void; onConfirm: () => void; pending: boolean }) {
  const { t } = useTranslation();
  return (
    <AppModal opened={opened} onClose={onCancel} title={t('reports.lockTitle')} size="md">
      <Stack gap="md">
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          <Text fz="sm">{t('reports.lockText')}</Text>
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="#a3360a" onClick={onConfirm} loading={pending}>
            {t('reports.lockConfirm')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
