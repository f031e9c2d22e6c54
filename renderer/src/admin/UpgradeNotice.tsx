import { Alert, Loader, Stack, Text } from '@mantine/core';
import { IconArrowBigUpLines, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SeatPreview } from '../../../shared/ipc/calls/admin.js';
import { AdminFailure } from './AdminFailure.js';
import { formatEuro } from './admin-format.js';

/**
 * Art. 14 before confirming: what one more active user does to the plan and the price. The numbers
 * come from the core, which applies the shared subscription rules to the service's own state.
 */
export function UpgradeNotice({ preview, loading, error }: { preview: SeatPreview | undefined; loading: boolean; error: unknown }) {
  const { t, i18n } = useTranslation();
  if (error) return <AdminFailure error={error} />;
  if (loading || !preview) return <Loader size="sm" aria-label={t('common.loading')} />;
  const plan = (id: string | null) => (id ? t(`admin.plans.${id}`) : '');
  if (!preview.upgraded) {
    return (
      <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} data-testid="seat-preview" data-upgraded="false">
        <Text fz="sm">{t('admin.upgrade.noChange', { plan: plan(preview.currentPlan) })}</Text>
      </Alert>
    );
  }
  return (
    <Alert color="orange" variant="light" icon={<IconArrowBigUpLines aria-hidden />} title={t('admin.upgrade.title')} data-testid="seat-preview" data-upgraded="true">
      <Stack gap={6}>
        <Text fz="sm">{t('admin.upgrade.body', { count: preview.activeUsersAfter, from: plan(preview.currentPlan), to: plan(preview.newPlan) })}</Text>
        <Text fz="sm" fw={600}>
          {preview.billingInterval && preview.currentPriceCents !== null && preview.newPriceCents !== null
            ? t('admin.upgrade.price', {
                from: formatEuro(preview.currentPriceCents, i18n.language),
                to: formatEuro(preview.newPriceCents, i18n.language),
                interval: t(`admin.interval.${preview.billingInterval}`),
              })
            : t('admin.upgrade.trialPrice')}
        </Text>
        {preview.pendingInvites > 0 && <Text fz="sm">{t('admin.upgrade.pending', { count: preview.pendingInvites })}</Text>}
        {preview.billingInterval && (
          <Text fz="xs">
            {t('admin.upgrade.undo')}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
