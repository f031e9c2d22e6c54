import { Alert, Button, Stack } from '@mantine/core';
import { AppModal } from '../ui/AppModal.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { clientDisplayName } from '../../../shared/domain/client.js';
import { api } from '../bridge/index.js';
import { DraftFormFooter } from '../drafts/DraftFormFooter.js';
import { changedFieldsDraft, restoreChangedFields } from '../drafts/draft-content.js';
import { useDraft } from '../drafts/useDraft.js';
import { domainResolver } from '../forms/domain-resolver.js';
import { applyServerIssues } from '../forms/apply-server-issues.js';
import { notify } from '../ui/notify.js';
import { unwrap } from '../ipc/call.js';
import { useErrorText } from '../ipc/useErrorText.js';
import { ClientFields } from './ClientFields.js';
import { clientCreateSchema, clientFormFields, emptyClient, type ClientCreateOutput, type ClientFormValues } from './client-form-values.js';

/** One draft per user: a half-registered client comes back when the form is opened again. */
const newClientDraftKey = 'client:new';

/**
 * "Nieuwe cliënt". What is typed is a draft in the encrypted store within a second: cancelling, a
 * lock, a reload or a crash keeps it, and the form shows it again when opened. A successful create
 * or "Formulier leegmaken" discards it.
 */
export function NewClientModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<ClientFormValues, unknown, ClientCreateOutput>({
    defaultValues: emptyClient,
    resolver: domainResolver<ClientFormValues, ClientCreateOutput>(clientCreateSchema),
    mode: 'onTouched',
  });
  const content = changedFieldsDraft(form.watch(), emptyClient);
  const draft = useDraft({
    key: newClientDraftKey,
    clientId: null,
    content,
    onRestore: (stored) => form.reset(restoreChangedFields(stored, emptyClient)),
  });
  // The form first, then the draft: a save still pending must find the form empty, not the old values.
  const clear = async () => {
    form.reset(emptyClient);
    await draft.discard();
  };
  const create = useMutation({
    mutationFn: (values: ClientCreateOutput) => unwrap(api.clients.create(values)),
    onSuccess: async (client) => {
      await clear();
      await queryClient.invalidateQueries({ queryKey: ['clients'] });
      notify({ title: t('clients.created'), message: `${clientDisplayName(client)} · ${client.dossierNumber}` });
      onClose();
      void navigate(`/dossiers/${client.id}`);
    },
    onError: (error) => applyServerIssues(error, form.setError, clientFormFields),
  });

  return (
    <AppModal opened={opened} onClose={onClose} title={t('clients.new')} size="xl">
      <form onSubmit={form.handleSubmit((values) => create.mutate(values))} noValidate>
        <Stack gap="lg">
          <ClientFields register={form.register} control={form.control} errors={form.formState.errors} />
          {create.error && !(form.formState.errors && Object.keys(form.formState.errors).length > 0) && (
            <Alert color="red" role="alert" title={errorText(create.error)} />
          )}
          <DraftFormFooter state={draft.state} clear={content !== '' ? { label: t('clients.clearForm'), onClear: () => void clear() } : undefined}>
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('clients.createSubmit')}
            </Button>
          </DraftFormFooter>
        </Stack>
      </form>
    </AppModal>
  );
}
