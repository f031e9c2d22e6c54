import { Alert, Badge, Button, Card, Group, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconCircleCheck, IconDeviceLaptop } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictVersion, ConflictView } from '../../../shared/ipc/calls/conflicts.js';
import { api } from '../bridge/index.js';
import { formatDateTime } from '../format/dates.js';
import { unwrap } from '../ipc/call.js';
import { useErrorText } from '../ipc/useErrorText.js';
import { notify } from '../ui/notify.js';
import { syncStatusKey } from './useSyncStatus.js';

export const conflictsKey = ['conflicts'] as const;

/**
 * The conflict screen (docs/sync.md "Conflicts"): a text changed in two places at once, both
 * versions side by side with who wrote them and when. "Deze houden" keeps the version in the
 * dossier, "Die houden" the other one, "Beide houden" stores both, the second clearly marked, after
 * the person checked the combination. Each choice is an ordinary edit that syncs.
 */
export function ConflictsPage() {
  const { t } = useTranslation();
  const conflicts = useQuery({ queryKey: conflictsKey, queryFn: () => unwrap(api.conflicts.list({})) });
  const items = conflicts.data?.items ?? [];

  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={4}>
        <Title order={1}>{t('conflicts.title')}</Title>
        <Text c="dimmed" maw={760}>
          {t('conflicts.intro')}
        </Text>
      </Stack>
      {conflicts.isSuccess && items.length === 0 && (
        <Alert color="teal" icon={<IconCircleCheck aria-hidden />} data-testid="conflicts-empty">
          {t('conflicts.empty')}
        </Alert>
      )}
      {items.map((conflict) => (
        <ConflictCard key={conflict.conflictId} conflict={conflict} />
      ))}
    </Stack>
  );
}

function ConflictCard({ conflict }: { conflict: ConflictView }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [combining, setCombining] = useState(false);
  const [combined, setCombined] = useState('');
  const resolve = useMutation({
    mutationFn: (input: { choice: 'kept' | 'incoming' | 'both'; text?: string }) => unwrap(api.conflicts.resolve({ conflictId: conflict.conflictId, ...input })),
    onSuccess: () => {
      notify({ message: t('conflicts.resolved') });
      void queryClient.invalidateQueries({ queryKey: conflictsKey });
      void queryClient.invalidateQueries({ queryKey: syncStatusKey });
    },
    onError: (error) => notify({ color: 'red', message: errorText(error) }),
  });
  const headingId = `conflict-${conflict.conflictId}`;
  const when = conflict.occurredAt ? formatDateTime(conflict.occurredAt, i18n.language) : null;
  const subject = [t(`conflicts.item.${conflict.itemKind}`), when, conflict.category].filter(Boolean).join(' · ');

  const startCombining = () => {
    const who = conflict.other.authorName ?? t('conflicts.byUnknown');
    const at = conflict.other.writtenAt ? formatDateTime(conflict.other.writtenAt, i18n.language) : '';
    setCombined(`${conflict.kept.text ?? ''}\n\n${t('conflicts.bothMarker', { who, when: at })}\n${conflict.other.text ?? ''}`);
    setCombining(true);
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={headingId} data-testid="conflict">
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} fz="lg" id={headingId}>
            {conflict.clientName ?? t('conflicts.unknownClient')}
          </Title>
          <Text fz="sm" c="dimmed">
            {subject}
          </Text>
        </Stack>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <VersionPanel title={t('conflicts.current')} version={conflict.kept} accent="blue">
            <Button
              onClick={() => resolve.mutate({ choice: 'kept' })}
              disabled={conflict.blocked !== null}
              loading={resolve.isPending && resolve.variables?.choice === 'kept'}
              aria-label={t('conflicts.keepThisLabel')}
            >
              {t('conflicts.keepThis')}
            </Button>
          </VersionPanel>
          <VersionPanel title={t('conflicts.other')} version={conflict.other} accent="grape">
            <Button
              onClick={() => resolve.mutate({ choice: 'incoming' })}
              disabled={conflict.blocked !== null}
              loading={resolve.isPending && resolve.variables?.choice === 'incoming'}
              aria-label={t('conflicts.keepThatLabel')}
            >
              {t('conflicts.keepThat')}
            </Button>
          </VersionPanel>
        </SimpleGrid>
        {conflict.blocked !== null ? (
          <Alert color="orange" variant="light">
            {t(`conflicts.blocked.${conflict.blocked}`)}
          </Alert>
        ) : combining ? (
          <Paper withBorder p="md" radius="md" bg="gray.0">
            <Stack gap="sm">
              <Title order={3} fz="md">
                {t('conflicts.bothTitle')}
              </Title>
              <Text fz="sm" c="dimmed">
                {t('conflicts.bothIntro')}
              </Text>
              <Textarea label={t('conflicts.bothLabel')} value={combined} onChange={(event) => setCombined(event.currentTarget.value)} autosize minRows={6} maxRows={18} />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setCombining(false)}>
                  {t('common.cancel')}
                </Button>
                <Button onClick={() => resolve.mutate({ choice: 'both', text: combined })} disabled={combined.trim() === ''} loading={resolve.isPending && resolve.variables?.choice === 'both'}>
                  {t('conflicts.bothSave')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        ) : (
          <Group justify="center">
            <Button variant="light" onClick={startCombining}>
              {t('conflicts.keepBoth')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function VersionPanel({ title, version, accent, children }: { title: string; version: ConflictVersion; accent: string; children: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" style={{ borderTop: `4px solid var(--mantine-color-${accent}-6)`, display: 'flex', flexDirection: 'column' }}>
      <Stack gap="xs" style={{ flex: 1 }}>
        <Group justify="space-between" gap="xs">
          <Text fw={700}>{title}</Text>
          {version.thisDevice && (
            <Badge variant="light" color="gray" leftSection={<IconDeviceLaptop size={14} aria-hidden />}>
              {t('conflicts.thisDevice')}
            </Badge>
          )}
        </Group>
        <Text fz="sm" c="dimmed">
          {version.authorName ? t('conflicts.by', { name: version.authorName }) : t('conflicts.byUnknown')}
          {version.writtenAt ? ` · ${formatDateTime(version.writtenAt, i18n.language)}` : ''}
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap', flex: 1 }} fz="sm" p="sm" bg="gray.0" data-testid="conflict-text">
          {version.text ?? t('conflicts.emptyText')}
        </Text>
        <Group justify="flex-end">{children}</Group>
      </Stack>
    </Paper>
  );
}
