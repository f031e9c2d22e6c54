import { Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ExportProgressEvent } from '../../../shared/ipc/calls/export.js';

/** How far an export is, a cancel button while it runs, and where the file went when it is done. */
export function ExportProgressPanel({ progress, onCancel }: { progress: ExportProgressEvent; onCancel: () => void }) {
  const { t } = useTranslation();
  const running = progress.state === 'running';
  const percent = Math.round(progress.fraction * 100);
  return (
    <Paper withBorder p="lg" radius="lg" aria-live="polite" data-testid="export-progress" data-state={progress.state}>
      <Stack gap="xs">
        <Progress value={percent} aria-label={t('export.progress')} animated={running} />
        <Group justify="space-between" wrap="nowrap">
          <Text fz="sm">{running ? progress.step || t('export.starting') : t(`export.state.${progress.state}`)}</Text>
          {running && (
            <Group gap="sm" wrap="nowrap">
              {/* The number too, not only the bar: a long export should say how far it is in words. */}
              <Text fz="sm" fw={600} data-testid="export-percent">
                {percent}%
              </Text>
              <Button size="xs" variant="default" onClick={onCancel}>
                {t('export.cancel')}
              </Button>
            </Group>
          )}
        </Group>
        {progress.state === 'done' && progress.filePath && (
          <Text fz="sm" data-testid="export-file" style={{ wordBreak: 'break-all' }}>
            {t('export.savedAt', { path: progress.filePath })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
