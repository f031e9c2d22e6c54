import { Alert, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { SyncStatus } from '../../../shared/ipc/calls/sync.js';
import { api } from '../bridge/index.js';
import { unwrap } from '../ipc/call.js';
import { useCoreEvent } from '../ipc/useCoreEvent.js';
import { syncStatusKey } from '../sync/useSyncStatus.js';

/**
 * The first sync on a device, right after the first sign-in: what has arrived so far, a progress
 * bar (indeterminate while the total is unknown) and the time left when it can be estimated.
 * Shown until the first pull reached the end; the person may also continue without waiting.
 */
export function InitialSyncPanel() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [dismissed, setDismissed] = useState(false);
  const status = useQuery({ queryKey: syncStatusKey, queryFn: () => unwrap(api.sync.status({})) });
  const onChanged = useCallback((next: SyncStatus) => queryClient.setQueryData(syncStatusKey, next), [queryClient]);
  useCoreEvent('sync.changed', onChanged);

  const data = status.data;
  // Offline there is nothing to wait for (and a device provisioned without a service never syncs).
  if (dismissed || !data || data.lastSyncAt !== null || !data.online) return null;
  const progress = data.progress;
  const percent = progress?.fraction !== null && progress?.fraction !== undefined ? Math.round(progress.fraction * 100) : null;

  return (
    <Paper
      withBorder
      shadow="md"
      p="lg"
      radius="md"
      role="status"
      aria-live="polite"
      data-testid="initial-sync"
      style={{ position: 'fixed', right: 24, bottom: 24, width: 380, zIndex: 300 }}
    >
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {t('initialSync.title')}
        </Title>
        <Text fz="sm" c="dimmed">
          {t('initialSync.intro')}
        </Text>
        <Progress
          value={percent ?? 100}
          animated={percent === null}
          striped={percent === null}
          aria-label={t('initialSync.title')}
          size="lg"
          data-testid="initial-sync-progress"
        />
        <Group justify="space-between" gap="xs">
          <Text fz="sm">{t('initialSync.received', { count: progress?.pulled ?? 0 })}</Text>
          {percent !== null && (
            <Text fz="sm" fw={600}>
              {t('initialSync.percent', { percent })}
            </Text>
          )}
        </Group>
        {(progress?.pushed ?? 0) > 0 && <Text fz="sm">{t('initialSync.sent', { count: progress?.pushed ?? 0 })}</Text>}
        <Text fz="sm" c="dimmed" data-testid="initial-sync-estimate">
          {timeLeftText(t, progress?.secondsLeft ?? null)}
        </Text>
        {data.problem && (
          <Alert color="orange" title={t('initialSync.failed', { message: data.problem.message })}>
            <Button size="xs" mt="xs" onClick={() => void api.sync.now({}).then((result) => result.ok && queryClient.setQueryData(syncStatusKey, result.value))}>
              {t('initialSync.retry')}
            </Button>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="subtle" size="xs" onClick={() => setDismissed(true)}>
            {t('initialSync.continue')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Whole minutes, rounded up ("nog ongeveer 3 minuten"): seconds would jump about and mean little. */
function timeLeftText(t: TFunction, secondsLeft: number | null): string {
  if (secondsLeft === null) return t('initialSync.estimating');
  if (secondsLeft < 60) return t('initialSync.estimateUnderMinute');
  return t('initialSync.estimateMinutes', { count: Math.ceil(secondsLeft / 60) });
}
