import { Alert, Button, Group, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { legalExceptionReasons, type LegalExceptionReason } from '../../../shared/retention/retention-audit.js';
import { api } from '../bridge/index.js';
import { unwrap } from '../ipc/call.js';
import { AppModal } from '../ui/AppModal.js';
import { notify } from '../ui/notify.js';
import { useRetentionChange, useRetentionErrorText } from './useRetention.js';

/** Art. 7:455 lid 2 BW: an admin stops a deletion request with one of the law's two reasons. */
export function LegalExceptionModal({ caseId, name, onClose }: { caseId: string; name: string; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useRetentionErrorText();
  const [reason, setReason] = useState<LegalExceptionReason | null>(null);
  const record = useRetentionChange((chosen: LegalExceptionReason) => unwrap(api.retention.recordLegalException({ caseId, reason: chosen })));
  return (
    <AppModal opened onClose={onClose} title={t('retention.exceptionTitle')} size="md">
      <Stack gap="md">
        <Text fw={500}>{name}</Text>
        <Text fz="sm">{t('retention.exceptionIntro')}</Text>
        <Radio.Group label={t('retention.exceptionReason')} value={reason} onChange={(value) => setReason(value as LegalExceptionReason)} withAsterisk>
          <Stack gap="xs" mt="xs">
            {legalExceptionReasons.map((value) => (
              <Radio key={value} value={value} label={t(`retention.reasons.${value}`)} />
            ))}
          </Stack>
        </Radio.Group>
        {record.error && <Alert color="red" role="alert" title={errorText(record.error)} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={!reason}
            loading={record.isPending}
            onClick={() => {
              if (!reason) return;
              record.mutate(reason, {
                onSuccess: () => {
                  notify({ message: t('retention.done') });
                  onClose();
                },
              });
            }}
          >
            {t('retention.exceptionSave')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
