import { Alert, Code, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RetentionAuditView } from '../../../shared/api/retention.js';
import { api } from '../bridge/index.js';
import { formatDate, formatDateTime } from '../format/dates.js';
import { unwrap } from '../ipc/call.js';
import { retentionAuditKey, useRetentionErrorText } from './useRetention.js';

/**
 * The audit trail of retention and deletion (art. 7:454/7:455 BW): what happened to which case,
 * when, and who did it. It names no client (the trail keeps none); the case's reference is the one
 * the client got, and the one shown with each deletion request above.
 */
export function RetentionAuditTrail() {
  const { t, i18n } = useTranslation();
  const errorText = useRetentionErrorText();
  const trail = useQuery({ queryKey: retentionAuditKey, queryFn: () => unwrap(api.retention.audit({})), staleTime: 0 });
  const entries = trail.data?.entries ?? [];

  const who = (entry: RetentionAuditView) => entry.actorName ?? (entry.deviceName ? t('retention.audit.device', { name: entry.deviceName }) : t('retention.audit.service'));
  const details = (entry: RetentionAuditView) =>
    [
      entry.reason ? t(`retention.reasons.${entry.reason}`) : null,
      entry.until ? t('retention.audit.until', { date: formatDate(entry.until) }) : null,
      entry.removedRecords !== null ? t('retention.audit.removedRecords', { count: entry.removedRecords }) : null,
    ]
      .filter(Boolean)
      .join(' · ');

  return (
    <Paper withBorder p="lg" radius="lg">
      <Stack gap="sm">
        <div>
          <Title order={2} fz={18}>
            {t('retention.audit.title')}
          </Title>
          <Text fz="sm" c="dimmed">
            {t('retention.audit.intro')}
          </Text>
        </div>
        {trail.error && <Alert color="red" role="alert" title={errorText(trail.error)} />}
        {trail.isSuccess && entries.length === 0 && <Text c="dimmed">{t('retention.audit.empty')}</Text>}
        {entries.length > 0 && (
          <Table verticalSpacing="xs" striped data-testid="retention-audit">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('retention.audit.when')}</Table.Th>
                <Table.Th scope="col">{t('retention.audit.what')}</Table.Th>
                <Table.Th scope="col">{t('retention.audit.who')}</Table.Th>
                <Table.Th scope="col">{t('retention.audit.reference')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((entry) => (
                <Table.Tr key={`${entry.at}-${entry.event}-${entry.caseId}-${entry.deviceName ?? ''}`} data-testid="retention-audit-entry">
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at, i18n.language)}</Table.Td>
                  <Table.Td>
                    <Text fz="sm">{t(`retention.audit.events.${entry.event}`)}</Text>
                    {details(entry) && (
                      <Text fz="xs" c="dimmed">
                        {details(entry)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{who(entry)}</Table.Td>
                  <Table.Td>
                    <Code fz="xs">{entry.caseId}</Code>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {trail.data?.more && <Text fz="sm" c="dimmed">{t('retention.audit.more', { count: entries.length })}</Text>}
      </Stack>
    </Paper>
  );
}
