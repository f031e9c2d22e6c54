import { Alert, Box, Image, ScrollArea, Text } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentView } from '../../../../shared/ipc/calls/documents.js';
import { AppModal } from '../../ui/AppModal.js';
import { base64ToBytes } from './base64.js';

/**
 * Shows images and plain text inside the app (no new window: the shell blocks those, and a PDF
 * viewer would need a plug-in the strict CSP refuses). Other types are saved and opened outside.
 */
export function DocumentPreview({ document, contentBase64, onClose }: { document: DocumentView; contentBase64: string; onClose: () => void }) {
  const { t } = useTranslation();
  const isImage = /^image\/(png|jpeg|gif|webp)$/.test(document.mimeType);
  const isText = document.mimeType.startsWith('text/');
  const imageUrl = useMemo(
    () => (isImage ? URL.createObjectURL(new Blob([base64ToBytes(contentBase64)], { type: document.mimeType })) : null),
    [isImage, contentBase64, document.mimeType],
  );
  useEffect(() => () => void (imageUrl && URL.revokeObjectURL(imageUrl)), [imageUrl]);
  const text = useMemo(() => (isText ? new TextDecoder().decode(base64ToBytes(contentBase64)) : ''), [isText, contentBase64]);
  return (
    <AppModal opened onClose={onClose} title={t('documents.preview', { name: document.fileName })} size="xl">
      {imageUrl && <Image src={imageUrl} alt={document.fileName} fit="contain" mah="70vh" />}
      {isText && (
        <ScrollArea.Autosize mah="70vh">
          <Box component="pre" data-testid="document-text" style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', margin: 0 }}>
            {text}
          </Box>
        </ScrollArea.Autosize>
      )}
      {!imageUrl && !isText && (
        <Alert color="blue" variant="light">
          <Text fz="sm">{t('documents.noPreview')}</Text>
        </Alert>
      )}
    </AppModal>
  );
}
