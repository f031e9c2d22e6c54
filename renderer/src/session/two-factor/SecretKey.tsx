import { Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
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
      <Text fz="sm" fw={500} id="totp-secret-label">
        {t('twoFactorSetUp.secretLabel')}
      </Text>
      <Group gap="sm" wrap="nowrap" align="center">
        <Code block fz="md" aria-labelledby="totp-secret-label" data-testid="totp-secret" style={{ letterSpacing: '0.08em', flex: 1 }}>
          {inGroupsOfFour(secret)}
        </Code>
        <CopyButton value={secret}>
          {({ copied, copy }) => (
            <Button variant="default" size="sm" onClick={copy}>
              {copied ? t('twoFactorSetUp.copied') : t('twoFactorSetUp.copySecret')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}
