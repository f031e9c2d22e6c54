import { Button, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contactRelations, contactUpdateSchema, type Contact, type ContactRelation } from '../../../../shared/domain/contact.js';
import { api } from '../../bridge/index.js';
import { DraftFormFooter } from '../../drafts/DraftFormFooter.js';
import { changedFieldsDraft, restoreChangedFields } from '../../drafts/draft-content.js';
import { useDraft } from '../../drafts/useDraft.js';
import { applyServerIssues } from '../../forms/apply-server-issues.js';
import { domainResolver } from '../../forms/domain-resolver.js';
import { unwrap } from '../../ipc/call.js';
import { AppModal } from '../../ui/AppModal.js';
import { notify } from '../../ui/notify.js';

interface Values {
  relation: ContactRelation;
  name: string;
  organisationName: string;
  phone: string;
  email: string;
  note: string;
}
const fields = ['relation', 'name', 'organisationName', 'phone', 'email', 'note'] as const;
/** Every field of a contact is required to be present here (the update schema is all-optional). */
const schema = contactUpdateSchema.and(z.object({ relation: z.enum(contactRelations), name: z.string() }));
type Output = z.output<typeof schema>;

function startValues(contact: Contact | null): Values {
  return {
    relation: contact?.relation ?? 'familie',
    name: contact?.name ?? '',
    organisationName: contact?.organisationName ?? '',
    phone: contact?.phone ?? '',
    email: contact?.email ?? '',
    note: contact?.note ?? '',
  };
}

/**
 * A new contact or a change to one. What is typed is a draft (one per client for a new contact,
 * one per contact for a change): cancelling, a lock or a crash keeps it, and the form shows it
 * again when opened; saving or "Formulier leegmaken" / "Wijzigingen ongedaan maken" discards it.
 */
export function ContactFormModal({ clientId, contact, onClose }: { clientId: string; contact: Contact | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const baseline = useMemo(() => startValues(contact), [contact]);
  const form = useForm<Values, unknown, Output>({ defaultValues: baseline, resolver: domainResolver<Values, Output>(schema) });
  const content = changedFieldsDraft(form.watch(), baseline);
  const draft = useDraft({
    key: contact ? `contact:edit:${contact.id}` : `contact:new:${clientId}`,
    clientId,
    content,
    onRestore: (stored) => form.reset(restoreChangedFields(stored, baseline), { keepDefaultValues: true }),
  });
  // The form first, then the draft: a save still pending must find the form as it started.
  const clear = async () => {
    form.reset(baseline);
    await draft.discard();
  };
  const save = useMutation({
    mutationFn: (values: Output) =>
      unwrap(contact ? api.contacts.update({ contactId: contact.id, patch: values }) : api.contacts.create({ ...values, clientId })),
    onSuccess: async () => {
      await draft.discard();
      await queryClient.invalidateQueries({ queryKey: ['contacts', clientId] });
      notify({ message: t('contacts.saved') });
      onClose();
    },
    onError: (error) => applyServerIssues(error, form.setError, fields),
  });
  const errors = form.formState.errors;
  return (
    <AppModal opened onClose={onClose} title={contact ? t('contacts.edit') : t('contacts.new')} size="lg">
      <form onSubmit={form.handleSubmit((values) => save.mutate(values))} noValidate>
        <Stack gap="md">
          <SimpleGrid cols={2}>
            <TextInput label={t('contacts.name')} required error={errors.name?.message} data-autofocus {...form.register('name')} />
            <Controller
              control={form.control}
              name="relation"
              render={({ field }) => (
                <Select
                  label={t('contacts.relation')}
                  value={field.value}
                  allowDeselect={false}
                  onChange={(v) => v && field.onChange(v)}
                  data={contactRelations.map((r) => ({ value: r, label: t(`contacts.relations.${r}`) }))}
                />
              )}
            />
            <TextInput label={t('contacts.organisationName')} error={errors.organisationName?.message} {...form.register('organisationName')} />
            <TextInput label={t('contacts.phone')} type="tel" error={errors.phone?.message} {...form.register('phone')} />
            <TextInput label={t('contacts.email')} type="email" error={errors.email?.message} {...form.register('email')} />
          </SimpleGrid>
          <Textarea label={t('contacts.note')} autosize minRows={2} error={errors.note?.message} {...form.register('note')} />
          <DraftFormFooter
            state={draft.state}
            clear={content !== '' ? { label: contact ? t('common.undo') : t('clients.clearForm'), onClear: () => void clear() } : undefined}
          >
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </DraftFormFooter>
        </Stack>
      </form>
    </AppModal>
  );
}
