import { Code, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RetentionAuditView } from '../../../shared/api/retention.js';
import { api } from '../bridge/index.js';
import { formatDate, formatDateTime } from '../format/dates.js';
import { unwrap } from '../ipc/call.js';
import { TableSection } from '../ui/TableSection.js';
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
    <TableSection
      title={t('retention.audit.title')}
      intro={t('retention.audit.intro')}
      error={trail.error ? errorText(trail.error) : null}
      emptyText={t('retention.audit.empty')}
      loaded={trail.isSuccess}
      rowCount={entries.length}
      columns={[t('retention.audit.when'), t('retention.audit.what'), t('retention.audit.who'), t('retention.audit.reference')]}
      testId="retention-audit"
      tableProps={{ verticalSpacing: 'xs', striped: true }}
      footer={trail.data?.more && <Text fz="sm" c="dimmed">{t('retention.audit.more', { count: entries.length })}</Text>}
    >
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
    </TableSection>
  );
}
