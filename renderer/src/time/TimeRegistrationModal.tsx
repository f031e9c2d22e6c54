import { Button, NumberInput, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { amountProblem, units, type Unit } from '../../../shared/domain/units.js';
import { api } from '../bridge/index.js';
import { DraftFormFooter } from '../drafts/DraftFormFooter.js';
import { changedFieldsDraft, restoreChangedFields } from '../drafts/draft-content.js';
import { useDraft } from '../drafts/useDraft.js';
import { DateField } from '../forms/DateField.js';
import { unwrap } from '../ipc/call.js';
import { useErrorText } from '../ipc/useErrorText.js';
import { AppModal } from '../ui/AppModal.js';
import { notify } from '../ui/notify.js';

export interface TimeDefaults {
  clientId: string;
  date: string;
  amount: number | '';
  unit: Unit;
  appointmentId: string | null;
  /** Shown in the title when registering from an appointment. */
  appointmentTitle?: string;
}

interface Values {
  date: string;
  amount: number | '';
  unit: Unit;
  allocationId: string | null;
  note: string;
}

/**
 * Time for one client: from the dossier, or prefilled from an appointment (date, minutes, link).
 * What is typed is a draft (per client, or per appointment and client): cancelling, a lock or a
 * crash keeps it; saving or "Formulier leegmaken" discards it.
 */
export function TimeRegistrationModal({ defaults, onClose }: { defaults: TimeDefaults; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const baseline = useMemo<Values>(
    () => ({ date: defaults.date, amount: defaults.amount, unit: defaults.unit, allocationId: null, note: '' }),
    [defaults.date, defaults.amount, defaults.unit],
  );
  const [values, setValues] = useState<Values>(baseline);
  const { date, amount, unit, allocationId, note } = values;
  const set = <K extends keyof Values>(field: K) => (value: Values[K]) => setValues((current) => ({ ...current, [field]: value }));
  const [problem, setProblem] = useState<string | null>(null);
  const content = changedFieldsDraft(values, baseline);
  const draft = useDraft({
    key: defaults.appointmentId ? `time:appointment:${defaults.appointmentId}:${defaults.clientId}` : `time:new:${defaults.clientId}`,
    clientId: defaults.clientId,
    content,
    onRestore: (stored) => setValues(restoreChangedFields(stored, baseline)),
  });
  // The form first, then the draft: a save still pending must find the form as it started.
  const clear = async () => {
    setValues(baseline);
    await draft.discard();
  };
  const existing = useQuery({ queryKey: ['time', defaults.clientId], queryFn: () => unwrap(api.time.list({ clientId: defaults.clientId })) });
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.time.create({
          clientId: defaults.clientId,
          date,
          amount: Number(amount),
          unit,
          allocationId,
          appointmentId: defaults.appointmentId,
          note: note.trim() === '' ? null : note,
        }),
      ),
    onSuccess: async () => {
      await draft.discard();
      await queryClient.invalidateQueries({ queryKey: ['time', defaults.clientId] });
      notify({ message: t('time.saved') });
      onClose();
    },
    onError: (error) => setProblem(errorText(error)),
  });
  const submit = () => {
    const amountIssue = amount === '' ? 'Vul een aantal in' : amountProblem(unit, amount);
    if (!date) return setProblem('Vul een datum in');
    if (amountIssue) return setProblem(amountIssue);
    setProblem(null);
    save.mutate();
  };
  return (
    <AppModal opened onClose={onClose} title={defaults.appointmentTitle ? t('time.fromAppointment', { title: defaults.appointmentTitle }) : t('time.new')} size="lg">
      <Stack gap="md">
        <SimpleGrid cols={3}>
          <DateField label={t('time.date')} value={date} onChange={set('date')} required />
          <NumberInput label={t('time.amount')} value={amount} onChange={(v) => set('amount')(typeof v === 'number' ? v : '')} min={1} allowDecimal={false} required data-autofocus />
          <Select
            label={t('time.unit')}
            value={unit}
            allowDeselect={false}
            onChange={(v) => v && set('unit')(v as Unit)}
            data={units.map((u) => ({ value: u, label: t(`time.units.${u}`) }))}
          />
        </SimpleGrid>
        <Select
          label={t('time.allocation')}
          placeholder={t('time.noAllocation')}
          value={allocationId}
          onChange={set('allocationId')}
          clearable
          data={(existing.data?.allocations ?? []).map((a) => ({ value: a.id, label: `${a.law} · ${a.productCode} ${a.productName}` }))}
        />
        <Textarea label={t('time.note')} autosize minRows={2} value={note} onChange={(e) => set('note')(e.currentTarget.value)} />
        {problem && (
          <Text c="red.9" fz="sm" role="alert">
            {problem}
          </Text>
        )}
        <DraftFormFooter state={draft.state} clear={content !== '' ? { label: t('clients.clearForm'), onClear: () => void clear() } : undefined}>
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={save.isPending}>
            {t('time.save')}
          </Button>
        </DraftFormFooter>
      </Stack>
    </AppModal>
  );
}
