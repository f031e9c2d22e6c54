import { ActionIcon, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../shared/domain/contact.js';
import { api } from '../../bridge/index.js';
import { unwrap } from '../../ipc/call.js';
import { useErrorText } from '../../ipc/useErrorText.js';
import { ConfirmModal } from '../../ui/ConfirmModal.js';
import { notify } from '../../ui/notify.js';
import { ContactFormModal } from './ContactFormModal.js';

export function ContactsTab({ clientId, canEdit }: { clientId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const key = ['contacts', clientId];
  const list = useQuery({ queryKey: key, queryFn: () => unwrap(api.contacts.list({ clientId })) });
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const [removing, setRemoving] = useState<Contact | null>(null);
  const remove = useMutation({
    mutationFn: (contact: Contact) => unwrap(api.contacts.delete({ contactId: contact.id })),
    onSuccess: async () => {
      setRemoving(null);
      await queryClient.invalidateQueries({ queryKey: key });
      notify({ message: t('contacts.deleted') });
    },
    onError: (error) => {
      setRemoving(null);
      notify({ color: 'red', message: errorText(error) });
    },
  });
  const items = list.data?.items ?? [];
  return (
    <Stack gap="md">
      {canEdit && (
        <Group justify="flex-end">
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            {t('contacts.new')}
          </Button>
        </Group>
      )}
      <Paper withBorder radius="lg">
        {items.length === 0 ? (
          <Text c="dimmed" p="lg">
            {t('contacts.empty')}
          </Text>
        ) : (
          <Table verticalSpacing="sm" horizontalSpacing="lg" aria-label={t('contacts.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('contacts.name')}</Table.Th>
                <Table.Th>{t('contacts.relation')}</Table.Th>
                <Table.Th>{t('contacts.phone')}</Table.Th>
                <Table.Th>{t('contacts.email')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common.edit')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((contact) => (
                <Table.Tr key={contact.id}>
                  <Table.Td>
                    <Text fw={600} fz="sm">
                      {contact.name}
                    </Text>
                    {contact.organisationName && (
                      <Text fz="xs" c="dimmed">
                        {contact.organisationName}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color="gray" radius="sm">
                      {t(`contacts.relations.${contact.relation}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td fz="sm">{contact.phone && <Anchor href={`tel:${contact.phone}`}>{contact.phone}</Anchor>}</Table.Td>
                  <Table.Td fz="sm">{contact.email}</Table.Td>
                  <Table.Td>
                    {canEdit && (
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <ActionIcon variant="subtle" aria-label={`${t('common.edit')} ${contact.name}`} onClick={() => setEditing(contact)}>
                          <IconPencil size={18} />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`${t('common.delete')} ${contact.name}`}
                          onClick={() => setRemoving(contact)}
                        >
                          <IconTrash size={18} />
                        </ActionIcon>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <ConfirmModal
        opened={removing !== null}
        title={t('contacts.confirmDeleteTitle')}
        message={removing ? t('contacts.confirmDelete', { name: removing.name, relation: t(`contacts.relations.${removing.relation}`) }) : ''}
        confirmLabel={t('common.confirmRemove')}
        onConfirm={() => removing && remove.mutate(removing)}
        onCancel={() => setRemoving(null)}
        pending={remove.isPending}
      />
      {editing && <ContactFormModal clientId={clientId} contact={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
