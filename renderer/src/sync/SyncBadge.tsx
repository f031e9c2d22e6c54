import { ActionIcon, Badge, Group, Tooltip } from '@mantine/core';
import { IconCloudUpload, IconCircleCheck, IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../bridge/index.js';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format/dates.js';
import { syncStatusKey, useSyncStatus } from './useSyncStatus.js';

/** "3 wijzigingen nog niet verstuurd": what is only on this laptop so far. */
export function SyncBadge() {
  const { t, i18n } = useTranslation();
  const status = useSyncStatus().data;
  const queryClient = useQueryClient();
  const [syncing, setSyncing] = useState(false);
  if (!status) return null;
  // On demand (issue #7): the person need not wait for the next automatic round.
  const syncNow = async () => {
    setSyncing(true);
    try {
      const result = await api.sync.now({});
      if (result.ok) queryClient.setQueryData(syncStatusKey, result.value);
    } finally {
      setSyncing(false);
    }
  };
  const pending = status.pendingChanges;
  const last = status.lastSyncAt ? t('sync.lastSync', { at: formatDateTime(status.lastSyncAt, i18n.language) }) : t('sync.neverSynced');
  return (
    <Group gap={4} wrap="nowrap">
      <Tooltip label={`${pending > 0 ? t('sync.pendingHint') : t('sync.allSentHint')} ${last}`} multiline w={280}>
        <Badge
          data-testid="sync-status"
          size="lg"
          variant="light"
          color={pending > 0 ? 'orange' : 'teal'}
          leftSection={pending > 0 ? <IconCloudUpload size={16} aria-hidden /> : <IconCircleCheck size={16} aria-hidden />}
          aria-label={pending > 0 ? t('sync.pending', { count: pending }) : t('sync.allSent')}
        >
          {pending > 0 ? t('sync.pending', { count: pending }) : t('sync.allSent')}
        </Badge>
      </Tooltip>
      <Tooltip label={t('sync.now')}>
        <ActionIcon variant="subtle" color="gray" size="lg" onClick={() => void syncNow()} loading={syncing || status.state === 'syncing'} disabled={!status.online} aria-label={t('sync.now')}>
          <IconRefresh size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
