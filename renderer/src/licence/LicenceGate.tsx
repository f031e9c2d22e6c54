import { Alert, Button, Container, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCreditCard, IconLock, IconRefresh } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { isAdministrator } from '../../../shared/domain/user.js';
import type { LicenceStatus } from '../../../shared/ipc/calls/licence.js';
import { api } from '../bridge/index.js';
import { unwrap } from '../ipc/call.js';
import { useSession } from '../session/useSession.js';
import { syncStatusKey, useSyncStatus } from '../sync/useSyncStatus.js';
import { EndNoticeConfirm } from './EndNoticeConfirm.js';
import { licenceKey, useLicence } from './useLicence.js';

/**
 * No dossier on screen without a licence (SPEC §3): the dossier, agenda and export pages show why
 * and what to do next instead. A layout route inside AppLayout, so the menu, sign-out, sync and
 * (for admins) Beheer → Betalingen stay reachable: a blocked admin must be able to pay.
 * The core refuses the calls too; this is the explanation.
 */
export function LicenceGate() {
  const licence = useLicence();
  if (licence.data && !licence.data.canOpenDossiers) return <LicenceLockScreen status={licence.data} />;
  return <Outlet />;
}

const goOnlineSteps: ReadonlyArray<LicenceStatus['nextStep']> = ['go-online', 'correct-clock-and-go-online', 'sign-in-online'];

function LicenceLockScreen({ status }: { status: LicenceStatus }) {
  const { t } = useTranslation();
  const session = useSession().data;
  const isAdmin = session?.state === 'unlocked' && isAdministrator(session.user.role);
  const titleKey = status.state === 'blocked' || status.state === 'ended' || status.state === 'expired' ? status.state : 'none';
  const why =
    status.state === 'blocked'
      ? t(`licence.blockReason.${status.blockReason ?? 'other'}`)
      : status.reason && status.reason !== 'blocked' && status.reason !== 'export-not-allowed'
        ? t(`licence.reason.${status.reason}`)
        : '';
  return (
    <Container size={580} pt="xl">
      <Paper withBorder shadow="sm" p="xl" radius="lg" data-testid="licence-lock">
        <Stack gap="md">
          <ThemeIcon size={52} radius="xl" color="orange.9" aria-hidden>
            <IconLock size={28} />
          </ThemeIcon>
          <Title order={1} fz={24}>
            {t(`licence.title.${titleKey}`)}
          </Title>
          {why && <Text>{why}</Text>}
          {status.nextStep !== 'none' && <Alert color="blue" variant="light" title={t(`licence.nextStep.${status.nextStep}`)} />}
          {status.state === 'blocked' && isAdmin && (
            <Button component={Link} to="/beheer/betalingen" leftSection={<IconCreditCard size={18} aria-hidden />} w="fit-content">
              {t('licence.toPayments')}
            </Button>
          )}
          {status.state !== 'blocked' && status.state !== 'ended' && goOnlineSteps.includes(status.nextStep) && <SyncToRenew />}
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

/** A lease too old to trust offline: one click syncs, which brings a fresh lease from the service. */
function SyncToRenew() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const online = useSyncStatus().data?.online ?? false;
  const sync = useMutation({
    mutationFn: () => unwrap(api.sync.now({})),
    onSuccess: (status) => {
      queryClient.setQueryData(syncStatusKey, status);
      void queryClient.invalidateQueries({ queryKey: licenceKey });
    },
  });
  return (
    <Stack gap={6} align="flex-start">
      <Button leftSection={<IconRefresh size={18} aria-hidden />} loading={sync.isPending} disabled={!online} onClick={() => sync.mutate()}>
        {t('licence.syncNow')}
      </Button>
      {!online && <Text fz="sm">{t('licence.offlineHint')}</Text>}
      {sync.isError && (
        <Text fz="sm" c="red.8" role="alert">
          {t('licence.syncFailed')}
        </Text>
      )}
    </Stack>
  );
}
