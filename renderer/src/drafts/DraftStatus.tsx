import { Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconCloudCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../format/dates.js';
import type { DraftState } from './useDraft.js';

/**
 * A quiet line under a form: the nurse can see her typing is safe. The live region is always
 * there, also before the first save: a screen reader then announces the first "saved", and the
 * form's buttons beside it do not jump when the line appears (a draft is written when a field
 * loses focus, i.e. between pressing and releasing the mouse on "Save").
 */
export function DraftStatus({ state }: { state: DraftState }) {
  const { t, i18n } = useTranslation();
  return (
    <div aria-live="polite">
      {state.kind === 'failed' && (
        <Group gap={4} c="red.8" data-testid="draft-status">
          <IconAlertTriangle size={14} aria-hidden />
          <Text fz="xs">{t('drafts.failed')}</Text>
        </Group>
      )}
      {(state.kind === 'saving' || state.kind === 'saved') && (
        <Group gap={4} c="dimmed" data-testid="draft-status">
          <IconCloudCheck size={14} aria-hidden />
          <Text fz="xs" c="dimmed">
            {state.kind === 'saving' ? t('drafts.saving') : t('drafts.saved', { time: formatTime(state.at, i18n.language) })}
          </Text>
        </Group>
      )}
    </div>
  );
}
