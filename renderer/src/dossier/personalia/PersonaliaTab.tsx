import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../../shared/domain/client.js';
import { api } from '../../bridge/index.js';
import { ClientFields } from '../../clients/ClientFields.js';
import {
  clientFormFields,
  clientToFormValues,
  clientUpdateSchema,
  type ClientFormValues,
  type ClientUpdateOutput,
} from '../../clients/client-form-values.js';
import { DraftStatus } from '../../drafts/DraftStatus.js';
import { useDraft } from '../../drafts/useDraft.js';
import { domainResolver } from '../../forms/domain-resolver.js';
import { applyServerIssues } from '../../forms/apply-server-issues.js';
import { notify } from '../../ui/notify.js';
import { unwrap } from '../../ipc/call.js';
import { useErrorText } from '../../ipc/useErrorText.js';

export function PersonaliaTab({ client, canEdit }: { client: Client; canEdit: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const form = useForm<ClientFormValues, unknown, ClientUpdateOutput>({
    defaultValues: clientToFormValues(client),
    resolver: domainResolver<ClientFormValues, ClientUpdateOutput>(clientUpdateSchema),
    mode: 'onTouched',
  });
  const values = form.watch();
  const draft = useDraft({
    key: `client:edit:${client.id}`,
    clientId: canEdit ? client.id : null,
    content: canEdit && form.formState.isDirty ? JSON.stringify(values) : '',
    onRestore: (content) => form.reset({ ...clientToFormValues(client), ...(JSON.parse(content) as Partial<ClientFormValues>) }, { keepDefaultValues: true }),
  });
  const save = useMutation({
    mutationFn: (patch: ClientUpdateOutput) => unwrap(api.clients.update({ clientId: client.id, patch })),
    onSuccess: async (updated) => {
      await draft.discard();
      form.reset(clientToFormValues(updated));
      await queryClient.invalidateQueries({ queryKey: ['clients'] });
      notify({ message: t('personalia.saved') });
    },
    onError: (error) => applyServerIssues(error, form.setError, clientFormFields),
  });

  return (
    <Paper withBorder radius="lg" p="lg">
      <form onSubmit={form.handleSubmit((patch) => save.mutate(patch))} noValidate>
        <Stack gap="lg">
          {!canEdit && (
            <Alert color="blue" variant="light">
              {t('personalia.readOnly')}
            </Alert>
          )}
          <ClientFields register={form.register} control={form.control} errors={form.formState.errors} readOnly={!canEdit} />
          {save.error && Object.keys(form.formState.errors).length === 0 && <Alert color="red" role="alert" title={errorText(save.error)} />}
          {canEdit && (
            <Group justify="space-between">
              <DraftStatus state={draft.state} />
              {/* ml auto: the buttons stay on the right also when there is no draft state to show. */}
              <Group ml="auto">
                {form.formState.isDirty && <Text fz="xs" c="dimmed">{t('personalia.unsaved')}</Text>}
                <Button variant="default" disabled={!form.formState.isDirty} onClick={() => { form.reset(clientToFormValues(client)); void draft.discard(); }}>
                  {t('common.undo')}
                </Button>
                <Button type="submit" loading={save.isPending} disabled={!form.formState.isDirty}>
                  {t('common.save')}
                </Button>
              </Group>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
