import { Alert, Button, Group, MultiSelect, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clientDisplayName } from '../../../shared/domain/client.js';
import type { AppointmentView } from '../../../shared/ipc/calls/agenda.js';
import { api } from '../bridge/index.js';
import { DraftFormFooter } from '../drafts/DraftFormFooter.js';
import { changedFieldsDraft, restoreChangedFields } from '../drafts/draft-content.js';
import { useDraft } from '../drafts/useDraft.js';
import { fromLocalInput, toLocalInput } from '../format/dates.js';
import { DateTimeField } from '../forms/DateTimeField.js';
import { IpcCallError, unwrap } from '../ipc/call.js';
import { useErrorText } from '../ipc/useErrorText.js';
import { useSession } from '../session/useSession.js';
import { AppModal } from '../ui/AppModal.js';
import { notify } from '../ui/notify.js';
import { agendaKey } from './useAgendaRange.js';

export interface AppointmentDraft {
  startsAt: string;
  endsAt: string;
  clientIds: string[];
}

interface Props {
  /** An existing appointment to change, or the start of a new one. */
  appointment: AppointmentView | null;
  initial: AppointmentDraft;
  onClose: () => void;
  onRegisterTime?: (appointment: AppointmentView) => void;
}

interface Values {
  title: string;
  start: string;
  end: string;
  location: string;
  notes: string;
  clientIds: string[];
  practitionerIds: string[];
}

/**
 * Plan or change a home visit: when, where, with which client(s) and practitioner(s). What is
 * typed is a draft (one for a new appointment, one per appointment changed): cancelling, a lock or
 * a crash keeps it; saving or "Formulier leegmaken" / "Wijzigingen ongedaan maken" discards it. A
 * new appointment's draft keeps its own times only if they were changed; otherwise it takes the
 * slot just clicked.
 */
