import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from './AppModal.js';

interface ConfirmModalProps {
  opened: boolean;
  /** A question: "Document verwijderen?" */
  title: string;
  /** What exactly will happen, naming the thing it happens to. */
  message: ReactNode;
  /** The action in words, never just "OK": "Ja, verwijderen". */
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  pending?: boolean;
}

/**
 * The one way the app asks "are you sure?" before something that cannot simply be undone (removing
 * a document or contact, locking a report). Focus starts on Cancel, so a reflexive Enter changes
 * nothing; Escape and the close button cancel too.
 */
export function ConfirmModal({ opened, title, message, confirmLabel, onConfirm, onCancel, pending = false }: ConfirmModalProps) {
  const { t } = useTranslation();
  return (
    <AppModal opened={opened} onClose={onCancel} title={title} size="md">
      <Stack gap="md">
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          <Text fz="sm">{message}</Text>
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} data-autofocus>
            {t('common.cancel')}
          </Button>
          {/* A dark red-orange: the warning colour with enough contrast for white text. */}
          <Button color="#a3360a" onClick={onConfirm} loading={pending}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
