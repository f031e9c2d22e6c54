import { Button, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../ui/AppModal.js';
import { ConfirmActionError } from './ConfirmActionError.js';

/**
 * Every admin change that affects colleagues or money is confirmed first, in words that say what
 * will happen. "Cancel" has the focus, so Enter never confirms by accident.
 */
export function ConfirmAction(props: {
  opened: boolean;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  pending: boolean;
  error: unknown;
  confirmDisabled?: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  return (
    <AppModal opened={props.opened} onClose={props.onCancel} title={props.title} size="md">
      <Stack gap="md">
        {typeof props.body === 'string' ? <Text fz="sm">{props.body}</Text> : props.body}
        <ConfirmActionError error={props.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color={props.danger ? '#a3360a' : undefined} onClick={props.onConfirm} loading={props.pending} disabled={props.confirmDisabled ?? false}>
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
