import { Alert, Box, Button, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { AuthenticatorCodeField } from '../../ui/AuthenticatorCodeField.js';
import type { ReactNode } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TwoFactorSetUp as SetUp } from '../../../../shared/ipc/calls/session.js';
import { api } from '../../bridge/index.js';
import { unwrap } from '../../ipc/call.js';
import { useErrorText } from '../../ipc/useErrorText.js';
import { RecoveryCodesStep } from './RecoveryCodesStep.js';
import { SecretKey } from './SecretKey.js';
import { TotpQrCode } from './TotpQrCode.js';

/**
 * Steps 1 and 2 of setting up two-step verification on the first sign-in (step 3 is the sign-in
 * with the next code, in SignInScreen): link the authenticator app and prove it with a code, then
 * keep the recovery codes. A wrong code keeps everything on screen; an ended set-up goes back.
 */
export function TwoFactorSetUp({ setUp, onBack, onExpired, onDone }: { setUp: SetUp; onBack: () => void; onExpired: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const codeField = useRef<HTMLDivElement>(null);
  // After a wrong code, straight back into the (emptied) first box: type the next code, no mouse.
  useEffect(() => {
    if (invalid) codeField.current?.querySelector('input')?.focus();
  }, [invalid]);

  const confirm = useMutation({
    mutationFn: (input: { code: string }) => unwrap(api.session.confirmTwoFactor(input)),
    onSuccess: (result) => {
      if (result.state === 'confirmed') setRecoveryCodes(result.recoveryCodes);
      else if (result.state === 'expired') onExpired();
      else {
        setInvalid(true);
        setCode('');
      }
    },
  });

  if (recoveryCodes) return <RecoveryCodesStep codes={recoveryCodes} onContinue={onDone} step={2} />;

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (/^\d{6}$/.test(code)) confirm.mutate({ code });
      }}
    >
      <Stack gap="md">
        <Text c="dimmed" fz="sm">
          {t('twoFactorSetUp.step', { step: 1 })}
        </Text>
        <Title order={1} fz={26}>
          {t('twoFactorSetUp.title')}
        </Title>
        <Text fz="sm">{t('twoFactorSetUp.intro')}</Text>
        <NumberedStep number={1}>
          <Text fz="sm">{t('twoFactorSetUp.installApp')}</Text>
        </NumberedStep>
        <NumberedStep number={2}>
          <Stack gap="sm">
            <Text fz="sm">{t('twoFactorSetUp.scan')}</Text>
            <Group align="flex-start" gap="lg" wrap="nowrap">
              <Box p={4} bd="1px solid var(--mantine-color-gray-3)" style={{ flexShrink: 0, borderRadius: 'var(--mantine-radius-md)', lineHeight: 0 }}>
                <TotpQrCode uri={setUp.otpauthUri} label={t('twoFactorSetUp.qrLabel')} size={168} />
              </Box>
              <Stack gap={6} miw={0} style={{ flex: 1 }}>
                <Text fz="sm" fw={600}>
                  {t('twoFactorSetUp.manualTitle')}
                </Text>
                <Text fz="sm">{t('twoFactorSetUp.manual')}</Text>
                <SecretKey secret={setUp.secret} />
              </Stack>
            </Group>
          </Stack>
        </NumberedStep>
        <NumberedStep number={3}>
          <AuthenticatorCodeField
            ref={codeField}
            id="set-up-code"
            label={t('twoFactorSetUp.code')}
            hint={t('twoFactorSetUp.codeHint')}
            value={code}
            onChange={(value) => {
              setCode(value);
              if (value) setInvalid(false);
            }}
            testId="set-up-code"
          />
        </NumberedStep>
        {invalid && !confirm.isPending && (
          <Alert color="red" role="alert" data-testid="set-up-invalid">
            <Text fz="sm">{t('twoFactorSetUp.invalid')}</Text>
          </Alert>
        )}
        {confirm.error && <Alert color="red" role="alert" title={errorText(confirm.error)} data-testid="set-up-error" />}
        <Group justify="space-between">
          <Button variant="subtle" onClick={onBack}>
            {t('twoFactorSetUp.back')}
          </Button>
          <Button type="submit" size="md" loading={confirm.isPending} disabled={code.length !== 6}>
            {t('twoFactorSetUp.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One numbered instruction; the number is decoration, the order of the text says it too. */
function NumberedStep({ number, children }: { number: number; children: ReactNode }) {
  return (
    <Group align="flex-start" gap="sm" wrap="nowrap">
      <ThemeIcon radius="xl" size={26} variant="light" aria-hidden>
        <Text fz="sm" fw={700}>
          {number}
        </Text>
      </ThemeIcon>
      <Box miw={0} pt={3} style={{ flex: 1 }}>
        {children}
      </Box>
    </Group>
  );
}
