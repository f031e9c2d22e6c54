import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RefusedChange } from '../../../shared/ipc/calls/sync.js';
import { api } from '../bridge/index.js';
import { formatDateTime } from '../format/dates.js';
import { unwrap } from '../ipc/call.js';
import { useErrorText } from '../ipc/useErrorText.js';
import { AppModal } from '../ui/AppModal.js';
import { notify } from '../ui/notify.js';
import { syncStatusKey } from './useSyncStatus.js';

export const refusedKey = ['refused-changes'] as const;

const itemKinds: Record<string, string> = { reports: 'report', contacts: 'contact', appointments: 'appointment', time_registrations: 'time', documents: 'document' };
/** The fields a person types text into; the screen shows that text first. */
const textFields = ['body', 'note', 'notes', 'description'];

/**
 * Changes the central service refused (docs/sync.md "Failures"), their text still on this laptop:
 * what happened and why in plain words, and what to do — a refused edit of a locked report becomes
 * an addendum with one click; "Verwerpen" only after a confirmation, because it cannot be undone.
 */
export function RefusedChangesPage() {
  const { t } = useTranslation();
  const refused = useQuery({ queryKey: refusedKey, queryFn: () => unwrap(api.sync.refusedChanges({})) });
  const items = refused.data?.items ?? [];
  return (
    <Stack gap="lg" maw={900}>
      <Stack gap={4}>
        <Title order={1}>{t('refused.title')}</Title>
        <Text c="dimmed">{t('refused.intro')}</Text>
      </Stack>
      {refused.isSuccess && items.length === 0 && (
        <Alert color="teal" icon={<IconCircleCheck aria-hidden />} data-testid="refused-empty">
          {t('refused.empty')}
        </Alert>
      )}
      {items.map((item) => (
        <RefusedCard key={item.mutationId} item={item} />
      ))}
    </Stack>
  );
}

function RefusedCard({ item }: { item: RefusedChange }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [confirming, setConfirming] = useState(false);
  const text = typedText(item.values);
  const done = (message: string) => {
    notify({ message });
    void queryClient.invalidateQueries({ queryKey: refusedKey });
    void queryClient.invalidateQueries({ queryKey: syncStatusKey });
  };
  const addendum = useMutation({
    mutationFn: async () => {
      await unwrap(api.reports.addAddendum({ reportId: item.rowId, body: text ?? '' }));
      // Only after the addendum is stored: nothing typed may be lost in between.
      await unwrap(api.sync.markRefusedHandled({ mutationId: item.mutationId }));
    },
    onSuccess: () => done(t('refused.addedAddendum')),
    onError: (error) => notify({ color: 'red', message: errorText(error) }),
  });
  const discard = useMutation({
    mutationFn: () => unwrap(api.sync.markRefusedHandled({ mutationId: item.mutationId })),
    onSuccess: () => {
      setConfirming(false);
      done(t('refused.discarded'));
    },
    onError: (error) => notify({ color: 'red', message: errorText(error) }),
  });
  const reason = ['record_locked', 'stale_base', 'forbidden'].includes(item.reason) ? item.reason : 'other';
  const canAddAddendum = item.action === 'add_addendum' && item.table === 'reports' && text !== null && text.trim() !== '';
  const headingId = `refused-${item.mutationId}`;

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={headingId} data-testid="refused-change">
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={2} fz="lg" id={headingId}>
            {item.clientName ?? t('conflicts.unknownClient')}
          </Title>
          <Text fz="sm" c="dimmed">
            {t(`conflicts.item.${itemKinds[item.table] ?? 'report'}`)} · {t('refused.refusedAt', { at: formatDateTime(item.rejectedAt, i18n.language) })}
          </Text>
        </Stack>
        <Alert color="orange" variant="light" title={t('refused.what')}>
          {t(`refused.reason.${reason}`)}
        </Alert>
        <Stack gap={4}>
          <Text fw={600} fz="sm">
            {t('refused.yourText')}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }} fz="sm" p="sm" bg="gray.0" data-testid="refused-text">
            {text ?? t('conflicts.emptyText')}
          </Text>
        </Stack>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" color="red" onClick={() => setConfirming(true)}>
            {t('refused.discard')}
          </Button>
          {canAddAddendum && (
            <Button onClick={() => addendum.mutate()} loading={addendum.isPending}>
              {t('refused.addAddendum')}
            </Button>
          )}
        </Group>
      </Stack>
      <AppModal opened={confirming} onClose={() => setConfirming(false)} title={t('refused.discardTitle')}>
        <Stack gap="md">
          <Text fz="sm">{t('refused.discardText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={() => discard.mutate()} loading={discard.isPending}>
              {t('refused.discardConfirm')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </Card>
  );
}

/** The text the person typed, if the change had any; otherwise the changed values as a list. */
function typedText(values: Record<string, unknown>): string | null {
  for (const field of textFields) {
    const value = values[field];
    if (typeof value === 'string') return value;
  }
  const entries = Object.entries(values).filter(([, value]) => value !== null && value !== undefined);
  return entries.length > 0 ? entries.map(([field, value]) => `${field}: ${typeof value === 'string' ? value : JSON.stringify(value)}`).join('\n') : null;
}
