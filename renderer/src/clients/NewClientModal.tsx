import { Alert, Button, Group, Stack } from '@mantine/core';
import { AppModal } from '../ui/AppModal.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { clientDisplayName } from '../../../shared/domain/client.js';
import { api } from '../bridge/index.js';
import { domainResolver } from '../forms/domain-resolver.js';
import { applyServerIssues } from '../forms/apply-server-issues.js';
import { notify } from '../ui/notify.js';
import { unwrap } from '../ipc/call.js';
import { useErrorText } from '../ipc/useErrorText.js';
import { ClientFields } from './ClientFields.js';
import { clientCreateSchema, clientFormFields, emptyClient, type ClientCreateOutput, type ClientFormValues } from './client-form-values.js';

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
  const create = useMutation({
    mutationFn: (values: ClientCreateOutput) => unwrap(api.clients.create(values)),
    onSuccess: async (client) => {
      await queryClient.invalidateQueries({ queryKey: ['clients'] });
      notify({ title: t('clients.created'), message: `${clientDisplayName(client)} · ${client.dossierNumber}` });
      form.reset(emptyClient);
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
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('clients.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