export function AppointmentModal({ appointment, initial, onClose, onRegisterTime }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const session = useSession();
  const me = session.data?.state === 'unlocked' ? session.data.user.id : '';
  const clients = useQuery({ queryKey: ['clients', 'list', '', null, false], queryFn: () => unwrap(api.clients.list({ query: '', mine: false })) });
  const users = useQuery({ queryKey: ['organisation', 'users'], queryFn: () => unwrap(api.organisation.users({})) });
  const baseline = useMemo<Values>(
    () => ({
      title: appointment?.title ?? '',
      start: toLocalInput(appointment?.startsAt ?? initial.startsAt),
      end: toLocalInput(appointment?.endsAt ?? initial.endsAt),
      location: appointment?.location ?? '',
      notes: appointment?.notes ?? '',
      clientIds: appointment?.clientIds ?? initial.clientIds,
      practitionerIds: appointment?.practitionerIds ?? (me ? [me] : []),
    }),
    [appointment, initial, me],
  );
  const [values, setValues] = useState<Values>(baseline);
  const { title, start, end, location, notes, clientIds, practitionerIds } = values;
  const set = <K extends keyof Values>(field: K) => (value: Values[K]) => setValues((current) => ({ ...current, [field]: value }));
  const [issues, setIssues] = useState<Record<string, string>>({});
  const locked = Boolean(appointment?.lockedAt);
  const editable = new Set((clients.data?.items ?? []).filter((c) => c.canEdit).map((c) => c.id));
  // A locked appointment cannot be changed, so nothing typed there is kept.
  const content = locked ? '' : changedFieldsDraft(values, baseline);
  const draft = useDraft({
    key: appointment ? `appointment:edit:${appointment.id}` : 'appointment:new',
    // Tied to a linked dossier the user may edit, so removing that dossier removes the draft too.
    clientId: clientIds.find((id) => editable.has(id)) ?? null,
    content,
    onRestore: (stored) => setValues(restoreChangedFields(stored, baseline)),
  });
  // The form first, then the draft: a save still pending must find the form as it started.
  const clear = async () => {
    setValues(baseline);
    await draft.discard();
  };

  const save = useMutation({
    mutationFn: () => {
      const fields = {
        title,
        startsAt: fromLocalInput(start) ?? '',
        endsAt: fromLocalInput(end) ?? '',
        location: location.trim() === '' ? null : location,
        notes: notes.trim() === '' ? null : notes,
        clientIds,
        practitionerIds,
      };
      return unwrap(appointment ? api.agenda.update({ appointmentId: appointment.id, patch: fields }) : api.agenda.create(fields));
    },
    onSuccess: async () => {
      await draft.discard();
      await queryClient.invalidateQueries({ queryKey: agendaKey });
      notify({ message: t('agenda.saved') });
      onClose();
    },
    onError: (error) => {
      if (error instanceof IpcCallError && error.error.issues) {
        setIssues(Object.fromEntries(error.error.issues.map((i) => [i.path.split('.').pop() ?? '', i.message])));
      }
    },
  });
  const remove = useMutation({
    mutationFn: () => unwrap(api.agenda.delete({ appointmentId: appointment!.id })),
    onSuccess: async () => {
      await draft.discard();
      await queryClient.invalidateQueries({ queryKey: agendaKey });
      notify({ message: t('agenda.deleted') });
      onClose();
    },
  });
  // Planning a visit changes the dossier's agenda: only clients whose dossier this user may edit.
  const clientOptions = (clients.data?.items ?? []).filter((c) => c.canEdit).map((c) => ({ value: c.id, label: clientDisplayName(c) }));
  // A linked client the user may no longer edit still shows by name.
  for (const c of appointment?.clients ?? []) if (!clientOptions.some((o) => o.value === c.id)) clientOptions.push({ value: c.id, label: c.name });

  return (
    <AppModal opened onClose={onClose} title={appointment ? t('agenda.editAppointment') : t('agenda.newAppointment')} size="lg">
      <Stack gap="md">
        {locked && (
          <Alert color="gray" icon={<IconLock aria-hidden />}>
            {t('agenda.locked')}
          </Alert>
        )}
        <TextInput
          label={t('agenda.appointmentTitle')}
          placeholder={t('agenda.titlePlaceholder')}
          value={title}
          onChange={(e) => set('title')(e.currentTarget.value)}
          error={issues.title}
          required
          readOnly={locked}
          data-autofocus
        />
        <SimpleGrid cols={2}>
          <DateTimeField label={t('agenda.start')} value={start} onChange={set('start')} error={issues.startsAt} readOnly={locked} required />
          <DateTimeField label={t('agenda.end')} value={end} onChange={set('end')} error={issues.endsAt} readOnly={locked} required />
        </SimpleGrid>
        <MultiSelect
          label={t('agenda.clients')}
          placeholder={clientIds.length === 0 ? t('agenda.clientsPlaceholder') : undefined}
          data={clientOptions}
          value={clientIds}
          onChange={set('clientIds')}
          searchable
          readOnly={locked}
          error={issues.clientIds}
        />
        <MultiSelect
          label={t('agenda.practitioners')}
          data={(users.data?.items ?? []).filter((u) => u.status === 'active').map((u) => ({ value: u.id, label: u.displayName }))}
          value={practitionerIds}
          onChange={set('practitionerIds')}
          searchable
          readOnly={locked}
          error={issues.practitionerIds}
        />
        <TextInput label={t('agenda.location')} value={location} onChange={(e) => set('location')(e.currentTarget.value)} readOnly={locked} />
        <Textarea label={t('agenda.notes')} value={notes} onChange={(e) => set('notes')(e.currentTarget.value)} autosize minRows={2} readOnly={locked} />
        {save.error && !(save.error instanceof IpcCallError && save.error.error.issues) && <Alert color="red" role="alert" title={errorText(save.error)} />}
        {appointment && !locked && (
          <Group>
            <Button variant="subtle" color="red" onClick={() => remove.mutate()} loading={remove.isPending}>
              {t('agenda.delete')}
            </Button>
          </Group>
        )}
        <DraftFormFooter
          state={draft.state}
          clear={content !== '' ? { label: appointment ? t('common.undo') : t('clients.clearForm'), onClear: () => void clear() } : undefined}
        >
          {appointment && onRegisterTime && appointment.clientIds.length > 0 && (
            <Button variant="default" onClick={() => onRegisterTime(appointment)}>
              {t('agenda.registerTime')}
            </Button>
          )}
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          {!locked && (
            <Button onClick={() => save.mutate()} loading={save.isPending}>
              {t('agenda.save')}
            </Button>
          )}
        </DraftFormFooter>
      </Stack>
    </AppModal>
  );
}
