import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { AuthenticatorCodeField } from '../ui/AuthenticatorCodeField.js';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../bridge/index.js';
import { unwrap } from '../ipc/call.js';
import { useErrorText } from '../ipc/useErrorText.js';
import { RecoveryCodesStep } from '../session/two-factor/RecoveryCodesStep.js';

/**
 * New recovery codes, only when 2FA is on: a current code from the app proves the phone, the
 * service replaces all codes, and they are shown once with the same screen as at the set-up.
 */
export function RecoveryCodesCard({ online }: { online: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);
  const twoFactor = useQuery({ queryKey: ['account', 'twoFactor'], queryFn: () => unwrap(api.account.twoFactor({})), enabled: online });
  const renew = useMutation({
    mutationFn: (input: { code: string }) => unwrap(api.account.renewRecoveryCodes(input)),
    onSuccess: (result) => {
      setCode('');
      setInvalid(result.state === 'invalid');
      if (result.state === 'renewed') setCodes(result.recoveryCodes);
    },
  });

  if (!online || twoFactor.data?.enabled === false) {
    // Without the network the page cannot know; the offline notice at the top says what to do.
    if (!online) return null;
    return (
      <Paper withBorder p="lg" radius="lg" component="section" aria-labelledby="recovery-title">
        <Stack gap="xs">
          <Title order={2} fz={20} id="recovery-title">
            {t('account.recovery.title')}
          </Title>
          <Text fz="sm" c="dimmed" data-testid="two-factor-off">
            {t('account.recovery.off')}
          </Text>
        </Stack>
      </Paper>
    );
  }
  if (twoFactor.error) return <Alert color="red" role="alert" title={errorText(twoFactor.error)} />;
  if (!twoFactor.data) return null;

  return (
    <Paper withBorder p="lg" radius="lg" component="section" aria-labelledby="recovery-title">
      {codes ? (
        <RecoveryCodesStep codes={codes} notice={t('account.recovery.renewedIntro')} onContinue={() => setCodes(null)} titleOrder={2} titleId="recovery-title" />
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (/^\d{6}$/.test(code)) renew.mutate({ code });
          }}
        >
          <Stack gap="md">
            <Title order={2} fz={20} id="recovery-title">
              {t('account.recovery.title')}
            </Title>
            <Text fz="sm" c="dimmed">
              {t('account.recovery.intro')}
            </Text>
            <AuthenticatorCodeField id="renew-code" label={t('account.recovery.code')} hint={t('account.recovery.codeHint')} value={code} onChange={setCode} testId="renew-code" />
            {invalid && !renew.isPending && <Alert color="red" role="alert" title={t('account.recovery.invalid')} />}
            {renew.error && !renew.isPending && <Alert color="red" role="alert" title={errorText(renew.error)} />}
            <Group>
              <Button type="submit" loading={renew.isPending} disabled={code.length !== 6}>
                {t('account.recovery.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
