import { ActionIcon, Alert, Group, Paper, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconDownload, IconEye, IconFile, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentView } from '../../../../shared/ipc/calls/documents.js';
import { api } from '../../bridge/index.js';
import { formatBytes, formatDateTime } from '../../format/dates.js';
import { unwrap } from '../../ipc/call.js';
import { useErrorText } from '../../ipc/useErrorText.js';
import { ConfirmModal } from '../../ui/ConfirmModal.js';
import { notify } from '../../ui/notify.js';
import { bytesToBase64 } from './base64.js';
import { DocumentPreview } from './DocumentPreview.js';
import { DropZone } from './DropZone.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { saveFile } from './save-file.js';

/** The MIME type the browser reports, or a safe default the domain schema accepts. */
function mimeOf(file: File): string {
  return /^[\w.+-]+\/[\w.+-]+$/.test(file.type) ? file.type : 'application/octet-stream';
}

export function DocumentsTab({ clientId, canEdit }: { clientId: string; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const key = ['documents', clientId];
  const list = useQuery({ queryKey: key, queryFn: () => unwrap(api.documents.list({ clientId })) });
  const [problems, setProblems] = useState<string[]>([]);
  const [preview, setPreview] = useState<{ document: DocumentView; contentBase64: string } | null>(null);
  const maxBytes = list.data?.maxBytes ?? 25 * 1024 * 1024;

  const add = useMutation({
    mutationFn: async (file: File) => {
      const contentBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
      return unwrap(api.documents.add({ clientId, fileName: file.name, mimeType: mimeOf(file), contentBase64 }));
    },
    onSuccess: (doc) => notify({ message: t('documents.added', { name: doc.fileName }) }),
  });
  const addFiles = async (files: File[]) => {
    const found: string[] = [];
    for (const file of files) {
      // Refused before reading it: a clear sentence beats a long wait and a generic error.
      if (file.size > maxBytes) {
        found.push(t('documents.tooLarge', { name: file.name, size: formatBytes(file.size, i18n.language), limit: formatBytes(maxBytes, i18n.language) }));
        continue;
      }
      try {
        await add.mutateAsync(file);
      } catch (error) {
        found.push(`${file.name}: ${errorText(error)}`);
      }
    }
    setProblems(found);
    await queryClient.invalidateQueries({ queryKey: key });
  };
  const open = useMutation({
    mutationFn: (documentId: string) => unwrap(api.documents.read({ documentId })),
    onError: (error) => notify({ color: 'red', message: errorText(error) }),
  });
  const [removing, setRemoving] = useState<DocumentView | null>(null);
  const remove = useMutation({
    mutationFn: (doc: DocumentView) => unwrap(api.documents.delete({ documentId: doc.id })).then(() => doc),
    onSuccess: async (doc) => {
      setRemoving(null);
      await queryClient.invalidateQueries({ queryKey: key });
      notify({ message: t('documents.removed', { name: doc.fileName }) });
    },
    onError: (error) => {
      setRemoving(null);
      notify({ color: 'red', message: errorText(error) });
    },
  });

  const items = list.data?.items ?? [];
  return (
    <Stack gap="md">
      {canEdit && <DropZone maxBytes={maxBytes} onFiles={(files) => void addFiles(files)} disabled={add.isPending} />}
      {problems.map((problem) => (
        <Alert key={problem} color="red" role="alert" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setProblems((p) => p.filter((x) => x !== problem))}>
          {problem}
        </Alert>
      ))}
      <Paper withBorder radius="lg">
        {items.length === 0 ? (
          <EmptyState text={t('documents.empty')} nextStep={canEdit ? t('documents.emptyNextStep') : null} />
        ) : (
          <Table verticalSpacing="sm" horizontalSpacing="lg" aria-label={t('documents.tableLabel')} highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('documents.col.name')}</Table.Th>
                <Table.Th>{t('documents.col.size')}</Table.Th>
                <Table.Th>{t('documents.col.added')}</Table.Th>
                <Table.Th>{t('documents.col.by')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('documents.col.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((doc) => (
                <Table.Tr key={doc.id}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <IconFile size={18} aria-hidden />
                      <Text fw={600} fz="sm">
                        {doc.fileName}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td fz="sm">{formatBytes(doc.sizeBytes, i18n.language)}</Table.Td>
                  <Table.Td fz="sm">{formatDateTime(doc.createdAt, i18n.language)}</Table.Td>
                  <Table.Td fz="sm">{doc.uploadedByName}</Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Tooltip label={t('documents.open')}>
                        <ActionIcon variant="subtle" aria-label={`${t('documents.open')} ${doc.fileName}`} onClick={() => open.mutate(doc.id, { onSuccess: (r) => setPreview(r) })}>
                          <IconEye size={18} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('documents.download')}>
                        <ActionIcon
                          variant="subtle"
                          aria-label={`${t('documents.download')} ${doc.fileName}`}
                          onClick={() => open.mutate(doc.id, { onSuccess: (r) => saveFile(r.document.fileName, r.document.mimeType, r.contentBase64) })}
                        >
                          <IconDownload size={18} />
                        </ActionIcon>
                      </Tooltip>
                      {canEdit && (
                        <Tooltip label={t('common.delete')}>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={`${t('common.delete')} ${doc.fileName}`}
                            onClick={() => setRemoving(doc)}
                          >
                            <IconTrash size={18} />
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <ConfirmModal
        opened={removing !== null}
        title={t('documents.confirmRemoveTitle')}
        message={
          removing
            ? t('documents.confirmRemove', { name: removing.fileName, size: formatBytes(removing.sizeBytes, i18n.language), at: formatDateTime(removing.createdAt, i18n.language) })
            : ''
        }
        confirmLabel={t('common.confirmRemove')}
        onConfirm={() => removing && remove.mutate(removing)}
        onCancel={() => setRemoving(null)}
        pending={remove.isPending}
      />
      {preview && <DocumentPreview document={preview.document} contentBase64={preview.contentBase64} onClose={() => setPreview(null)} />}
    </Stack>
  );
}
