import { Badge, Checkbox, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DossierAccessRow } from '../../../../shared/ipc/calls/access.js';
import { api } from '../../bridge/index.js';
import { unwrap } from '../../ipc/call.js';
import { useErrorText } from '../../ipc/useErrorText.js';
import { notify } from '../../ui/notify.js';

type Right = 'canRead' | 'canEdit' | 'canSignOff';

/** Rights implied by a change: edit and sign-off need read; taking read away takes all. */
function withChange(row: DossierAccessRow, right: Right, on: boolean) {
  const next = { canRead: row.canRead, canEdit: row.canEdit, canSignOff: row.canSignOff, [right]: on };
  if (right !== 'canRead' && on) next.canRead = true;
  if (right === 'canRead' && !on) return { canRead: false, canEdit: false, canSignOff: false };
  return next;
}

/** Administrators: who may open this dossier, with read / edit / sign-off per person. */
export function AccessTab({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const key = ['access', clientId];
  const list = useQuery({ queryKey: key, queryFn: () => unwrap(api.access.list({ clientId })) });
  const grant = useMutation({
    mutationFn: ({ row, right, on }: { row: DossierAccessRow; right: Right; on: boolean }) =>
      unwrap(api.access.grant({ clientId, userId: row.userId, rights: withChange(row, right, on) })).then(() => row),
    // Shown at once; the answer (or a refusal) settles it.
    onMutate: ({ row, right, on }) => {
      queryClient.setQueryData(key, (old: { items: DossierAccessRow[] } | undefined) =>
        old ? { items: old.items.map((r) => (r.userId === row.userId ? { ...r, ...withChange(row, right, on) } : r)) } : old,
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
    onSuccess: async (row) => {
      await queryClient.invalidateQueries({ queryKey: ['clients'] });
      notify({ message: t('access.saved', { name: row.displayName }) });
    },
    onError: (error) => notify({ color: 'red', message: errorText(error) }),
  });
  const rights: Array<{ right: Right; label: string }> = [
    { right: 'canRead', label: t('access.read') },
    { right: 'canEdit', label: t('access.edit') },
    { right: 'canSignOff', label: t('access.signOff') },
  ];
  return (
    <Stack gap="md">
      <div>
        <Title order={2} fz={18}>
          {t('access.title')}
        </Title>
        <Text fz="sm" c="dimmed">
          {t('access.intro')}
        </Text>
      </div>
      <Paper withBorder radius="lg">
        <Table verticalSpacing="sm" horizontalSpacing="lg" aria-label={t('access.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('access.user')}</Table.Th>
              {rights.map((r) => (
                <Table.Th key={r.right} ta="center">
                  {r.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data?.items ?? []).map((row) => (
              <Table.Tr key={row.userId}>
                <Table.Td>
                  <Text fw={600} fz="sm">
                    {row.displayName}
                  </Text>
                  <Text fz="xs" c="dimmed">
                    {row.email} · <Badge component="span" size="xs" variant="light" color="gray">{t(`access.roles.${row.role}`)}</Badge>
                  </Text>
                </Table.Td>
                {rights.map((r) => (
                  <Table.Td key={r.right}>
                    <Checkbox
                      mx="auto"
                      w="fit-content"
                      aria-label={t('access.toggle', { right: r.label, name: row.displayName })}
                      checked={row[r.right]}
                      disabled={grant.isPending}
                      onChange={(event) => grant.mutate({ row, right: r.right, on: event.currentTarget.checked })}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
