import { Alert, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../bridge/index.js';
import { unwrap } from '../ipc/call.js';
import { DateField } from '../forms/DateField.js';
import { notify } from '../ui/notify.js';
import { useRetentionChange, useRetentionErrorText } from './useRetention.js';

/** Today in Europe/Amsterdam: the deadline counts Dutch calendar days. */
const amsterdamToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** Art. 7:455 BW: whoever received the request records it, with the day it came in. */
export function DeletionRequestForm() {
  const { t } = useTranslation();
  const errorText = useRetentionErrorText();
  const [clientId, setClientId] = useState<string | null>(null);
  const [receivedOn, setReceivedOn] = useState(amsterdamToday());
  const clients = useQuery({ queryKey: ['clients', 'administration'], queryFn: () => unwrap(api.clients.administration({})) });
  const record = useRetentionChange((input: { clientId: string; receivedOn: string }) => unwrap(api.retention.recordDeletionRequest(input)));
  const options = (clients.data?.items ?? []).map((client) => ({
    value: client.id,
    label: `${[client.firstName, client.infix, client.lastName].filter(Boolean).join(' ')} · ${client.dossierNumber}`,
  }));

  return (
    <Paper withBorder p="lg" radius="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!clientId) return;
          record.mutate(
            { clientId, receivedOn },
            {
              onSuccess: () => {
                notify({ message: t('retention.requestSaved') });
                setClientId(null);
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          <div>
            <Title order={2} fz={18}>
              {t('retention.requestTitle')}
            </Title>
            <Text fz="sm" c="dimmed">
              {t('retention.requestIntro')}
            </Text>
          </div>
          <Group align="flex-end" wrap="wrap">
            <Select
              label={t('retention.requestClient')}
              placeholder={t('retention.requestClientPlaceholder')}
              data={options}
              value={clientId}
              onChange={setClientId}
              searchable
              required
              w={360}
              nothingFoundMessage={t('retention.unknownDossier')}
            />
            <DateField label={t('retention.requestReceivedOn')} value={receivedOn} onChange={setReceivedOn} maxDate={amsterdamToday()} required w={180} />
            <Button type="submit" loading={record.isPending} disabled={!clientId || !receivedOn}>
              {t('retention.requestSave')}
            </Button>
          </Group>
          {record.error && <Alert color="red" role="alert" title={errorText(record.error)} />}
        </Stack>
      </form>
    </Paper>
  );
}
