import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../bridge/index.js';
import { flushAllDrafts } from '../drafts/draft-registry.js';
import { unwrap } from '../ipc/call.js';
import { AppModal } from '../ui/AppModal.js';
import { useLockNow } from './useLockNow.js';

interface Check {
  pendingChanges: number;
  online: boolean;
}

/**
 * Signing out closes the dossiers on this laptop; nothing is sent until the next sign-in. With
 * changes not yet uploaded it warns first (SPEC §5) and offers to synchronise before leaving.
 */
export function SignOutButton() {
  const { t } = useTranslation();
  const lockNow = useLockNow();
  const [check, setCheck] = useState<Check | null>(null);
  const [syncing, setSyncing] = useState(false);
  const [stillPending, setStillPending] = useState(false);

  const start = async () => {
    // Drafts first: an open report being typed becomes a change like any other and is counted.
    await flushAllDrafts();
    const result = await unwrap(api.session.signOutCheck({}));
    if (result.pendingChanges === 0) return lockNow();
    setStillPending(false);
    setCheck(result);
  };

  const syncFirst = async () => {
    setSyncing(true);
    try {
      await api.sync.now({});
      const result = await unwrap(api.session.signOutCheck({}));
      if (result.pendingChanges === 0) {
        setCheck(null);
        return lockNow();
      }
      setCheck(result);
      setStillPending(true);
    } finally {
      setSyncing(false);
    }
  };

  return (
    <>
      <Button variant="default" size="xs" leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void start()}>
        {t('signOut.button')}
      </Button>
      <AppModal opened={check !== null} onClose={() => setCheck(null)} title={t('signOut.title')} size="lg">
        {check && (
          <Stack gap="md" data-testid="sign-out-warning">
            <Text fw={600}>{t('signOut.pending', { count: check.pendingChanges })}</Text>
            <Text fz="sm">{t('signOut.explain')}</Text>
            {!check.online && (
              <Alert color="orange" variant="light">
                {t('signOut.offline')}
              </Alert>
            )}
            {stillPending && (
              <Alert color="orange" variant="light" role="status">
                {t('signOut.stillPending')}
              </Alert>
            )}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setCheck(null)}>
                {t('common.cancel')}
              </Button>
              <Button variant="light" color="red" onClick={() => void lockNow().then(() => setCheck(null))}>
                {t('signOut.signOutAnyway')}
              </Button>
              <Button onClick={() => void syncFirst()} loading={syncing} disabled={!check.online}>
                {t('signOut.syncFirst')}
              </Button>
            </Group>
          </Stack>
        )}
      </AppModal>
    </>
  );
}
