import { Center, Paper, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { IconFolderOpen, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../bridge/index.js';
import { unwrap } from '../ipc/call.js';

export function DossierListPage() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const list = useQuery({ queryKey: ['dossiers', query], queryFn: () => unwrap(api.dossiers.list({ query })) });
  const items = list.data?.items ?? [];

  return (
    <Stack gap="md">
      <Title order={1} fz={24}>
        {t('dossiers.title')}
      </Title>
      <TextInput
        aria-label={t('dossiers.search')}
        placeholder={t('dossiers.search')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
      />
      {items.length === 0 && !list.isPending && (
        <Paper withBorder p="xl" radius="lg">
          <Center>
            <Stack align="center" gap="xs" maw={420}>
              <ThemeIcon size={56} radius="xl" variant="light" color="gray" aria-hidden>
                <IconFolderOpen size={30} />
              </ThemeIcon>
              <Title order={2} fz={18}>
                {t('dossiers.emptyTitle')}
              </Title>
              <Text c="dimmed" ta="center" fz="sm">
                {t('dossiers.emptyText')}
              </Text>
            </Stack>
          </Center>
        </Paper>
      )}
    </Stack>
  );
}
