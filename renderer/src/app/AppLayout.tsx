import { AppShell, Button, Group, NavLink, Stack, Text } from '@mantine/core';
import { IconArchive, IconCalendarEvent, IconDatabase, IconFileExport, IconLock, IconSettings, IconUserCircle, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { isAdministrator } from '../../../shared/domain/user.js';
import { ConnectivityBadge } from '../connectivity/ConnectivityBadge.js';
import { useAutoLock } from '../session/useAutoLock.js';
import { useLockNow } from '../session/useLockNow.js';
import { useSession } from '../session/useSession.js';
import { SyncAttention } from '../sync/SyncAttention.js';
import { SyncBadge } from '../sync/SyncBadge.js';
import { SignOutButton } from '../session/SignOutButton.js';
import { ServiceNotices } from '../notices/ServiceNotices.js';
import { BrandMark } from './BrandMark.js';
import { LanguageSwitch } from './LanguageSwitch.js';

export function AppLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const lockNow = useLockNow();
  const location = useLocation();
  useAutoLock();
  const user = session.data?.state === 'unlocked' ? session.data.user : undefined;

  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 230, breakpoint: 'sm' }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="lg" justify="space-between" wrap="nowrap">
          <BrandMark />
          <Group gap="sm" wrap="nowrap">
            <ConnectivityBadge />
            <SyncAttention />
            <SyncBadge />
            {user && (
              // Only on wide screens: at laptop width the status badges and buttons need the room
              // (the name is in the menu's foot as well).
              <Text fz="sm" c="dimmed" visibleFrom="xl" style={{ whiteSpace: 'nowrap' }}>
                {t('shell.signedInAs', { name: user.displayName })}
              </Text>
            )}
            <LanguageSwitch />
            <Button variant="default" size="xs" leftSection={<IconLock size={16} aria-hidden />} onClick={() => void lockNow()}>
              {t('shell.lock')}
            </Button>
            <Button component={RouterLink} to="/account" variant="default" size="xs" leftSection={<IconUserCircle size={16} aria-hidden />}>
              {t('account.nav')}
            </Button>
            <SignOutButton />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('shell.menu')}>
        <NavLink
          component={RouterLink}
          to="/dossiers"
          active={location.pathname.startsWith('/dossiers')}
          label={t('shell.dossiers')}
          leftSection={<IconUsers size={18} aria-hidden />}
        />
        <NavLink component={RouterLink} to="/agenda" label={t('shell.agenda')} leftSection={<IconCalendarEvent size={18} aria-hidden />} />
        <NavLink component={RouterLink} to="/export" label={t('export.title')} leftSection={<IconFileExport size={18} aria-hidden />} />
        <NavLink component={RouterLink} to="/instellingen/back-ups" label={t('backup.nav')} leftSection={<IconDatabase size={18} aria-hidden />} />
        {user && isAdministrator(user.role) && (
          <NavLink
            component={RouterLink}
            to="/beheer"
            active={location.pathname.startsWith('/beheer')}
            label={t('admin.nav')}
            leftSection={<IconSettings size={18} aria-hidden />}
          />
        )}
        {user && isAdministrator(user.role) && (
          <NavLink component={RouterLink} to="/bewaren" label={t('retention.nav')} leftSection={<IconArchive size={18} aria-hidden />} />
        )}
        {user && (
          <Stack gap={2} mt="auto" px="sm" pb="xs">
            <Text fz="sm" fw={500}>
              {t('shell.signedInAs', { name: user.displayName })}
            </Text>
            <Text fz="xs" c="dimmed">
              {user.organisationName}
            </Text>
          </Stack>
        )}
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">
        <ServiceNotices />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
