import { Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../bridge/index.js';
import { unwrap } from '../../ipc/call.js';
import { TIME_ZONE } from '../../format/dates.js';
import { accessLogReason } from './access-log-reason.js';

/** To the second, as NEN 7513 records it, in Amsterdam time. */
function formatSeconds(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', {
    timeZone: TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  })
    .format(new Date(iso))
    .replace(',', '');
}

/** Who accessed this dossier, when and what (NEN 7513 / Wabvpz); read-only by nature. */
export function AccessLogTab({ clientId }: { clientId: string }) {
  const { t, i18n } = useTranslation();
  const log = useQuery({ queryKey: ['access-log', clientId], queryFn: () => unwrap(api.access.log({ clientId })) });
  const items = log.data?.items ?? [];
  return (
    <Stack gap="md">
      <div>
        <Title order={2} fz={18}>
          {t('accessLog.title')}
        </Title>
        <Text fz="sm" c="dimmed">
          {t('accessLog.intro')}
        </Text>
        <Text fz="sm" c="dimmed">
          {t('accessLog.count', { count: items.length })}
        </Text>
      </div>
      {/* Clipped to its rounded corners: a striped last row would otherwise paint over them. */}
      <Paper withBorder radius="lg" style={{ overflow: 'hidden' }}>
        <Table verticalSpacing="xs" horizontalSpacing="lg" aria-label={t('accessLog.tableLabel')} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('accessLog.when')}</Table.Th>
              <Table.Th>{t('accessLog.who')}</Table.Th>
              <Table.Th>{t('accessLog.action')}</Table.Th>
              <Table.Th>{t('accessLog.what')}</Table.Th>
              <Table.Th>{t('accessLog.outcome')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((line) => {
              const reasonText = accessLogReason(line, t);
              return (
                <Table.Tr key={line.seq} data-testid="access-log-line">
                  <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                    {formatSeconds(line.at, i18n.language)}
                  </Table.Td>
                  <Table.Td fz="sm">
                    {line.userName}
                    {line.onBehalfOfName && (
                      <Text span fz="xs" c="dimmed">
                        {' '}
                        ({t('accessLog.onBehalfOf', { name: line.onBehalfOfName })})
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td fz="sm">{t(`accessLog.actions.${line.action}`)}</Table.Td>
                  <Table.Td fz="sm">
                    <Text fz="sm">{t(`accessEvents.${line.event.replace(/\./g, '_')}`, { defaultValue: line.event })}</Text>
                    {reasonText && (
                      <Text fz="xs" c="dimmed">
                        {reasonText}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={line.outcome === 'success' ? 'teal' : 'red'} radius="sm">
                      {line.outcome === 'success' ? t('accessLog.success') : t('accessLog.refused')}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {items.length === 0 && (
          <Text c="dimmed" p="lg">
            {t('accessLog.empty')}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}
