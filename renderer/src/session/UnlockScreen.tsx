import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { PasswordField } from '../ui/PasswordField.js';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../bridge/index.js';
import { unwrap } from '../ipc/call.js';
import { useErrorText } from '../ipc/useErrorText.js';
import { AuthLayout } from './AuthLayout.js';
import { SignInScreen } from './SignInScreen.js';
import { sessionKey } from './useSession.js';

/**
 * Offline unlock with the password. "Sign in online" is the way back after too many wrong
 * passwords, or after the password was changed on another device: the central service confirms
 * the password and the store's counters reset.
 */
export function UnlockScreen({ displayName, email }: { displayName: string; email?: string }) {
  const { t } = useTranslation();
  const [online, setOnline] = useState(false);
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { password: '' } });
  const unlock = useMutation({
    mutationFn: (values: { password: string }) => unwrap(api.session.unlock(values)),
    onSuccess: (status) => queryClient.setQueryData(sessionKey, status),
    onError: () => form.setFieldValue('password', ''),
  });

  if (online) return <SignInScreen initialEmail={email} onCancel={() => setOnline(false)} />;

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
          <PasswordField
            label={t('unlock.password')}
            autoComplete="current-password"
            required
            data-autofocus
            {...form.getInputProps('password')}
          />
          {unlock.error && <Alert color="red" role="alert" title={errorText(unlock.error)} />}
          <Button type="submit" size="md" loading={unlock.isPending}>
            {t('unlock.submit')}
          </Button>
          {/* The reason is long: let it wrap inside the card instead of being cut off. */}
          <Button variant="subtle" size="sm" h="auto" py={6} styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }} onClick={() => setOnline(true)} data-testid="unlock-sign-in-online">
            {t('unlock.signInOnline')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
