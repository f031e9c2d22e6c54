import { Button, Group, Stack } from '@mantine/core';
import { IconEraser } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { DraftStatus } from './DraftStatus.js';
import type { DraftState } from './useDraft.js';

interface Props {
  state: DraftState;
  /** Shown while the form holds a draft: throws it away and puts the form back where it started. */
  clear?: { label: string; onClear: () => void };
  /** The form's own buttons (cancel, save), on the right. */
  children: ReactNode;
}

/**
 * The bottom of a form that keeps a draft: its actions on one line, right, the button that throws
 * the draft away on the left, and the quiet draft line under them (side by side they did not fit
 * in a modal).
 */
export function DraftFormFooter({ state, clear, children }: Props) {
  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="nowrap">
        {clear && (
          <Button variant="default" leftSection={<IconEraser size={16} aria-hidden />} onClick={clear.onClear}>
            {clear.label}
          </Button>
        )}
        <Group ml="auto" wrap="nowrap">
          {children}
        </Group>
      </Group>
      <DraftStatus state={state} />
    </Stack>
  );
}
