import { Alert, Button, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../bridge/index.js';
import { unwrap } from '../ipc/call.js';
import { useErrorText } from '../ipc/useErrorText.js';
import { AuthLayout } from './AuthLayout.js';
import { sessionKey } from './useSession.js';

export function UnlockScreen({ displayName }: { displayName: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { password: '' } });
  const unlock = useMutation({
    mutationFn: (values: { password: string }) => unwrap(api.session.unlock(values)),
    onSuccess: (status) => queryClient.setQueryData(sessionKey, status),
    onError: () => form.setFieldValue('password', ''),
  });

  return (
    <AuthLayout>
      <form onSubmit={form.onSubmit((values) => unlock.mutate(values))} noValidate>
        <Stack gap="md">
          <Title order={1} fz={26}>
            {t('unlock.title')}
          </Title>
          <Text c="dimmed" fz="sm">
            {t('unlock.intro', { name: displayName })}
          </Text>
          <PasswordInput
            label={t('unlock.password')}
            autoComplete="current-password"
            visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
            required
            data-autofocus
            {...form.getInputProps('password')}
          />
          {unlock.error && <Alert color="red" role="alert" title={errorText(unlock.error)} />}
          <Button type="submit" size="md" loading={unlock.isPending}>
            {t('unlock.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
