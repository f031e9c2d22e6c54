import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AdminFailure, adminErrorText } from './AdminFailure.js';
import { IpcCallError } from '../ipc/call.js';

/** A failed admin change inside a dialog: offline gets its calm notice, anything else a red line. */
export function ConfirmActionError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error === null || error === undefined) return null;
  if (error instanceof IpcCallError && (error.error.code === 'offline' || error.error.code === 'server_unreachable')) return <AdminFailure error={error} />;
  return <Alert color="red" role="alert" title={adminErrorText(t, error)} />;
}
