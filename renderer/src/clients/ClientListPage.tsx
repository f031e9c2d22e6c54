import { Button, Center, Group, Loader, Paper, SegmentedControl, Select, Stack, Switch, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { IconFolderOpen, IconPlus, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientStatus } from '../../../shared/domain/client.js';
import { isAdministrator } from '../../../shared/domain/user.js';
import { formatCount } from '../format/dates.js';
import { useSession } from '../session/useSession.js';
import { useSyncStatus } from '../sync/useSyncStatus.js';
import { clientStatuses } from './client-status.js';
import { sortClients, type ClientSort } from './client-sort.js';
import { ClientTable } from './ClientTable.js';
import { NewClientModal } from './NewClientModal.js';
import { useClientList } from './useClientList.js';

export function ClientListPage() {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<ClientStatus | 'all'>('all');
  const [mine, setMine] = useState(false);
  const [sort, setSort] = useState<ClientSort>('name');
  const [creating, setCreating] = useState(false);
  const [administration, setAdministration] = useState(false);
  const session = useSession();
  const admin = session.data?.state === 'unlocked' && isAdministrator(session.data.user.role);
  const list = useClientList({ query, status: status === 'all' ? null : status, mine, administration: admin && administration });
  const items = useMemo(() => sortClients(list.data?.items ?? [], sort), [list.data, sort]);
  const total = list.data?.total ?? 0;
  // Before the first sync on this device has finished, an empty list means "not here yet", not
  // "you have no clients": saying the latter would send a nurse to her administrator for nothing.
  const sync = useSyncStatus().data;
  const stillFetching = total === 0 && sync !== undefined && sync.lastSyncAt === null && sync.online;
  const matched = list.data?.matched ?? items.length;
  const countLine = () => {
    // A search shows at most 200 clients; saying so keeps a nurse from thinking the rest do not exist.
    if (matched > items.length) return t('clients.searchCapped', { shown: formatCount(items.length, i18n.language), matched: formatCount(matched, i18n.language) });
    if (query.trim() || status !== 'all' || mine || administration) return t('clients.countFiltered', { shown: formatCount(items.length, i18n.language), total: formatCount(total, i18n.language) });
    return t('clients.count', { count: total, formatted: formatCount(total, i18n.language) });
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} fz={26}>
            {t('clients.title')}
          </Title>
          <Text c="dimmed" fz="sm" data-testid="client-count" aria-live="polite">
            {countLine()}
          </Text>
        </div>
        <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
          {t('clients.new')}
        </Button>
      </Group>
      <Paper withBorder radius="lg" p="md">
        <Group gap="md" align="flex-end" wrap="wrap">
          <TextInput
            flex={1}
            miw={280}
            label={t('clients.searchLabel')}
            placeholder={t('clients.search')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={query}
            onChange={(event) => setQuery(event.currentTarget.value)}
            type="search"
          />
          <Stack gap={4}>
            <Text fz="sm" fw={600} id="status-filter-label">
              {t('clients.statusFilter')}
            </Text>
            <SegmentedControl
              aria-labelledby="status-filter-label"
              value={status}
              onChange={(value) => setStatus(value as ClientStatus | 'all')}
              data={[{ value: 'all', label: t('clients.allStatuses') }, ...clientStatuses.map((s) => ({ value: s, label: t(`clientStatus.${s}`) }))]}
            />
          </Stack>
          <Select
            w={190}
            label={t('clients.sortLabel')}
            value={sort}
            allowDeselect={false}
            onChange={(value) => value && setSort(value as ClientSort)}
            data={(['name', 'dossierNumber', 'birthDate', 'postcode'] as const).map((value) => ({ value, label: t(`clients.sort.${value}`) }))}
          />
          <Stack gap={6} mb={4}>
            <Switch label={t('clients.mine')} description={t('clients.mineHint')} checked={mine} disabled={administration} onChange={(event) => setMine(event.currentTarget.checked)} />
            {admin && (
              <Switch label={t('clients.administration')} checked={administration} onChange={(event) => setAdministration(event.currentTarget.checked)} />
            )}
          </Stack>
        </Group>
      </Paper>
      {items.length > 0 && <ClientTable items={items} />}
      {items.length === 0 && stillFetching && (
        <Paper withBorder p="xl" radius="lg" data-testid="clients-fetching">
          <Center>
            <Stack align="center" gap="xs" maw={440}>
              <Loader size="md" aria-hidden />
              <Title order={2} fz={18}>
                {t('clients.fetchingTitle')}
              </Title>
              <Text c="dimmed" ta="center" fz="sm">
                {t('clients.fetchingText')}
              </Text>
            </Stack>
          </Center>
        </Paper>
      )}
      {items.length === 0 && !stillFetching && !list.isPending && (
        <Paper withBorder p="xl" radius="lg">
          <Center>
            <Stack align="center" gap="xs" maw={440}>
              <ThemeIcon size={56} radius="xl" variant="light" color="gray" aria-hidden>
                <IconFolderOpen size={30} />
              </ThemeIcon>
              <Title order={2} fz={18}>
                {total === 0 ? t('clients.emptyTitle') : t('clients.noMatchTitle')}
              </Title>
              <Text c="dimmed" ta="center" fz="sm">
                {total === 0 ? t('clients.emptyText') : t('clients.noMatchText')}
              </Text>
            </Stack>
          </Center>
        </Paper>
      )}
      <NewClientModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
