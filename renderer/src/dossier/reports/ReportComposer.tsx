import { Button, Group, Paper, SegmentedControl, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { reportCategories, type ReportCategory } from '../../../../shared/domain/report-categories.js';
import type { ReportKind, ReportVisibility } from '../../../../shared/domain/report.js';
import { api } from '../../bridge/index.js';
import { DraftStatus } from '../../drafts/DraftStatus.js';
import { useDraft } from '../../drafts/useDraft.js';
import { fromLocalInput, nowLocalInput } from '../../format/dates.js';
import { DateTimeField } from '../../forms/DateTimeField.js';
import { unwrap } from '../../ipc/call.js';
import { useErrorText } from '../../ipc/useErrorText.js';
import { notify } from '../../ui/notify.js';
import { newReportDraftKey, reportsKey } from './report-keys.js';

interface ComposerValues {
  kind: ReportKind;
  category: ReportCategory;
  occurredAt: string;
  body: string;
  visibility: ReportVisibility;
}

const fresh = (): ComposerValues => ({ kind: 'rapportage', category: 'Algemeen', occurredAt: nowLocalInput(), body: '', visibility: 'dossier' });

/**
 * "Nieuwe rapportage", always open at the top of the tab: the nurse starts typing at once. What
 * she types is a draft in the encrypted store within a second, and comes back after a lock, a
 * crash or a killed app.
 */
/** onSaved: the new report's id, so the timeline can give it the focus (the toast announces the save). */
export function ReportComposer({ clientId, onSaved }: { clientId: string; onSaved: (reportId: string) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<ComposerValues>({ defaultValues: fresh() });
  const values = form.watch();
  const draft = useDraft({
    key: newReportDraftKey(clientId),
    clientId,
    content: values.body.trim() === '' ? '' : JSON.stringify(values),
    onRestore: (content) => form.reset({ ...fresh(), ...(JSON.parse(content) as Partial<ComposerValues>) }),
  });
  const save = useMutation({
    mutationFn: (v: ComposerValues) => {
      const occurredAt = fromLocalInput(v.occurredAt) ?? new Date().toISOString();
      return unwrap(api.reports.create({ clientId, kind: v.kind, category: v.category, occurredAt, body: v.body, visibility: v.visibility }));
    },
    onSuccess: async (report) => {
      await draft.discard();
      form.reset(fresh());
      setProblem(null);
      await queryClient.invalidateQueries({ queryKey: reportsKey(clientId) });
      notify({ message: t('reports.saved') });
      onSaved(report.id);
    },
    onError: (error) => setProblem(errorText(error)),
  });

  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="new-report-title">
      <form
        onSubmit={form.handleSubmit((v) => {
          if (v.body.trim() === '') return setProblem(t('reports.emptyBody'));
          save.mutate(v);
        })}
        noValidate
      >
        <Stack gap="md">
          <Title order={2} fz={18} id="new-report-title">
            {t('reports.newTitle')}
          </Title>
          <Group gap="md" align="flex-end" wrap="wrap">
            <Controller
              control={form.control}
              name="kind"
              render={({ field }) => (
                <Stack gap={4}>
                  <Text fz="sm" fw={600} id="report-kind-label">
                    {t('reports.kind')}
                  </Text>
                  <SegmentedControl
                    aria-labelledby="report-kind-label"
                    value={field.value}
                    onChange={(v) => field.onChange(v)}
                    data={(['rapportage', 'dagrapportage'] as const).map((k) => ({ value: k, label: t(`reports.kinds.${k}`) }))}
                  />
                </Stack>
              )}
            />
            <Controller
              control={form.control}
              name="category"
              render={({ field }) => (
                <Select
                  w={180}
                  label={t('reports.category')}
                  data={reportCategories.map((c) => ({ value: c, label: t(`reports.categories.${c}`) }))}
                  value={field.value}
                  allowDeselect={false}
                  onChange={(v) => v && field.onChange(v)}
                />
              )}
            />
            <Controller
              control={form.control}
              name="occurredAt"
              render={({ field }) => <DateTimeField w={220} label={t('reports.occurredAt')} value={field.value} onChange={field.onChange} />}
            />
          </Group>
          <Textarea
            label={t('reports.body')}
            placeholder={t('reports.bodyPlaceholder')}
            autosize
            minRows={4}
            maxRows={16}
            error={problem}
            {...form.register('body', { onChange: () => setProblem(null) })}
          />
          <Group justify="space-between" align="center" wrap="wrap">
            <Controller
              control={form.control}
              name="visibility"
              render={({ field }) => (
                <Select
                  w={340}
                  label={t('reports.visibility')}
                  value={field.value}
                  allowDeselect={false}
                  onChange={(v) => v && field.onChange(v)}
                  data={(['dossier', 'restricted'] as const).map((v) => ({ value: v, label: t(`reports.visibilities.${v}`) }))}
                />
              )}
            />
            <Group gap="md" align="center">
              <DraftStatus state={draft.state} />
              <Button type="submit" loading={save.isPending} leftSection={<IconDeviceFloppy size={18} aria-hidden />}>
                {t('reports.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
