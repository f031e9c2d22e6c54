import { Alert, Container, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LicenceStatus } from '../../../shared/ipc/calls/licence.js';
import { EndNoticeConfirm } from './EndNoticeConfirm.js';
import { useLicence } from './useLicence.js';

/**
 * No dossier on screen without a licence (SPEC §3): blocked, ended, expired or missing leases
 * show why and what to do next. The core refuses the calls too; this is the explanation.
 */
export function LicenceGate({ children }: { children: ReactNode }) {
  const licence = useLicence();
  if (licence.data && !licence.data.canOpenDossiers) return <LicenceLockScreen status={licence.data} />;
  return <>{children}</>;
}

function LicenceLockScreen({ status }: { status: LicenceStatus }) {
  const { t } = useTranslation();
  const titleKey = status.state === 'blocked' || status.state === 'ended' || status.state === 'expired' ? status.state : 'none';
  const why =
    status.state === 'blocked'
      ? t(`licence.blockReason.${status.blockReason ?? 'other'}`)
      : status.reason && status.reason !== 'blocked' && status.reason !== 'export-not-allowed'
        ? t(`licence.reason.${status.reason}`)
        : '';
  return (
    <Container size={560} pt={80} component="main">
      <Paper withBorder shadow="sm" p="xl" radius="lg" data-testid="licence-lock">
        <Stack gap="md">
          <ThemeIcon size={52} radius="xl" color="orange.9" aria-hidden>
            <IconLock size={28} />
          </ThemeIcon>
          <Title order={1} fz={24}>
            {t(`licence.title.${titleKey}`)}
          </Title>
          {why && <Text>{why}</Text>}
          {status.nextStep !== 'none' && (
            <Alert color="blue" variant="light" title={t(`licence.nextStep.${status.nextStep}`)} />
          )}
          {status.state === 'ended' && <EndNoticeConfirm />}
          {status.state !== 'ended' && (
            <Text c="dimmed" fz="sm">
              {t('licence.safe')}
            </Text>
          )}
        </Stack>
      </Paper>
    </Container>
  );
}
