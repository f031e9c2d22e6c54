import { Button, Group, NumberInput, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { amountProblem, units, type Unit } from '../../../shared/domain/units.js';
import { api } from '../bridge/index.js';
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

/** Time for one client: from the dossier, or prefilled from an appointment (date, minutes, link). */
export function TimeRegistrationModal({ defaults, onClose }: { defaults: TimeDefaults; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [date, setDate] = useState(defaults.date);
  const [amount, setAmount] = useState<number | ''>(defaults.amount);
  const [unit, setUnit] = useState<Unit>(defaults.unit);
  const [allocationId, setAllocationId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
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
          <DateField label={t('time.date')} value={date} onChange={setDate} required />
          <NumberInput label={t('time.amount')} value={amount} onChange={(v) => setAmount(typeof v === 'number' ? v : '')} min={1} allowDecimal={false} required data-autofocus />
          <Select
            label={t('time.unit')}
            value={unit}
            allowDeselect={false}
            onChange={(v) => v && setUnit(v as Unit)}
            data={units.map((u) => ({ value: u, label: t(`time.units.${u}`) }))}
          />
        </SimpleGrid>
        <Select
          label={t('time.allocation')}
          placeholder={t('time.noAllocation')}
          value={allocationId}
          onChange={setAllocationId}
          clearable
          data={(existing.data?.allocations ?? []).map((a) => ({ value: a.id, label: `${a.law} · ${a.productCode} ${a.productName}` }))}
        />
        <Textarea label={t('time.note')} autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        {problem && (
          <Text c="red.9" fz="sm" role="alert">
            {problem}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={save.isPending}>
            {t('time.save')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
