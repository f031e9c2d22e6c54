import { Alert, Button, Group, Stack, Textarea } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportView } from '../../../../shared/ipc/calls/reports.js';
import { api } from '../../bridge/index.js';
import { DraftStatus } from '../../drafts/DraftStatus.js';
import { useDraft } from '../../drafts/useDraft.js';
import { IpcCallError, unwrap } from '../../ipc/call.js';
import { useErrorText } from '../../ipc/useErrorText.js';
import { notify } from '../../ui/notify.js';
import { editReportDraftKey, reportsKey } from './report-keys.js';

interface Props {
  report: ReportView;
  onDone: () => void;
  /** The store refused (locked or signed off): hand the typed text to an addendum. */
  onRefused: (text: string) => void;
}

/**
 * Editing one's own report. The store decides: a locked or signed-off report refuses every change
 * (record_locked). The typed text is then kept and offered as an addendum, never thrown away.
 */
export function ReportEditForm({ report, onDone, onRefused }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [body, setBody] = useState(report.body);
  const [refused, setRefused] = useState(false);
  const draft = useDraft({
    key: editReportDraftKey(report.id),
    clientId: report.clientId,
    content: body === report.body ? '' : body,
    onRestore: (content) => setBody(content),
  });
  const save = useMutation({
    mutationFn: () => unwrap(api.reports.update({ reportId: report.id, patch: { body } })),
    onSuccess: async () => {
      await draft.discard();
      await queryClient.invalidateQueries({ queryKey: reportsKey(report.clientId) });
      notify({ message: t('reports.updated') });
      onDone();
    },
    onError: (error) => {
      if (error instanceof IpcCallError && error.error.code === 'record_locked') setRefused(true);
    },
  });

  return (
    <Stack gap="sm">
      <Textarea label={t('reports.editTitle')} autosize minRows={4} value={body} onChange={(event) => setBody(event.currentTarget.value)} data-autofocus />
      {refused ? (
        <Alert color="orange" role="alert" icon={<IconLock aria-hidden />} title={t('reports.refusedTitle')}>
          <Stack gap="sm" align="flex-start">
            {t('reports.refusedText')}
            <Button
              size="xs"
              onClick={() => {
                void draft.discard();
                onRefused(body);
              }}
            >
              {t('reports.addAsAddendum')}
            </Button>
          </Stack>
        </Alert>
      ) : (
        save.error && <Alert color="red" role="alert" title={errorText(save.error)} />
      )}
      <Group justify="space-between">
        <DraftStatus state={draft.state} />
        <Group>
          <Button
            variant="default"
            onClick={() => {
              void draft.discard();
              onDone();
            }}
          >
            {t('common.cancel')}
          </Button>
          {!refused && (
            <Button onClick={() => save.mutate()} loading={save.isPending} disabled={body.trim() === '' || body === report.body}>
              {t('common.save')}
            </Button>
          )}
        </Group>
      </Group>
    </Stack>
  );
}
