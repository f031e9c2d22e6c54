import { AppShell, Button, Group, NavLink, Text } from '@mantine/core';
import { IconLock, IconUsers } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, Outlet } from 'react-router';
import { api } from '../bridge/index.js';
import { ConnectivityBadge } from '../connectivity/ConnectivityBadge.js';
import { unwrap } from '../ipc/call.js';
import { sessionKey, useSession } from '../session/useSession.js';
import { BrandMark } from './BrandMark.js';
import { LanguageSwitch } from './LanguageSwitch.js';

export function AppLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const lock = useMutation({
    mutationFn: () => unwrap(api.session.lock({})),
    onSuccess: (status) => queryClient.setQueryData(sessionKey, status),
  });
  const user = session.data?.state === 'unlocked' ? session.data.user : undefined;

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: 'sm' }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="lg" justify="space-between">
          <BrandMark />
          <Group gap="sm">
            <ConnectivityBadge />
            {user && (
              <Text fz="sm" c="dimmed">
                {t('shell.signedInAs', { name: user.displayName })}
              </Text>
            )}
            <LanguageSwitch />
            <Button variant="default" size="xs" leftSection={<IconLock size={16} aria-hidden />} onClick={() => lock.mutate()}>
              {t('shell.lock')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Hoofdmenu">
        <NavLink component={RouterLink} to="/dossiers" label={t('shell.dossiers')} leftSection={<IconUsers size={18} aria-hidden />} />
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
