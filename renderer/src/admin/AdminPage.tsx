import { Alert, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconCreditCard, IconDatabase, IconDevices, IconPackage, IconShieldCheck, IconUsers } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isAdministrator } from '../../../shared/domain/user.js';
import { useSession } from '../session/useSession.js';
import { DevicesScreen } from './DevicesScreen.js';
import { PaymentsScreen } from './PaymentsScreen.js';
import { PlanScreen } from './PlanScreen.js';
import { SecurityScreen } from './SecurityScreen.js';
import { StorageScreen } from './StorageScreen.js';
import { UsersScreen } from './UsersScreen.js';

const screens: Array<{ value: string; icon: ReactNode; panel: () => ReactNode }> = [
  { value: 'gebruikers', icon: <IconUsers size={16} />, panel: () => <UsersScreen /> },
  { value: 'apparaten', icon: <IconDevices size={16} />, panel: () => <DevicesScreen /> },
  { value: 'abonnement', icon: <IconPackage size={16} />, panel: () => <PlanScreen /> },
  { value: 'betalingen', icon: <IconCreditCard size={16} />, panel: () => <PaymentsScreen /> },
  { value: 'beveiliging', icon: <IconShieldCheck size={16} />, panel: () => <SecurityScreen /> },
  { value: 'opslag', icon: <IconDatabase size={16} />, panel: () => <StorageScreen /> },
];
const labelKey: Record<string, string> = {
  gebruikers: 'users',
  apparaten: 'devices',
  abonnement: 'plan',
  betalingen: 'payments',
  beveiliging: 'security',
  opslag: 'storage',
};

/** /beheer/:tab — the admin screens, one tab per screen with its own address. Admins and the owner only. */
export function AdminPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tab: rawTab } = useParams();
  const session = useSession();
  const user = session.data?.state === 'unlocked' ? session.data.user : null;
  const tab = screens.some((s) => s.value === rawTab) ? (rawTab as string) : 'gebruikers';

  if (!user) return null;
  if (!isAdministrator(user.role)) return <Alert color="orange" title={t('admin.failed.forbidden')} />;

  return (
    <Stack gap="md">
      <div>
        <Title order={1} fz={24}>
          {t('admin.title')}
        </Title>
        <Text c="dimmed">{t('admin.intro', { organisation: user.organisationName })}</Text>
      </div>
      <Tabs value={tab} onChange={(value) => value && void navigate(`/beheer/${value}`)} keepMounted={false} variant="outline" radius="md">
        <Tabs.List>
          {screens.map(({ value, icon }) => (
            <Tabs.Tab key={value} value={value} leftSection={<span aria-hidden>{icon}</span>}>
              {t(`admin.tabs.${labelKey[value]}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {screens.map(({ value, panel }) => (
          <Tabs.Panel key={value} value={value} pt="md">
            {value === tab && panel()}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
