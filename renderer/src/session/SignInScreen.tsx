import { Alert, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../bridge/index.js';
import { unwrap } from '../ipc/call.js';
import { useErrorText } from '../ipc/useErrorText.js';
import { AuthLayout } from './AuthLayout.js';
import { sessionKey } from './useSession.js';

export function SignInScreen() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { email: '', password: '' } });
  const signIn = useMutation({
    mutationFn: (values: { email: string; password: string }) => unwrap(api.session.signIn(values)),
    onSuccess: (status) => queryClient.setQueryData(sessionKey, status),
  });

  return (
    <AuthLayout>
      <form onSubmit={form.onSubmit((values) => signIn.mutate(values))} noValidate>
        <Stack gap="md">
          <Title order={1} fz={26}>
            {t('signIn.title')}
          </Title>
          <Text c="dimmed" fz="sm">
            {t('signIn.intro')}
          </Text>
          <TextInput
            label={t('signIn.email')}
            placeholder={t('signIn.emailPlaceholder')}
            type="email"
            autoComplete="username"
            required
            data-autofocus
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t('signIn.password')}
            autoComplete="current-password"
            visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
            required
            {...form.getInputProps('password')}
          />
          {signIn.error && (
            <Alert color="red" role="alert" title={errorText(signIn.error)} data-testid="sign-in-error" />
          )}
          <Button type="submit" size="md" loading={signIn.isPending}>
            {t('signIn.submit')}
          </Button>
          <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />}>
            <Text fz="sm">{t('signIn.firstTimeNote')}</Text>
          </Alert>
        </Stack>
      </form>
    </AuthLayout>
  );
}
