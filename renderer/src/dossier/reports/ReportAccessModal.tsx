import { Button, Checkbox, Group, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportView } from '../../../../shared/ipc/calls/reports.js';
import { api } from '../../bridge/index.js';
import { unwrap } from '../../ipc/call.js';
import { useErrorText } from '../../ipc/useErrorText.js';
import { AppModal } from '../../ui/AppModal.js';
import { notify } from '../../ui/notify.js';

/**
 * Per-report rights: the author (or someone who may sign off) lets a colleague read or edit this
 * one report — for a restricted report, the only way anyone else sees it.
 */
export function ReportAccessModal({ report, onClose }: { report: ReportView; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const users = useQuery({ queryKey: ['organisation', 'users'], queryFn: () => unwrap(api.organisation.users({})) });
  const [userId, setUserId] = useState<string | null>(null);
  const [canRead, setCanRead] = useState(true);
  const [canEdit, setCanEdit] = useState(false);
  const save = useMutation({
    mutationFn: () => unwrap(api.reports.setAccess({ reportId: report.id, userId: userId!, canRead: canRead || canEdit, canEdit })),
    onSuccess: () => {
      notify({ message: t('reports.accessSaved') });
      onClose();
    },
  });
  const colleagues = (users.data?.items ?? []).filter((u) => u.id !== report.authorId && u.status === 'active');
  return (
    <AppModal opened onClose={onClose} title={t('reports.accessTitle')} size="md">
      <Stack gap="md">
        <Text fz="sm" c="dimmed">
          {t('reports.accessIntro')}
        </Text>
        <Select
          label={t('reports.accessUser')}
          data={colleagues.map((u) => ({ value: u.id, label: u.displayName }))}
          value={userId}
          onChange={setUserId}
          searchable
          data-autofocus
        />
        <Group>
          <Checkbox label={t('reports.accessRead')} checked={canRead || canEdit} disabled={canEdit} onChange={(e) => setCanRead(e.currentTarget.checked)} />
          <Checkbox label={t('reports.accessEdit')} checked={canEdit} onChange={(e) => setCanEdit(e.currentTarget.checked)} />
        </Group>
        {save.error && <Text c="red.9" fz="sm" role="alert">{errorText(save.error)}</Text>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => save.mutate()} disabled={!userId} loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
