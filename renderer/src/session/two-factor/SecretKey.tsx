import { Button, Code, CopyButton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Base32 in groups of four, as authenticator apps show such keys: easier to read and to type over. */
export function inGroupsOfFour(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? '';
}

/** The key for typing into the app by hand when scanning does not work; copied without the spaces. */
export function SecretKey({ secret }: { secret: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      <Code block fz="md" data-testid="totp-secret" style={{ letterSpacing: '0.06em', whiteSpace: 'normal', wordSpacing: '0.25em' }}>
        {inGroupsOfFour(secret)}
      </Code>
      <CopyButton value={secret}>
        {({ copied, copy }) => (
          <Button variant="default" size="xs" onClick={copy} style={{ alignSelf: 'flex-start' }}>
            {copied ? t('twoFactorSetUp.copied') : t('twoFactorSetUp.copySecret')}
          </Button>
        )}
      </CopyButton>
    </Stack>
  );
}
