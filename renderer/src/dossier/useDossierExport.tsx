import { Alert, Button } from '@mantine/core';
import { IconFileExport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ExportProgressPanel } from '../export/ExportProgressPanel.js';
import { useExport } from '../export/useExport.js';
import { IpcCallError } from '../ipc/call.js';
import { useErrorText } from '../ipc/useErrorText.js';

/**
 * "Exporteren" in the dossier itself: this dossier to Word, with progress and where the file went.
 * A refusal (licence, no right to read) says why in words a nurse can act on; the core logs it.
 */
export function useDossierExport(clientId: string) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const exporter = useExport();
  const progress = exporter.current;
  const failure = progress?.error ? new IpcCallError(progress.error) : exporter.startError;

  const refusal = (error: unknown): string => {
    const code = error instanceof IpcCallError ? error.error.code : null;
    if (code === 'forbidden') return t('export.refused.forbidden');
    if (code === 'licence_blocked') return t('export.refused.licence_blocked');
    if (code === 'licence_expired') return t('export.refused.licence_expired');
    return errorText(error);
  };

  const button = (
    <Button
      variant="default"
      leftSection={<IconFileExport size={18} aria-hidden />}
      loading={exporter.busy}
      onClick={() => void exporter.start('dossier-docx', clientId)}
      data-testid="dossier-export"
    >
      {t('export.thisDossier')}
    </Button>
  );
  const status = (
    <>
      {progress && <ExportProgressPanel progress={progress} onCancel={() => void exporter.cancel()} />}
      {failure !== null && failure !== undefined && (
        <Alert color="red" role="alert" title={t('export.refused.title')} data-testid="dossier-export-refused">
          {refusal(failure)}
        </Alert>
      )}
    </>
  );
  return { button, status };
}
