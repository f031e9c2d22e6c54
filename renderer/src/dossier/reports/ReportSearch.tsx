import { Anchor, CloseButton, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../bridge/index.js';
import { formatDateTime } from '../../format/dates.js';
import { unwrap } from '../../ipc/call.js';

/** "…de [wond] aan het linkerbeen…" → the match in <mark>, the rest as text (never as HTML). */
function Snippet({ text }: { text: string }) {
  const parts = text.split(/(\[[^\]]*\])/);
  return (
    <Text fz="sm">
      {parts.map((part, i) => (
        <Fragment key={i}>{part.startsWith('[') && part.endsWith(']') ? <mark>{part.slice(1, -1)}</mark> : part}</Fragment>
      ))}
    </Text>
  );
}

/** Full-text search within this dossier's reports; a hit jumps to its card in the timeline. */
export function ReportSearch({ clientId, query, onQuery, onPick }: { clientId: string; query: string; onQuery: (q: string) => void; onPick: (reportId: string) => void }) {
  const { t, i18n } = useTranslation();
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const results = useQuery({
    queryKey: ['reports', clientId, 'search', debounced],
    queryFn: () => unwrap(api.reports.search({ query: debounced, clientId })),
    enabled: debounced.length > 0,
  });
  return (
    <Stack gap="xs">
      <TextInput
        type="search"
        label={t('reports.search')}
        placeholder={t('reports.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={query}
        onChange={(event) => onQuery(event.currentTarget.value)}
        rightSection={query ? <CloseButton aria-label={t('reports.clearSearch')} onClick={() => onQuery('')} /> : null}
      />
      {debounced && results.data && (
        <Paper withBorder radius="md" p="sm" aria-live="polite">
          <Stack gap="xs">
            <Text fz="sm" fw={600} data-testid="report-search-count">
              {t('reports.searchResults', { count: results.data.items.length })}
            </Text>
            {results.data.items.map((hit) => (
              <Stack key={hit.reportId} gap={0}>
                <Anchor component="button" type="button" fz="sm" fw={600} ta="left" onClick={() => onPick(hit.reportId)}>
                  {formatDateTime(hit.occurredAt, i18n.language)} · {t(`reports.categories.${hit.category}`, { defaultValue: hit.category })} · {hit.authorName}
                </Anchor>
                <Snippet text={hit.snippet} />
              </Stack>
            ))}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
