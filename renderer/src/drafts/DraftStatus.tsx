import { Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconCloudCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../format/dates.js';
import type { DraftState } from './useDraft.js';

/** A quiet line under a form: the nurse can see her typing is safe. */
export function DraftStatus({ state }: { state: DraftState }) {
  const { t, i18n } = useTranslation();
  if (state.kind === 'idle') return null;
  if (state.kind === 'failed') {
    return (
      <Group gap={4} c="red.8" data-testid="draft-status">
        <IconAlertTriangle size={14} aria-hidden />
        <Text fz="xs">{t('drafts.failed')}</Text>
      </Group>
    );
  }
  return (
    <Group gap={4} c="dimmed" data-testid="draft-status" aria-live="polite">
      <IconCloudCheck size={14} aria-hidden />
      <Text fz="xs" c="dimmed">
        {state.kind === 'saving' ? t('drafts.saving') : t('drafts.saved', { time: formatTime(state.at, i18n.language) })}
      </Text>
    </Group>
  );
}
