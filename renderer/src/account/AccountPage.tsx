import { Alert, Stack, Text, Title } from '@mantine/core';
import { IconWifiOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useConnectivity } from '../connectivity/useConnectivity.js';
import { useSession } from '../session/useSession.js';
import { ChangePasswordCard } from './ChangePasswordCard.js';
import { RecoveryCodesCard } from './RecoveryCodesCard.js';

/**
 * "Mijn account": the user's own password and recovery codes. Outside the licence lock, so a user
 * of a blocked organisation can still change a password she fears someone else knows.
 */
export function AccountPage() {
  const { t } = useTranslation();
  const online = useConnectivity();
  const session = useSession();
  const user = session.data?.state === 'unlocked' ? session.data.user : undefined;
  return (
    <Stack gap="lg" maw={620}>
      <div>
        <Title order={1} fz={24}>
          {t('account.title')}
        </Title>
        {user && (
          <Text c="dimmed" mt={4}>
            {t('account.intro', { name: user.displayName, email: user.email })}
          </Text>
        )}
      </div>
      {!online && (
        <Alert color="orange" icon={<IconWifiOff aria-hidden />} role="status" data-testid="account-offline">
          <Text fz="sm">{t('account.offline')}</Text>
        </Alert>
      )}
      <ChangePasswordCard online={online} />
      <RecoveryCodesCard online={online} />
    </Stack>
  );
}
