import { Badge, Box, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconEyeOff, IconLock, IconPencil, IconPlus, IconUserShield } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyDossierRights } from '../../../../shared/ipc/calls/clients.js';
import type { ReportView } from '../../../../shared/ipc/calls/reports.js';
import { api } from '../../bridge/index.js';
import { formatDateTime } from '../../format/dates.js';
import { unwrap } from '../../ipc/call.js';
import { useErrorText } from '../../ipc/useErrorText.js';
import { notify } from '../../ui/notify.js';
import { AddendumForm } from './AddendumForm.js';
import { LockReportModal } from './LockReportModal.js';
import { ReportAccessModal } from './ReportAccessModal.js';
import { ReportEditForm } from './ReportEditForm.js';
import { reportsKey } from './report-keys.js';
import classes from './ReportCard.module.css';

type Mode = { kind: 'view' } | { kind: 'edit' } | { kind: 'addendum'; text: string };

interface Props {
  report: ReportView;
  addenda: ReportView[];
  rights: MyDossierRights;
  highlighted: boolean;
  /**
   * Just written in the composer: the focus moves here, so a keyboard user sees where the report
   * landed and the next Tab goes on inside it, not back at the top of the page.
   */
  takeFocus?: boolean;
}

/** One report in the timeline: its text, who wrote, signed and locked it, its addenda, and what this user may do. */
export function ReportCard({ report, addenda, rights, highlighted, takeFocus = false }: Props) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const card = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (takeFocus) card.current?.focus();
  }, [takeFocus]);
  const [confirmLock, setConfirmLock] = useState(false);
  const [accessOpen, setAccessOpen] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: reportsKey(report.clientId) });
  const signOff = useMutation({
    mutationFn: () => unwrap(api.reports.signOff({ reportId: report.id })),
    onSuccess: async () => {
      await refresh();
      notify({ message: t('reports.signedOffDone') });
    },
    onError: (error) => notify({ color: 'red', message: errorText(error) }),
  });
  const lock = useMutation({
    mutationFn: () => unwrap(api.reports.lock({ reportId: report.id })),
    onSuccess: async () => {
      setConfirmLock(false);
      await refresh();
      notify({ message: t('reports.lockedDone') });
    },
    onError: (error) => {
      setConfirmLock(false);
      notify({ color: 'red', message: errorText(error) });
    },
  });
  const closed = Boolean(report.lockedAt || report.signedOffAt);
  // The store's rule: someone who may sign off, or the author (who manages its access) with edit rights.
  const mayLock = !report.lockedAt && (rights.canSignOff || (report.mayManageAccess && rights.canEdit));
  const maySignOff = !closed && rights.canSignOff;
  const at = formatDateTime(report.occurredAt, i18n.language);

  return (
    <Paper
      withBorder
      radius="lg"
      p="lg"
      id={`report-${report.id}`}
      ref={card}
      tabIndex={-1}
      className={highlighted ? `${classes.card} ${classes.highlighted}` : classes.card}
      data-testid="report-card"
      component="article"
      aria-label={`${t(`reports.kinds.${report.kind}`)} ${at}`}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Group gap="xs">
              <Text fw={700}>{at}</Text>
              <Badge variant="light" color="teal" radius="sm">
                {t(`reports.categories.${report.category}`, { defaultValue: report.category })}
              </Badge>
              {report.kind === 'dagrapportage' && (
                <Badge variant="light" color="indigo" radius="sm">
                  {t('reports.kinds.dagrapportage')}
                </Badge>
              )}
              {report.visibility === 'restricted' && (
                <Badge variant="light" color="grape" radius="sm" leftSection={<IconEyeOff size={12} aria-hidden />}>
                  {t('reports.restrictedBadge')}
                </Badge>
              )}
            </Group>
            <Text fz="sm" c="dimmed">
              {t('reports.author', { name: report.authorName })}
            </Text>
          </Stack>
          <Group gap={6}>
            {report.signedOffAt && (
              <Badge color="teal" variant="light" leftSection={<IconCircleCheck size={12} aria-hidden />} data-testid="signed-off-badge">
                {t('reports.signedOffBadge')}
              </Badge>
            )}
            {report.lockedAt && (
              <Badge color="orange" variant="light" leftSection={<IconLock size={12} aria-hidden />} data-testid="locked-badge">
                {t('reports.lockedBadge')}
              </Badge>
            )}
          </Group>
        </Group>

        {mode.kind === 'edit' ? (
          <ReportEditForm report={report} onDone={() => setMode({ kind: 'view' })} onRefused={(text) => setMode({ kind: 'addendum', text })} />
        ) : (
          <Text className={classes.body} data-testid="report-body">
            {report.body}
          </Text>
        )}

        {(report.signedOffAt || report.lockedAt) && (
          <Stack gap={0}>
            {report.signedOffAt && (
              <Text fz="xs" c="dimmed">
                {t('reports.signedOff', { name: report.signedOffByName, at: formatDateTime(report.signedOffAt, i18n.language) })}
              </Text>
            )}
            {report.lockedAt && (
              <Text fz="xs" c="dimmed">
                {t('reports.locked', { name: report.lockedByName, at: formatDateTime(report.lockedAt, i18n.language) })}
              </Text>
            )}
          </Stack>
        )}

        {addenda.length > 0 && (
          <Stack gap="xs" className={classes.addenda}>
            {addenda.map((addendum) => (
              <Box key={addendum.id} data-testid="addendum">
                <Group gap="xs">
                  <Badge variant="light" color="blue" radius="sm">
                    {t('reports.addendumBadge')}
                  </Badge>
                  <Text fz="sm" fw={600}>
                    {formatDateTime(addendum.occurredAt, i18n.language)}
                  </Text>
                  <Text fz="sm" c="dimmed">
                    {t('reports.author', { name: addendum.authorName })}
                  </Text>
                </Group>
                <Text className={classes.body} mt={4}>
                  {addendum.body}
                </Text>
              </Box>
            ))}
          </Stack>
        )}

        {mode.kind === 'addendum' && <AddendumForm report={report} initialText={mode.text} onDone={() => setMode({ kind: 'view' })} />}

        {mode.kind === 'view' && (
          <Group gap="xs">
            {report.mayEdit && (
              <Button size="xs" variant="default" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setMode({ kind: 'edit' })}>
                {t('reports.edit')}
              </Button>
            )}
            {closed && rights.canEdit && (
              <Button size="xs" variant="default" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setMode({ kind: 'addendum', text: '' })}>
                {t('reports.addAddendum')}
              </Button>
            )}
            {maySignOff && (
              <Button size="xs" variant="default" leftSection={<IconCircleCheck size={14} aria-hidden />} onClick={() => signOff.mutate()} loading={signOff.isPending}>
                {t('reports.signOff')}
              </Button>
            )}
            {mayLock && (
              <Button size="xs" variant="default" leftSection={<IconLock size={14} aria-hidden />} onClick={() => setConfirmLock(true)}>
                {t('reports.lock')}
              </Button>
            )}
            {report.mayManageAccess && (
              <Button size="xs" variant="default" leftSection={<IconUserShield size={14} aria-hidden />} onClick={() => setAccessOpen(true)}>
                {t('reports.access')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
      <LockReportModal opened={confirmLock} onCancel={() => setConfirmLock(false)} onConfirm={() => lock.mutate()} pending={lock.isPending} />
      {accessOpen && <ReportAccessModal report={report} onClose={() => setAccessOpen(false)} />}
    </Paper>
  );
}
