import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { IpcCallError } from '../ipc/call.js';

/**
 * Why an admin screen cannot show its data, and what to do. Offline is normal for this app: it gets
 * its own calm message with a retry, never a red error.
 */
export function AdminFailure({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const code = error instanceof IpcCallError ? error.error.code : 'internal';
  if (code === 'offline' || code === 'server_unreachable') {
    return (
      <Alert color="gray" variant="light" radius="lg" icon={<IconPlugConnectedX size={22} aria-hidden />} title={t('admin.offline.title')} data-testid="admin-offline">
        <Stack gap="sm" align="flex-start">
          <Text fz="sm">{t('admin.offline.body')}</Text>
          {onRetry && (
            <Button size="xs" variant="default" onClick={onRetry}>
              {t('admin.offline.retry')}
            </Button>
          )}
        </Stack>
      </Alert>
    );
  }
  return <Alert color="red" role="alert" radius="lg" title={adminErrorText(t, error)} />;
}

/** The sentence for a failed admin call; the service's own explanation is added for rule refusals. */
export function adminErrorText(t: (key: string, options?: Record<string, unknown>) => string, error: unknown): string {
  const ipc = error instanceof IpcCallError ? error.error : null;
  switch (ipc?.code) {
    case 'offline':
    case 'server_unreachable':
      return t('admin.offline.title');
    case 'forbidden':
      return t('admin.failed.forbidden');
    case 'not_signed_in':
      return t('admin.failed.not_signed_in');
    case 'conflict':
      return `${t('admin.failed.conflict')} ${t('admin.failed.conflictDetail', { message: ipc.message })}`;
    case 'invalid_input':
      return t('errors.invalid_input');
    case 'too_many_attempts':
      // The service locks re-checks of password and code like sign-in; say how long, in minutes.
      return t('admin.failed.tooManyAttempts', { count: Math.max(1, Math.ceil((ipc.retryAfterSeconds ?? 900) / 60)) });
    default:
      return t('admin.failed.other');
  }
}
