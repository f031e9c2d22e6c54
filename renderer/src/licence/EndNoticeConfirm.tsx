import { Alert, Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../bridge/index.js';
import { unwrap } from '../ipc/call.js';

/**
 * The final notice of an ended agreement (SPEC §3): once the user confirms, the core wipes this
 * device's data securely and the session moves to the sign-in screen, which says why.
 */
export function EndNoticeConfirm() {
  const { t } = useTranslation();
  const confirm = useMutation({ mutationFn: () => unwrap(api.licence.confirmEndNotice({})) });
  return (
    <Stack gap="sm" data-testid="licence-end-notice">
      <Alert color="red" variant="light" title={t('licence.endNotice.title')}>
        {t('licence.endNotice.body')}
      </Alert>
      {confirm.isError && (
        <Text c="red.8" role="alert">
          {t('licence.endNotice.failed')}
        </Text>
      )}
      <Button color="red" leftSection={<IconTrash size={18} aria-hidden />} loading={confirm.isPending} onClick={() => confirm.mutate()}>
        {t('licence.endNotice.confirm')}
      </Button>
    </Stack>
  );
}
