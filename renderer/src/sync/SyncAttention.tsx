import { Badge, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconGitMerge } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSyncStatus } from './useSyncStatus.js';

/**
 * Header entries for what sync needs a person for: conflicts to settle and refused changes whose
 * text waits on this laptop. Shown only when there is something; each opens its screen.
 */
export function SyncAttention() {
  const { t } = useTranslation();
  const status = useSyncStatus().data;
  if (!status) return null;
  return (
    <>
      {status.openConflicts > 0 && (
        <Tooltip label={t('attention.conflictsHint')} multiline w={260}>
          <Badge
            component={Link}
            to="/sync/conflicts"
            size="lg"
            color="red"
            variant="filled"
            style={{ cursor: 'pointer' }}
            leftSection={<IconGitMerge size={16} aria-hidden />}
            data-testid="conflicts-badge"
          >
            {t('attention.conflicts', { count: status.openConflicts })}
          </Badge>
        </Tooltip>
      )}
      {status.refusedChanges > 0 && (
        <Tooltip label={t('attention.refusedHint')} multiline w={260}>
          <Badge
            component={Link}
            to="/sync/refused"
            size="lg"
            // A darker orange than the theme's: white text on it keeps a 4.5:1 contrast.
            color="#a63c0b"
            variant="filled"
            style={{ cursor: 'pointer' }}
            leftSection={<IconAlertTriangle size={16} aria-hidden />}
            data-testid="refused-badge"
          >
            {t('attention.refused', { count: status.refusedChanges })}
          </Badge>
        </Tooltip>
      )}
    </>
  );
}
