import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconCash, IconFileText, IconTool } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ServiceNoticeView } from '../../../shared/ipc/calls/notices.js';
import { formatDate, formatDateTime, formatLongDate, formatTime, toIsoDate } from '../format/dates.js';
import { useAcknowledgeNotice, useServiceNotices } from './useServiceNotices.js';

const look = {
  maintenance: { color: 'blue', Icon: IconTool },
  'terms-change': { color: 'indigo', Icon: IconFileText },
  'price-change': { color: 'orange', Icon: IconCash },
} as const;

/**
 * Notices from the service above every screen (art. 4 maintenance, art. 15 terms, art. 8 prices
 * for admins): what changes, from when, what the user can do, and "Gelezen" to put it away.
 * Shown from the device's copy, so also offline.
 */
export function ServiceNotices() {
  const { t } = useTranslation();
  // Soonest first: what happens next matters most.
  const notices = [...(useServiceNotices().data?.notices ?? [])].sort((a, b) => a.effectiveAt.localeCompare(b.effectiveAt));
  if (notices.length === 0) return null;
  return (
    <Stack component="section" aria-label={t('notices.region')} gap="sm" mb="lg" data-testid="service-notices">
      {notices.map((notice) => (
        <NoticeBanner key={notice.id} notice={notice} />
      ))}
    </Stack>
  );
}

function NoticeBanner({ notice }: { notice: ServiceNoticeView }) {
  const { t, i18n } = useTranslation();
  const acknowledge = useAcknowledgeNotice();
  const { color, Icon } = look[notice.kind];
  const kindLabel = t(`notices.kind.${notice.kind}`);
  return (
    <Alert
      color={color}
      variant="light"
      radius="md"
      py="sm"
      icon={<Icon size={22} aria-hidden />}
      title={
        <Group gap="xs" component="span">
          <span>{notice.title}</span>
          {kindLabel !== notice.title && (
            <Badge size="sm" variant="outline" color={color} component="span">
              {kindLabel}
            </Badge>
          )}
        </Group>
      }
      data-testid={`notice-${notice.kind}`}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="lg">
        <Stack gap={4}>
          <Text fz="sm">
            {notice.body} <Text span fz="sm" fw={600}>{when(notice, i18n.language, t)}</Text>
          </Text>
          <Text fz="sm" c="dark.4">
            {t(`notices.whatToDo.${notice.kind}`)}
            {notice.mayCancelUntil && ` ${t('notices.mayCancel', { date: formatDate(notice.mayCancelUntil) })}`}
          </Text>
          {acknowledge.isError && (
            <Text fz="sm" c="red.8" role="alert">
              <IconAlertCircle size={14} aria-hidden /> {t('notices.acknowledgeFailed')}
            </Text>
          )}
        </Stack>
        <Group gap="xs" wrap="nowrap">
          {notice.kind === 'price-change' && (
            <Button size="xs" variant="default" component={Link} to="/beheer/abonnement">
              {t('notices.toSubscription')}
            </Button>
          )}
          <Button size="xs" variant="white" color={color} loading={acknowledge.isPending} aria-label={t('notices.acknowledgeLabel', { title: notice.title })} onClick={() => acknowledge.mutate(notice.id)}>
            {t('notices.acknowledge')}
          </Button>
        </Group>
      </Group>
    </Alert>
  );
}

/** "Wanneer: dinsdag 8 december 2026 22:00 tot 23:00" for maintenance; "Geldt vanaf …" otherwise. */
function when(notice: ServiceNoticeView, language: string, t: (key: string, values?: Record<string, string>) => string): string {
  // Inside a sentence: the weekday starts in lower case (formatLongDate writes headings).
  const day = (iso: string) => (language === 'en' ? formatLongDate(iso, language) : formatLongDate(iso, language).toLowerCase());
  if (notice.kind !== 'maintenance') return t('notices.from', { date: day(notice.effectiveAt) });
  const from = `${day(notice.effectiveAt)} ${formatTime(notice.effectiveAt, language)}`;
  if (!notice.endsAt) return t('notices.whenOpen', { from });
  const sameDay = toIsoDate(notice.effectiveAt) === toIsoDate(notice.endsAt);
  return t('notices.when', { from, until: sameDay ? formatTime(notice.endsAt, language) : formatDateTime(notice.endsAt, language) });
}

