import { Anchor, Breadcrumbs, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { clientDisplayName, type Client } from '../../../shared/domain/client.js';
import { ClientStatusBadge } from '../clients/ClientStatusBadge.js';
import { formatDate } from '../format/dates.js';

function age(birthDate: string | null): number | null {
  if (!birthDate) return null;
  const born = new Date(`${birthDate}T12:00:00`);
  const now = new Date();
  let years = now.getFullYear() - born.getFullYear();
  if (now.getMonth() < born.getMonth() || (now.getMonth() === born.getMonth() && now.getDate() < born.getDate())) years--;
  return years;
}

/** Who this dossier is about, at a glance: name, number, birth date and age, BSN, address; `actions` on the right (export). */
export function DossierHeader({ client, actions }: { client: Client; actions?: ReactNode }) {
  const { t } = useTranslation();
  const years = age(client.birthDate);
  // Opening a dossier puts the focus on its name: a keyboard or screen-reader user starts here,
  // not at the top of the page, and the next Tab leads into the dossier.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus({ preventScroll: true }), [client.id]);
  const address = [client.street && `${client.street} ${client.houseNumber ?? ''}${client.houseNumberAddition ? `-${client.houseNumberAddition}` : ''}`, client.postcode, client.city]
    .filter(Boolean)
    .join(', ');
  return (
    <Stack gap="xs">
      <Breadcrumbs>
        <Anchor component={Link} to="/dossiers" fz="sm">
          {t('clients.title')}
        </Anchor>
        <Text fz="sm">{clientDisplayName(client)}</Text>
      </Breadcrumbs>
      <Paper withBorder radius="lg" p="lg">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Group gap="sm">
              <Title order={1} fz={26} ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
                {clientDisplayName(client)}
              </Title>
              <ClientStatusBadge status={client.status} />
            </Group>
            <Group gap="lg" c="dimmed">
              <Text fz="sm">
                {t('client.dossierNumber')}: <Text span ff="monospace" c="dark.7">{client.dossierNumber}</Text>
              </Text>
              {client.birthDate && (
                <Text fz="sm">
                  {t('client.birthDate')}: <Text span c="dark.7">{formatDate(client.birthDate)}{years !== null ? ` (${t('client.age', { count: years })})` : ''}</Text>
                </Text>
              )}
              {client.bsn && (
                <Text fz="sm">
                  BSN: <Text span c="dark.7">{client.bsn}</Text>
                </Text>
              )}
            </Group>
            {address && <Text fz="sm" c="dimmed">{address}</Text>}
          </Stack>
          {actions}
        </Group>
      </Paper>
    </Stack>
  );
}
