import { Alert, Button, Checkbox, CopyButton, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './RecoveryCodesPrint.module.css';

/**
 * The recovery codes, shown this once (the service keeps only hashes). Going on needs the explicit
 * "I have kept them", so nobody clicks past the only way back in after losing the phone. Used by the
 * set-up at sign-in (step 2 of 3) and by "Mijn account" when new codes replace the old ones (`notice`).
 */
export function RecoveryCodesStep({
  codes,
  onContinue,
  step,
  notice,
  titleOrder = 1,
  titleId,
}: {
  codes: string[];
  onContinue: () => void;
  step?: number;
  notice?: string;
  /** 2 inside a page that has its own h1 ("Mijn account"). */
  titleOrder?: 1 | 2;
  titleId?: string;
}) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  return (
    <Stack gap="md">
      {step !== undefined && (
        <Text c="dimmed" fz="sm">
          {t('twoFactorSetUp.step', { step })}
        </Text>
      )}
      {/* What "Afdrukken" puts on paper: the title and the codes (RecoveryCodesPrint.module.css). */}
      <Stack gap="md" className={classes.printable} data-testid="recovery-codes-printable">
        <Title order={titleOrder} fz={titleOrder === 1 ? 26 : 20} id={titleId}>
          {t('twoFactorSetUp.recoveryTitle')}
        </Title>
        <Text fz="sm">{notice ?? t('twoFactorSetUp.recoveryIntro')}</Text>
        <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} className={classes.screenOnly}>
          <Text fz="sm" fw={500}>
            {t('twoFactorSetUp.recoveryOnce')}
          </Text>
        </Alert>
        <List
          aria-label={t('twoFactorSetUp.recoveryList')}
          data-testid="recovery-codes"
          listStyleType="none"
          p="md"
          bg="gray.0"
          style={{ columns: 2, fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-md)', borderRadius: 'var(--mantine-radius-md)' }}
        >
          {codes.map((code) => (
            <List.Item key={code} py={2}>
              {code}
            </List.Item>
          ))}
        </List>
      </Stack>
      <Group gap="sm">
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <Button variant="default" size="sm" onClick={copy}>
              {copied ? t('twoFactorSetUp.copied') : t('twoFactorSetUp.copyCodes')}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" size="sm" onClick={() => window.print()}>
          {t('twoFactorSetUp.print')}
        </Button>
      </Group>
      <Checkbox label={t('twoFactorSetUp.saved')} checked={saved} onChange={(event) => setSaved(event.currentTarget.checked)} />
      <Group justify="flex-end">
        <Button size="md" disabled={!saved} onClick={onContinue}>
          {t('twoFactorSetUp.continue')}
        </Button>
      </Group>
    </Stack>
  );
}
