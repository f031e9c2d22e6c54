import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { AuthenticatorCodeField } from '../ui/AuthenticatorCodeField.js';
import { PasswordField } from '../ui/PasswordField.js';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionStatus, SignInResult } from '../../../shared/ipc/calls/session.js';

import { api } from '../bridge/index.js';
import { IpcCallError, unwrap } from '../ipc/call.js';
import { useErrorText } from '../ipc/useErrorText.js';
import { AuthLayout } from './AuthLayout.js';
import { TwoFactorSetUp } from './two-factor/TwoFactorSetUp.js';
import { sessionKey } from './useSession.js';

type WipedNotice = Extract<SessionStatus, { state: 'no-account' }>['wiped'];
type SetUp = Extract<SignInResult, { state: 'two-factor-set-up' }>['setUp'];

interface Credentials {
  email: string;
  password: string;
  /** Only after the core asked for it: the password the store on this laptop still opens with. */
  previousPassword?: string;
}

/** The core asks for the previous password when the service has a newer one than this laptop's store. */
const asksPreviousPassword = (error: unknown) => error instanceof IpcCallError && (error.error.issues ?? []).some((issue) => issue.path === 'previousPassword');

/**
 * The online sign-in: e-mail and password, then — when the central service asks — the code from
 * the authenticator app as a second step. When the organisation requires that second step and the
 * account has none yet, it is set up first (TwoFactorSetUp) and the sign-in goes on with the next
 * code. The password stays in this component's memory only until the sign-in ends (the core needs
 * it again with the code).
 */
export function SignInScreen({ initialEmail, onCancel, wiped }: { initialEmail?: string | undefined; onCancel?: () => void; wiped?: WipedNotice | undefined } = {}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { email: initialEmail ?? '', password: '', previousPassword: '' } });
  const [askPrevious, setAskPrevious] = useState(false);
  const [secondStep, setSecondStep] = useState<{ credentials: Credentials; invalid: boolean; afterSetUp: boolean } | null>(null);
  const [setUp, setSetUp] = useState<{ credentials: Credentials; setUp: SetUp } | null>(null);
  const [setUpExpired, setSetUpExpired] = useState(false);
  const [code, setCode] = useState('');

  const signIn = useMutation({
    mutationFn: (input: Credentials & { totp?: string }) => unwrap(api.session.signIn(input)),
    onSuccess: (result: SignInResult, input) => {
      const credentials: Credentials = { email: input.email, password: input.password, ...(input.previousPassword ? { previousPassword: input.previousPassword } : {}) };
      setSetUpExpired(false);
      if (result.state === 'two-factor-set-up') {
        setSetUp({ credentials, setUp: result.setUp });
        return;
      }
      if (result.state === 'two-factor') {
        setSecondStep((current) => ({ credentials, invalid: result.reason === 'invalid', afterSetUp: current?.afterSetUp ?? false }));
        setCode('');
        return;
      }
      setSecondStep(null);
      queryClient.setQueryData(sessionKey, result);
    },
    onError: (error) => {
      if (asksPreviousPassword(error)) setAskPrevious(true);
    },
  });

  if (setUp) {
    return (
      <AuthLayout wide>
        <TwoFactorSetUp
          setUp={setUp.setUp}
          onBack={() => setSetUp(null)}
          onExpired={() => {
            // Back to the form with what was typed still there: one click signs in again.
            setSetUp(null);
            setSetUpExpired(true);
          }}
          onDone={() => {
            setSecondStep({ credentials: setUp.credentials, invalid: false, afterSetUp: true });
            setCode('');
            setSetUp(null);
          }}
        />
      </AuthLayout>
    );
  }

  if (secondStep) {
    return (
      <AuthLayout>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (/^\d{6}$/.test(code)) signIn.mutate({ ...secondStep.credentials, totp: code });
          }}
        >
          <Stack gap="md">
            {secondStep.afterSetUp && (
              <Text c="dimmed" fz="sm">
                {t('twoFactorSetUp.step', { step: 3 })}
              </Text>
            )}
            <Title order={1} fz={26}>
              {secondStep.afterSetUp ? t('twoFactorSetUp.nextCodeTitle') : t('signIn.totpTitle')}
            </Title>
            <Text c="dimmed" fz="sm">
              {secondStep.afterSetUp ? t('twoFactorSetUp.nextCodeIntro') : t('signIn.totpIntro')}
            </Text>
            <AuthenticatorCodeField id="totp-code" label={t('signIn.totp')} hint={t('signIn.totpHint')} value={code} onChange={setCode} testId="totp-code" />
            {secondStep.invalid && !signIn.isPending && <Alert color="red" role="alert" title={t('signIn.totpInvalid')} data-testid="totp-invalid" />}
            {signIn.error && <Alert color="red" role="alert" title={errorText(signIn.error)} data-testid="sign-in-error" />}
            <Group justify="space-between">
              <Button variant="subtle" onClick={() => setSecondStep(null)}>
                {t('signIn.back')}
              </Button>
              <Button type="submit" size="md" loading={signIn.isPending} disabled={code.length !== 6}>
                {t('signIn.totpSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout>
      <form
        onSubmit={form.onSubmit(({ email, password, previousPassword }) => signIn.mutate({ email, password, ...(askPrevious && previousPassword ? { previousPassword } : {}) }))}
        noValidate
      >
        <Stack gap="md">
          <Title order={1} fz={26}>
            {t('signIn.title')}
          </Title>
          <Text c="dimmed" fz="sm">
            {t('signIn.intro')}
          </Text>
          {wiped && (
            <Alert color="orange" role="status" title={t(`signIn.wiped.${wiped.reason}`)} data-testid="wiped-notice">
              <Text fz="sm">{t('signIn.wipedWhat')}</Text>
            </Alert>
          )}
          <TextInput
            label={t('signIn.email')}
            placeholder={t('signIn.emailPlaceholder')}
            type="email"
            autoComplete="username"
            required
            data-autofocus
            {...form.getInputProps('email')}
          />
          <PasswordField
            label={t('signIn.password')}
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          {askPrevious && (
            <>
              <Alert color="orange" role="status" data-testid="previous-password-needed">
                <Text fz="sm">{t('signIn.previousPasswordWhy')}</Text>
              </Alert>
              <PasswordField
                label={t('signIn.previousPassword')}
                autoComplete="off"
                required
                data-autofocus
                {...form.getInputProps('previousPassword')}
              />
            </>
          )}
          {setUpExpired && (
            <Alert color="orange" role="alert" data-testid="set-up-expired">
              <Text fz="sm">{t('twoFactorSetUp.expired')}</Text>
            </Alert>
          )}
          {signIn.error && !asksPreviousPassword(signIn.error) && <Alert color="red" role="alert" title={errorText(signIn.error)} data-testid="sign-in-error" />}
          <Button type="submit" size="md" loading={signIn.isPending}>
            {t('signIn.submit')}
          </Button>
          {onCancel && (
            <Button variant="subtle" size="sm" onClick={onCancel}>
              {t('signIn.back')}
            </Button>
          )}
          <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />}>
            <Text fz="sm">{t('signIn.firstTimeNote')}</Text>
          </Alert>
        </Stack>
      </form>
    </AuthLayout>
  );
}
