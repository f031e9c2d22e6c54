import { Alert, Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyDossierRights } from '../../../../shared/ipc/calls/clients.js';
import type { ReportView } from '../../../../shared/ipc/calls/reports.js';
import { api } from '../../bridge/index.js';
import { formatLongDate, toIsoDate } from '../../format/dates.js';
import { unwrap } from '../../ipc/call.js';
import { ReportCard } from './ReportCard.js';
import { ReportComposer } from './ReportComposer.js';
import { ReportSearch } from './ReportSearch.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { reportsKey } from './report-keys.js';

/** Reports newest first, grouped per day; addenda shown under the report they amend. */
function groupTimeline(items: ReportView[]) {
  const addenda = new Map<string, ReportView[]>();
  const roots: ReportView[] = [];
  for (const report of items) {
    if (report.addendumOf) addenda.set(report.addendumOf, [...(addenda.get(report.addendumOf) ?? []), report]);
    else roots.push(report);
  }
  for (const list of addenda.values()) list.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  const days: Array<{ day: string; reports: ReportView[] }> = [];
  for (const report of roots) {
    const day = toIsoDate(report.occurredAt);
    const last = days[days.length - 1];
    if (last?.day === day) last.reports.push(report);
    else days.push({ day, reports: [report] });
  }
  return { days, addenda };
}

export function ReportsTab({ clientId, rights }: { clientId: string; rights: MyDossierRights }) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [highlighted, setHighlighted] = useState<string | null>(null);
  /** The report just written: it takes the focus once it is in the timeline. */
  const [justSaved, setJustSaved] = useState<string | null>(null);
  const reports = useQuery({ queryKey: reportsKey(clientId), queryFn: () => unwrap(api.reports.list({ clientId })) });
  const { days, addenda } = useMemo(() => groupTimeline(reports.data?.items ?? []), [reports.data]);

  const pick = (reportId: string) => {
    setHighlighted(reportId);
    document.getElementById(`report-${reportId}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  };

  return (
    <Stack gap="lg">
      {rights.canEdit ? (
        <ReportComposer clientId={clientId} onSaved={setJustSaved} />
      ) : (
        <Alert color="blue" variant="light">
          {t('reports.readOnlyNote')}
        </Alert>
      )}
      <ReportSearch clientId={clientId} query={query} onQuery={setQuery} onPick={pick} />
      <Stack gap="md" component="section" aria-labelledby="timeline-title">
        <Title order={2} fz={18} id="timeline-title">
          {t('reports.timeline')}
        </Title>
        {!reports.data && (
          <Center h={120}>
            <Loader aria-label={t('common.loading')} />
          </Center>
        )}
        {reports.data && days.length === 0 && (
          <Paper withBorder radius="lg">
            <EmptyState text={t('reports.empty')} nextStep={rights.canEdit ? t('reports.emptyNextStep', { title: t('reports.newTitle') }) : null} />
          </Paper>
        )}
        {days.map(({ day, reports: list }) => (
          <Stack key={day} gap="sm">
            <Text fw={700} fz="sm" c="dimmed">
              {formatLongDate(`${day}T12:00:00Z`, i18n.language)}
            </Text>
            {list.map((report) => (
              <ReportCard key={report.id} report={report} addenda={addenda.get(report.id) ?? []} rights={rights} highlighted={highlighted === report.id} takeFocus={justSaved === report.id} />
            ))}
          </Stack>
        ))}
      </Stack>
    </Stack>
  );
}
