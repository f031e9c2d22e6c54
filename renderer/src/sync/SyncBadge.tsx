import { Badge, Tooltip } from '@mantine/core';
import { IconCloudUpload, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format/dates.js';
import { useSyncStatus } from './useSyncStatus.js';

/** "3 wijzigingen nog niet verstuurd": what is only on this laptop so far. */
export function SyncBadge() {
  const { t, i18n } = useTranslation();
  const status = useSyncStatus().data;
  if (!status) return null;
  const pending = status.pendingChanges;
  const last = status.lastSyncAt ? t('sync.lastSync', { at: formatDateTime(status.lastSyncAt, i18n.language) }) : t('sync.neverSynced');
  return (
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
  );
}
