import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { PasswordField } from '../ui/PasswordField.js';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { BackupSummaryItem } from '../../../shared/ipc/calls/backup.js';
import { formatDateTime } from '../format/dates.js';
import { IpcCallError } from '../ipc/call.js';
import { useErrorText } from '../ipc/useErrorText.js';
import { AppModal } from '../ui/AppModal.js';
import { notify } from '../ui/notify.js';
import { restoreErrorText } from './restore-error-text.js';
import { useRestoreBackup } from './useBackups.js';

/** "Terugzetten": says what will be replaced and what may be lost, then asks the password again. */
export function RestoreBackupModal({ backup, kept, onClose }: { backup: BackupSummaryItem; kept: number; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const date = formatDateTime(backup.createdAt, i18n.language);
  const form = useForm<{ password: string }>({ defaultValues: { password: '' } });
  const restore = useRestoreBackup(() => {
    notify({ message: t('backup.restored', { date }) });
    onClose();
  });
  const passwordRefused = restore.error instanceof IpcCallError && ['wrong_password', 'too_many_attempts'].includes(restore.error.error.code);
  const refusal = restore.error ? restoreErrorText(restore.error, t, kept) : null;

  const submit = form.handleSubmit(({ password }) =>
    restore.mutate({ name: backup.name, password }, { onError: () => form.setValue('password', '') }),
  );
  return (
    <AppModal opened onClose={restore.isPending ? () => undefined : onClose} title={t('backup.restoreTitle')} size="lg" closeOnClickOutside={!restore.isPending}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <Alert color="orange" icon={<IconAlertTriangle size={20} aria-hidden />} title={t('backup.restoreWarning', { date })}>
            <List size="sm" spacing={4}>
              <List.Item>{t('backup.restoreLost')}</List.Item>
              <List.Item>{t('backup.restoreSafe')}</List.Item>
            </List>
          </Alert>
          <PasswordField
            label={t('backup.restorePassword')}
            description={t('backup.restorePasswordHint')}
            autoComplete="current-password"
            required
            data-autofocus
            error={passwordRefused ? errorText(restore.error) : form.formState.errors.password?.message}
            {...form.register('password', { required: t('errors.wrong_password') })}
          />
          {refusal && (
            <Alert color="red" role="alert" data-testid="restore-refused">
              <Text fz="sm">{refusal}</Text>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={restore.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={restore.isPending}>
              {t('backup.restoreConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
