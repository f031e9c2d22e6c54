import { Badge, Tooltip } from '@mantine/core';
import { IconCloud, IconCloudOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useConnectivity } from './useConnectivity.js';

export function ConnectivityBadge() {
  const { t } = useTranslation();
  const online = useConnectivity();
  return (
    <Tooltip label={online ? t('connectivity.onlineHint') : t('connectivity.offlineHint')} multiline w={260}>
      <Badge
        role="status"
        aria-live="polite"
        data-testid="connectivity"
        data-online={online}
        size="lg"
        variant="filled"
        color={online ? 'teal.9' : 'gray.7'}
        leftSection={online ? <IconCloud size={16} aria-hidden /> : <IconCloudOff size={16} aria-hidden />}
      >
        {online ? t('connectivity.online') : t('connectivity.offline')}
      </Badge>
    </Tooltip>
  );
}
