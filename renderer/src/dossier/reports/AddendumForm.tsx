import { Button, Group, Paper, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportView } from '../../../../shared/ipc/calls/reports.js';
import { api } from '../../bridge/index.js';
import { DraftStatus } from '../../drafts/DraftStatus.js';
import { useDraft } from '../../drafts/useDraft.js';
import { formatDateTime } from '../../format/dates.js';
import { unwrap } from '../../ipc/call.js';
import { useErrorText } from '../../ipc/useErrorText.js';
import { notify } from '../../ui/notify.js';
import { addendumDraftKey, reportsKey } from './report-keys.js';

/** An addendum (aanvulling) to a report that can no longer change; starts with any refused edit. */
export function AddendumForm({ report, initialText, onDone }: { report: ReportView; initialText: string; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [body, setBody] = useState(initialText);
  const draft = useDraft({
    key: addendumDraftKey(report.id),
    clientId: report.clientId,
    content: body.trim() === '' ? '' : body,
    onRestore: (content) => setBody((current) => (current.trim() === '' ? content : current)),
  });
  const save = useMutation({
    mutationFn: () => unwrap(api.reports.addAddendum({ reportId: report.id, body })),
    onSuccess: async () => {
      await draft.discard();
      await queryClient.invalidateQueries({ queryKey: reportsKey(report.clientId) });
      notify({ message: t('reports.addendumSaved') });
      onDone();
    },
  });
  return (
    <Paper withBorder radius="md" p="md" bg="gray.0">
      <Stack gap="sm">
        <Textarea
          label={t('reports.addendumTitle', { at: formatDateTime(report.occurredAt, i18n.language) })}
          autosize
          minRows={3}
          value={body}
          onChange={(event) => setBody(event.currentTarget.value)}
          error={save.error ? errorText(save.error) : null}
          data-autofocus
        />
        <Group justify="space-between">
          <DraftStatus state={draft.state} />
          <Group>
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => save.mutate()} loading={save.isPending} disabled={body.trim() === ''}>
              {t('reports.addendumSave')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
