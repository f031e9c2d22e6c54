import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { PasswordField } from '../ui/PasswordField.js';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../bridge/index.js';
import { IpcCallError, unwrap } from '../ipc/call.js';
import { useErrorText } from '../ipc/useErrorText.js';
import { notify } from '../ui/notify.js';

/** The service's rule (shared/api/common.ts newPasswordSchema), said before anything is sent. */
const MIN_LENGTH = 12;

/**
 * Change password (SPEC §4): the central service first, then this laptop's key is re-wrapped, so
 * the offline unlock takes the new password at once. Needs the network: both must stay the same.
 * A wrong current password keeps the new one typed; only the field that was wrong is emptied.
 */
export function ChangePasswordCard({ online }: { online: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', repeat: '' },
    validate: {
      currentPassword: (value) => (value ? null : t('account.password.currentMissing')),
      newPassword: (value, values) => (value.length < MIN_LENGTH ? t('account.password.tooShort') : value === values.currentPassword ? t('account.password.same') : null),
      repeat: (value, values) => (value === values.newPassword ? null : t('account.password.mismatch')),
    },
  });
  const change = useMutation({
    mutationFn: (values: { currentPassword: string; newPassword: string }) => unwrap(api.account.changePassword(values)),
    onSuccess: () => {
      form.reset();
      notify({ message: t('account.password.changed') });
    },
    onError: (error) => {
      if (error instanceof IpcCallError && error.error.code === 'wrong_password') form.setFieldValue('currentPassword', '');
    },
  });
  const wrongCurrent = change.error instanceof IpcCallError && change.error.error.code === 'wrong_password';

  return (
    <Paper withBorder p="lg" radius="lg" component="section" aria-labelledby="change-password-title">
      <form onSubmit={form.onSubmit(({ currentPassword, newPassword }) => change.mutate({ currentPassword, newPassword }))} noValidate>
        <Stack gap="md">
          <Title order={2} fz={20} id="change-password-title">
            {t('account.password.title')}
          </Title>
          <Text fz="sm" c="dimmed">
            {t('account.password.intro')}
          </Text>
          <PasswordField
            label={t('account.password.current')}
            autoComplete="current-password"
            required
            {...form.getInputProps('currentPassword')}
          />
          <PasswordField
            label={t('account.password.new')}
            description={t('account.password.rules')}
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
          <PasswordField
            label={t('account.password.repeat')}
            autoComplete="new-password"
            required
            {...form.getInputProps('repeat')}
          />
          {change.error && !change.isPending && (
            <Alert color="red" role="alert" title={wrongCurrent ? t('account.password.wrongCurrent') : errorText(change.error)} data-testid="change-password-error" />
          )}
          <Group>
            <Button type="submit" loading={change.isPending} disabled={!online}>
              {t('account.password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
