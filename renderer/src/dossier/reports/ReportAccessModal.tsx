import { Button, Checkbox, Divider, Group, Loader, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconUserMinus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportAccessView, ReportView } from '../../../../shared/ipc/calls/reports.js';
import { api } from '../../bridge/index.js';
import { unwrap } from '../../ipc/call.js';
import { useErrorText } from '../../ipc/useErrorText.js';
import { AppModal } from '../../ui/AppModal.js';
import { notify } from '../../ui/notify.js';
import { reportAccessKey } from './report-keys.js';

/**
 * Per-report rights: the author (or someone who may sign off) sees which colleagues may read or
 * edit this one report, grants a colleague, and withdraws a grant — for a restricted report, the
 * only way anyone else sees it.
 */
export function ReportAccessModal({ report, onClose }: { report: ReportView; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const users = useQuery({ queryKey: ['organisation', 'users'], queryFn: () => unwrap(api.organisation.users({})) });
  const grants = useQuery({ queryKey: reportAccessKey(report.id), queryFn: () => unwrap(api.reports.accessList({ reportId: report.id })) });
  const [userId, setUserId] = useState<string | null>(null);
  const [canRead, setCanRead] = useState(true);
  const [canEdit, setCanEdit] = useState(false);
  const save = useMutation({
    mutationFn: () => unwrap(api.reports.setAccess({ reportId: report.id, userId: userId!, canRead: canRead || canEdit, canEdit })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: reportAccessKey(report.id) });
      notify({ message: t('reports.accessSaved') });
      setUserId(null);
      setCanRead(true);
      setCanEdit(false);
    },
  });
  const withdraw = useMutation({
    mutationFn: (grant: ReportAccessView) => unwrap(api.reports.setAccess({ reportId: report.id, userId: grant.userId, canRead: false, canEdit: false })),
    onSuccess: async (_, grant) => {
      await queryClient.invalidateQueries({ queryKey: reportAccessKey(report.id) });
      notify({ message: t('reports.accessWithdrawn', { name: grant.displayName }) });
    },
    onError: (error) => notify({ color: 'red', message: errorText(error) }),
  });
  const colleagues = (users.data?.items ?? []).filter((u) => u.id !== report.authorId && u.status === 'active');
  const current = grants.data?.items ?? [];
  return (
    <AppModal opened onClose={onClose} title={t('reports.accessTitle')} size="lg">
      <Stack gap="md">
        <Text fz="sm" c="dimmed">
          {t('reports.accessIntro')}
        </Text>
        <Stack gap="xs" component="section" aria-labelledby="report-access-current">
          <Title order={3} fz="md" id="report-access-current">
            {t('reports.accessCurrent')}
          </Title>
          {grants.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
          {grants.error && (
            <Text c="red.9" fz="sm" role="alert">
              {errorText(grants.error)}
            </Text>
          )}
          {grants.data && current.length === 0 && (
            <Text fz="sm" c="dimmed" data-testid="report-access-empty">
              {report.visibility === 'restricted' ? t('reports.accessNoneRestricted') : t('reports.accessNone')}
            </Text>
          )}
          {current.length > 0 && (
            <Table aria-label={t('reports.accessCurrent')} verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('reports.accessUser')}</Table.Th>
                  <Table.Th>{t('reports.accessRights')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('reports.accessActions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {current.map((grant) => (
                  <Table.Tr key={grant.userId} data-testid="report-access-grant">
                    <Table.Td>{grant.displayName}</Table.Td>
                    <Table.Td>{grant.canEdit ? t('reports.accessReadEdit') : t('reports.accessRead')}</Table.Td>
                    <Table.Td ta="right">
                      <Button
                        size="xs"
                        variant="default"
                        leftSection={<IconUserMinus size={14} aria-hidden />}
                        aria-label={t('reports.accessWithdrawFor', { name: grant.displayName })}
                        loading={withdraw.isPending && withdraw.variables?.userId === grant.userId}
                        onClick={() => withdraw.mutate(grant)}
                      >
                        {t('reports.accessWithdraw')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
        <Divider />
        <Stack gap="sm" component="section" aria-labelledby="report-access-add">
          <Title order={3} fz="md" id="report-access-add">
            {t('reports.accessAdd')}
          </Title>
          <Select
            label={t('reports.accessUser')}
            placeholder={t('reports.accessUserPlaceholder')}
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
          {save.error && (
            <Text c="red.9" fz="sm" role="alert">
              {errorText(save.error)}
            </Text>
          )}
        </Stack>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button onClick={() => save.mutate()} disabled={!userId} loading={save.isPending}>
            {t('reports.accessGrant')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
