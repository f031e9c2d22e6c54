import { ActionIcon, Badge, Button, Group, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconCalendarEvent, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../bridge/index.js';
import { formatDate, toIsoDate } from '../../format/dates.js';
import { unwrap } from '../../ipc/call.js';
import { useErrorText } from '../../ipc/useErrorText.js';
import { TimeRegistrationModal } from '../../time/TimeRegistrationModal.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { notify } from '../../ui/notify.js';

export function TimeTab({ clientId, canEdit }: { clientId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const list = useQuery({ queryKey: ['time', clientId], queryFn: () => unwrap(api.time.list({ clientId })) });
  const remove = useMutation({
    mutationFn: (id: string) => unwrap(api.time.delete({ timeRegistrationId: id })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['time', clientId] });
      notify({ message: t('time.deleted') });
    },
    onError: (error) => notify({ color: 'red', message: errorText(error) }),
  });
  const items = list.data?.items ?? [];
  const allocations = new Map((list.data?.allocations ?? []).map((a) => [a.id, a]));
  const minutes = items.filter((i) => i.unit === 'minuut').reduce((sum, i) => sum + i.amount, 0);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text fz="sm" c="dimmed" data-testid="time-total">
          {minutes > 0 ? t('time.totalTime', { hours: Math.floor(minutes / 60), minutes: String(minutes % 60).padStart(2, '0') }) : ''}
        </Text>
        {canEdit && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
            {t('time.new')}
          </Button>
        )}
      </Group>
      <Paper withBorder radius="lg">
        {items.length === 0 ? (
          <EmptyState text={t('time.empty')} nextStep={canEdit ? t('time.emptyNextStep', { action: t('time.new') }) : null} />
        ) : (
          <Table verticalSpacing="sm" horizontalSpacing="lg" aria-label={t('time.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('time.date')}</Table.Th>
                <Table.Th>{t('time.amount')}</Table.Th>
                <Table.Th>{t('time.allocation')}</Table.Th>
                <Table.Th>{t('time.by')}</Table.Th>
                <Table.Th>{t('time.note')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common.delete')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((row) => {
                const allocation = row.allocationId ? allocations.get(row.allocationId) : undefined;
                return (
                  <Table.Tr key={row.id} data-testid="time-row">
                    <Table.Td fz="sm">{formatDate(row.date)}</Table.Td>
                    <Table.Td fz="sm" fw={600}>
                      {row.amount} {t(`time.units.${row.unit}`)}
                    </Table.Td>
                    <Table.Td fz="sm">{allocation ? `${allocation.productCode} ${allocation.productName}` : t('common.none')}</Table.Td>
                    <Table.Td fz="sm">{row.userName}</Table.Td>
                    <Table.Td fz="sm">
                      <Group gap={6}>
                        {row.appointmentId && (
                          <Badge variant="light" color="blue" radius="sm" leftSection={<IconCalendarEvent size={12} aria-hidden />}>
                            {t('time.appointment')}
                          </Badge>
                        )}
                        {row.declaredAt && (
                          <Badge variant="light" color="gray" radius="sm">
                            {t('time.declared')}
                          </Badge>
                        )}
                        <Text fz="sm">{row.note}</Text>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {canEdit && !row.declaredAt && (
                        <ActionIcon variant="subtle" color="red" aria-label={`${t('common.delete')} ${formatDate(row.date)}`} onClick={() => remove.mutate(row.id)}>
                          <IconTrash size={18} />
                        </ActionIcon>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      {adding && (
        <TimeRegistrationModal
          defaults={{ clientId, date: toIsoDate(new Date().toISOString()), amount: '', unit: 'minuut', appointmentId: null }}
          onClose={() => setAdding(false)}
        />
      )}
    </Stack>
  );
}
