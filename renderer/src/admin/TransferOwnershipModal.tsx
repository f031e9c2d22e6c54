import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { PasswordField } from '../ui/PasswordField.js';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminUser } from '../../../shared/api/admin.js';
import { api } from '../bridge/index.js';
import { IpcCallError, unwrap } from '../ipc/call.js';
import { AppModal } from '../ui/AppModal.js';
import { sessionKey } from '../session/useSession.js';
import { notify } from '../ui/notify.js';
import { ConfirmActionError } from './ConfirmActionError.js';
import { useAdminChange } from './useAdmin.js';

/**
 * The owner gives ownership to an active admin (art. 16: the registered owner is who may cancel).
 * The service asks for the password again, and the code when two-step verification is on, so an
 * unattended open laptop cannot give the organisation away. The password is never kept here.
 */
export function TransferOwnershipModal({ user, askCode, onClose }: { user: AdminUser; askCode: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  // The device's copy may not know the owner turned two-step verification on: the service's answer decides.
  const [codeShown, setCodeShown] = useState(askCode);
  const transfer = useAdminChange(() => unwrap(api.admin.transferOwnership({ toUserId: user.id, password, ...(code.trim() ? { code: code.trim() } : {}) })));
  const failure = transfer.error instanceof IpcCallError ? transfer.error.error : null;
  // The core marks the service's two refusals of the code by their reason (adminErrorFrom).
  const codeIssue = failure?.code === 'invalid_input' ? failure.issues?.find((issue) => issue.path === 'code')?.message : undefined;
  const passwordWrong = failure?.code === 'wrong_password';

  const submit = async () => {
    const done = await transfer.mutateAsync().catch((error: unknown) => {
      if (error instanceof IpcCallError && error.error.issues?.some((issue) => issue.path === 'code')) setCodeShown(true);
      return null;
    });
    if (!done) return;
    // The core updated this device's copy of the roles: the screens follow (no owner-only buttons any more).
    await queryClient.invalidateQueries({ queryKey: sessionKey });
    notify({ message: t('admin.users.transferred', { name: done.owner.displayName }) });
    onClose();
  };

  return (
    <AppModal opened onClose={onClose} title={t('admin.users.transferTitle', { name: user.displayName })} size="md">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        noValidate
      >
        <Stack gap="md">
          <Text fz="sm">{t('admin.users.transferBody', { name: user.displayName })}</Text>
          <PasswordField
            label={t('admin.users.transferPassword')}
            description={t('admin.users.transferPasswordHint')}
            value={password}
            onChange={(event) => {
              setPassword(event.currentTarget.value);
              if (passwordWrong) transfer.reset();
            }}
            autoComplete="current-password"
            required
            error={passwordWrong ? t('admin.users.transferWrongPassword') : undefined}
            data-autofocus
          />
          {codeShown && (
            <TextInput
              label={t('admin.users.transferCode')}
              value={code}
              onChange={(event) => {
                setCode(event.currentTarget.value);
                if (codeIssue !== undefined) transfer.reset();
              }}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              required
              error={codeIssue === undefined ? undefined : t(codeIssue === 'invalid_two_factor_code' ? 'admin.users.transferCodeWrong' : 'admin.users.transferCodeNeeded')}
            />
          )}
          {failure && !passwordWrong && codeIssue === undefined && <ConfirmActionError error={transfer.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" disabled={password === '' || (codeShown && code.trim().length !== 6)} loading={transfer.isPending}>
              {t('admin.users.confirmTransfer')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
