import { Alert, Button, Checkbox, Stack, Text } from '@mantine/core';
import { IconReceipt2 } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubscriptionSummary } from '../../../shared/ipc/calls/admin.js';
import { api } from '../bridge/index.js';
import { unwrap } from '../ipc/call.js';
import { notify } from '../ui/notify.js';
import { ConfirmAction } from './ConfirmAction.js';
import { formatCalendarDate, formatEuro } from './admin-format.js';
import { useAdminChange } from './useAdmin.js';

type Paid = NonNullable<SubscriptionSummary['paid']>;

/**
 * An announced price change (art. 8) in the admin's own words: what it costs from when, and — after
 * a rise above 1.5× — the owner's right to cancel at once until the new amount is due. Cancelling
 * that way ends the agreement today, so the dialog says so and asks for a checked box first.
 * The button's words are the ones the service's notice (in the app header) tells the owner to choose.
 */
export function PriceChangeNotice({ summary: s, paid }: { summary: SubscriptionSummary; paid: Paid }) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [understood, setUnderstood] = useState(false);
  const cancel = useAdminChange(() => unwrap(api.admin.cancelForPriceIncrease({ confirm: true })));
  const change = paid.pendingPriceChange;
  if (!change) return null;
  const date = (d: string | null) => formatCalendarDate(d, i18n.language);
  const euro = (cents: number) => formatEuro(cents, i18n.language);
  const interval = t(`admin.interval.${paid.billingInterval}`);

  return (
    <Alert color="blue" variant="light" radius="lg" icon={<IconReceipt2 aria-hidden />} title={t('admin.priceChange.title', { date: date(change.effectiveOn) })} data-testid="price-change">
      <Stack gap="xs" align="flex-start">
        <Text fz="sm">
          {t(`admin.priceChange.${change.kind}`, { date: date(change.effectiveOn), price: euro(change.newPriceCents), current: euro(paid.priceCents), interval })}{' '}
          {t('admin.priceChange.firstDue', { date: date(change.newAmountDueOn) })}
        </Text>
        {change.mayCancelNow && change.customerMayCancelUntil && (
          <>
            <Text fz="sm" fw={600}>
              {t('admin.priceChange.mayCancel', { date: date(change.customerMayCancelUntil) })}
            </Text>
            <Text fz="sm">{t('admin.priceChange.noNeed')}</Text>
            {s.callerIsOwner ? (
              <Button
                color="#a3360a"
                variant="outline"
                size="sm"
                onClick={() => {
                  cancel.reset();
                  setUnderstood(false);
                  setConfirming(true);
                }}
              >
                {t('admin.priceChange.cancel')}
              </Button>
            ) : (
              <Text fz="sm" c="dimmed">
                {t('admin.priceChange.ownerOnly')}
              </Text>
            )}
          </>
        )}
      </Stack>
      {confirming && (
        <ConfirmAction
          opened
          title={t('admin.priceChange.confirmTitle')}
          body={
            <Stack gap="sm">
              <Text fz="sm">{t('admin.priceChange.confirmBody', { today: date(s.today) })}</Text>
              <Checkbox label={t('admin.priceChange.confirmCheck')} checked={understood} onChange={(event) => setUnderstood(event.currentTarget.checked)} />
            </Stack>
          }
          confirmLabel={t('admin.priceChange.confirmCancel')}
          danger
          confirmDisabled={!understood}
          pending={cancel.isPending}
          error={cancel.error}
          onCancel={() => setConfirming(false)}
          onConfirm={() =>
            void cancel.mutateAsync().then(
              () => {
                notify({ message: t('admin.priceChange.cancelled', { date: date(s.today) }) });
                setConfirming(false);
              },
              () => undefined,
            )
          }
        />
      )}
    </Alert>
  );
}
