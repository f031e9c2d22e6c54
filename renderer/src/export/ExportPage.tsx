import { Alert, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconFileText, IconFileZip } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../bridge/index.js';
import { IpcCallError, unwrap } from '../ipc/call.js';
import { useErrorText } from '../ipc/useErrorText.js';
import { useLicence } from '../licence/useLicence.js';
import { ExportProgressPanel } from './ExportProgressPanel.js';
import { useExport } from './useExport.js';

/** Export to Word and Excel (SPEC §2): free and always allowed unless the account is blocked. */
export function ExportPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const licence = useLicence();
  const exporter = useExport();
  const [clientId, setClientId] = useState<string | null>(null);
  const clients = useQuery({ queryKey: ['dossiers', 'export-choice'], queryFn: () => unwrap(api.dossiers.list({ query: '' })) });
  const allowed = licence.data?.canExport ?? false;
  const progress = exporter.current;
  const failure = progress?.error ? new IpcCallError(progress.error) : exporter.startError;

  return (
    <Stack gap="lg" maw={760}>
      <Title order={1} fz={24}>
        {t('export.title')}
      </Title>
      <Text c="dimmed">{t('export.intro')}</Text>
      {licence.data && !allowed && <Alert color="orange" title={t('export.notAllowed')} />}

      <Paper withBorder p="lg" radius="lg">
        <Stack gap="sm">
          <Title order={2} fz={18}>
            {t('export.oneDossier')}
          </Title>
          <Select
            label={t('export.chooseDossier')}
            placeholder={t('export.chooseDossierPlaceholder')}
            searchable
            data={(clients.data?.items ?? []).map((item) => ({ value: item.id, label: `${item.name} (${item.dossierNumber})` }))}
            value={clientId}
            onChange={setClientId}
          />
          <Group>
            <Button
              leftSection={<IconFileText size={18} aria-hidden />}
              disabled={!allowed || !clientId || exporter.busy}
              onClick={() => clientId && void exporter.start('dossier-docx', clientId)}
            >
              {t('export.dossierToWord')}
            </Button>
          </Group>
        </Stack>
      </Paper>

      <Paper withBorder p="lg" radius="lg">
        <Stack gap="sm">
          <Title order={2} fz={18}>
            {t('export.allDossiers')}
          </Title>
          <Text fz="sm" c="dimmed">
            {t('export.allDossiersHint')}
          </Text>
          <Group>
            <Button leftSection={<IconFileSpreadsheet size={18} aria-hidden />} disabled={!allowed || exporter.busy} onClick={() => void exporter.start('all-xlsx')}>
              {t('export.allToExcel')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconFileZip size={18} aria-hidden />}
              disabled={!allowed || exporter.busy}
              onClick={() => void exporter.start('all-docx-zip')}
            >
              {t('export.allToWordZip')}
            </Button>
          </Group>
        </Stack>
      </Paper>

      {progress && <ExportProgressPanel progress={progress} onCancel={() => void exporter.cancel()} />}
      {failure !== null && failure !== undefined && <Alert color="red" role="alert" title={errorText(failure)} />}
    </Stack>
  );
}
