import { Alert, Badge, Button, Group, Paper, Progress, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconDatabaseExport, IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupSummaryItem } from '../../../shared/ipc/calls/backup.js';
import { formatBytes, formatDateTime } from '../format/dates.js';
import { useErrorText } from '../ipc/useErrorText.js';
import { notify } from '../ui/notify.js';
import { TableSection } from '../ui/TableSection.js';
import { RestoreBackupModal } from './RestoreBackupModal.js';
import { useBackups } from './useBackups.js';

/** Settings → Back-ups (SPEC §6): the backups on this laptop, make one now, restore one. */
export function BackupPage() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { list, create, fraction } = useBackups();
  const [restoring, setRestoring] = useState<BackupSummaryItem | null>(null);
  const kept = list.data?.kept ?? 7;
  const items = list.data?.items ?? [];

  return (
    <Stack gap="lg" maw={900}>
      <div>
        <Text fz="sm" c="dimmed">
          {t('backup.settings')}
        </Text>
        <Title order={1} fz={24}>
          {t('backup.title')}
        </Title>
      </div>
      <Text c="dimmed">{t('backup.intro', { kept })}</Text>

      <Paper withBorder p="lg" radius="lg">
        <Stack gap="sm">
          <Group>
            <Button
              leftSection={<IconDatabaseExport size={18} aria-hidden />}
              loading={create.isPending}
              onClick={() => create.mutate(undefined, { onSuccess: () => notify({ message: t('backup.created') }) })}
            >
              {t('backup.createNow')}
            </Button>
          </Group>
          {create.isPending && (
            <Stack gap={4} aria-live="polite" data-testid="backup-progress">
              <Text fz="sm">{t('backup.creating')}</Text>
              <Progress value={Math.round(fraction * 100)} aria-label={t('backup.creatingProgress')} animated />
            </Stack>
          )}
          {create.error && <Alert color="red" role="alert" title={errorText(create.error)} />}
        </Stack>
      </Paper>

      <TableSection
        title={t('backup.listTitle')}
        error={list.error ? errorText(list.error) : null}
        emptyText={t('backup.empty')}
        loaded={list.isSuccess}
        rowCount={items.length}
        columns={[t('backup.createdAt'), t('backup.contents'), t('backup.size'), t('backup.actions')]}
        testId="backup-list"
      >
      {items.map((backup) => {
        const date = formatDateTime(backup.createdAt, i18n.language);
        return (
          <Table.Tr key={backup.name} data-testid="backup-row">
            <Table.Td fw={500}>{date}</Table.Td>
            <Table.Td>
              {backup.state === 'ok' ? (
                <Text fz="sm">
                  {[t('backup.contentsClients', { count: backup.clients ?? 0 }), t('backup.contentsReports', { count: backup.reports ?? 0 }), t('backup.contentsDocuments', { count: backup.documents ?? 0 })].join(', ')}
                </Text>
              ) : (
                <Tooltip label={t(backup.state === 'tampered' ? 'backup.stateTamperedHint' : 'backup.stateForeignHint')} multiline w={280}>
                  <Badge color="red" variant="light">
                    {t(backup.state === 'tampered' ? 'backup.stateTampered' : 'backup.stateForeign')}
                  </Badge>
                </Tooltip>
              )}
            </Table.Td>
            <Table.Td>{formatBytes(backup.bytes, i18n.language)}</Table.Td>
            <Table.Td>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconRestore size={16} aria-hidden />}
                aria-label={t('backup.restoreLabel', { date })}
                disabled={create.isPending}
                onClick={() => setRestoring(backup)}
              >
                {t('backup.restore')}
              </Button>
            </Table.Td>
          </Table.Tr>
        );
      })}
      </TableSection>
      {restoring && <RestoreBackupModal backup={restoring} kept={kept} onClose={() => setRestoring(null)} />}
    </Stack>
  );
}
