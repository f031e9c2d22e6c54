import { Alert, Badge, Button, Checkbox, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconCalendarX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubscriptionSummary } from '../../../shared/ipc/calls/admin.js';
import type { PlanId } from '../../../shared/subscription/plans.js';
import { api } from '../bridge/index.js';
import { unwrap } from '../ipc/call.js';
import { notify } from '../ui/notify.js';
import { AdminFailure } from './AdminFailure.js';
import { AdminLoading } from './AdminLoading.js';
import { ConfirmAction } from './ConfirmAction.js';
import { formatCalendarDate, formatEuro } from './admin-format.js';
import { DowngradeRequests, RequestDowngradeModal } from './DowngradeRequests.js';
import { PriceChangeNotice } from './PriceChangeNotice.js';
import { useAdminChange, useAdminDowngradeRequests, useAdminSubscription } from './useAdmin.js';

const statusColour = { trial: 'blue', active: 'teal', blocked: 'red', ended: 'gray' } as const;
type Interval = 'monthly' | 'yearly';

/** The plan: what it is and costs, which changes the rules allow today (art. 6), and cancellation with its end date (art. 16, 17). */
export function PlanScreen() {
  const { t, i18n } = useTranslation();
  const subscription = useAdminSubscription();
  const [changing, setChanging] = useState<{ to: PlanId; priceCents: number | null } | null>(null);
  const [converting, setConverting] = useState<Interval | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [understood, setUnderstood] = useState(false);
  const changePlan = useAdminChange((plan: PlanId) => unwrap(api.admin.changePlan({ plan })));
  const convert = useAdminChange((billingInterval: Interval) => unwrap(api.admin.convertToPaid({ billingInterval })));
  const cancel = useAdminChange((endDate: string) => unwrap(api.admin.cancelSubscription({ confirm: true, endDate })));
  const requests = useAdminDowngradeRequests();
  const [requesting, setRequesting] = useState<PlanId | null>(null);
  const request = useAdminChange((input: { plan: PlanId; reason?: string }) => unwrap(api.admin.requestDowngrade(input)));
  const openRequest = (requests.data?.requests ?? []).some((r) => r.status === 'pending');

  if (subscription.error) return <AdminFailure error={subscription.error} onRetry={() => void subscription.refetch()} />;
  const s = subscription.data;
  if (!s) return <AdminLoading />;
  const date = (d: string | null | undefined) => formatCalendarDate(d, i18n.language);
  const euro = (cents: number | null | undefined) => formatEuro(cents, i18n.language);
  const plan = (id: string | null) => (id ? t(`admin.plans.${id}`) : '');
  const interval = s.paid ? t(`admin.interval.${s.paid.billingInterval}`) : '';

  return (
    <Stack gap="md">
      <CurrentPlan summary={s} onConvert={(value) => { convert.reset(); setConverting(value); }} />
      {s.paid?.pendingPriceChange && s.status !== 'ended' && <PriceChangeNotice summary={s} paid={s.paid} />}
      {requests.data && requests.data.requests.length > 0 && <DowngradeRequests requests={requests.data.requests} />}

      {s.paid && s.status !== 'ended' && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" style={{ alignItems: 'start' }}>
          <Paper withBorder radius="lg" p="lg">
            <Stack gap="sm">
              <Title order={2} fz={18}>
                {t('admin.plan.upgradeTitle')}
              </Title>
              <Text fz="sm" c="dimmed">
                {t('admin.plan.upgradeIntro')}
              </Text>
              {s.upgrades.map((option) => (
                <Group key={option.to} justify="space-between" wrap="nowrap">
                  <Text fz="sm">
                    {plan(option.to)} · {euro(option.priceCents)} {interval}
                  </Text>
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconArrowUp size={14} aria-hidden />}
                    style={{ flexShrink: 0 }}
                    aria-label={t('admin.plan.upgradeTo', { plan: plan(option.to) })}
                    onClick={() => { changePlan.reset(); setChanging(option); }}
                  >
                    {t('admin.plan.upgrade')}
                  </Button>
                </Group>
              ))}
            </Stack>
          </Paper>
          <Paper withBorder radius="lg" p="lg" data-testid="downgrades">
            <Stack gap="sm">
              <Title order={2} fz={18}>
                {t('admin.plan.downgradeTitle')}
              </Title>
              <Text fz="sm" c="dimmed">
                {t('admin.plan.downgradeIntro')}
              </Text>
              {s.downgrades.length === 0 && <Text fz="sm">{t('admin.plan.noDowngrade')}</Text>}
              {s.downgrades.map((option) => (
                <Stack key={option.to} gap={4}>
                  <Group justify="space-between" wrap="nowrap">
                    <Text fz="sm" fw={500}>
                      {plan(option.to)} · {euro(option.priceCents)} {interval}
                    </Text>
                    {option.selfService.allowed && (
                      <Button
                        size="xs"
                        variant="default"
                        leftSection={<IconArrowDown size={14} aria-hidden />}
                        style={{ flexShrink: 0 }}
                        aria-label={t('admin.plan.downgradeTo', { plan: plan(option.to) })}
                        onClick={() => { changePlan.reset(); setChanging(option); }}
                      >
                        {t('admin.plan.downgrade')}
                      </Button>
                    )}
                    {!option.selfService.allowed && option.byApprovedRequest.allowed && (
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={t('admin.plan.requestDowngradeFor', { plan: plan(option.to) })}
                        disabled={openRequest}
                        style={{ flexShrink: 0 }}
                        onClick={() => { request.reset(); setRequesting(option.to); }}
                      >
                        {t('admin.plan.requestDowngrade')}
                      </Button>
                    )}
                  </Group>
                  {!option.selfService.allowed && (
                    <List size="sm" spacing={2}>
                      {/* Only what stands in the way: when even a request cannot help, just that reason. */}
                      {(option.byApprovedRequest.allowed ? option.selfService.reasons : option.byApprovedRequest.reasons).map((reason) => (
                        <List.Item key={reason}>{t(`admin.plan.blockers.${reason}`)}</List.Item>
                      ))}
                      {option.byApprovedRequest.allowed && <List.Item>{t(openRequest ? 'admin.plan.requestOpen' : 'admin.plan.downgradeByRequest')}</List.Item>}
                    </List>
                  )}
                </Stack>
              ))}
            </Stack>
          </Paper>
        </SimpleGrid>
      )}

      {s.paid && s.status !== 'ended' && (
        <Paper withBorder radius="lg" p="lg">
          <Stack gap="sm" align="flex-start">
            <Title order={2} fz={18}>
              {t('admin.plan.cancelTitle')}
            </Title>
            {s.cancellation ? (
              <Alert color="orange" variant="light" icon={<IconCalendarX aria-hidden />} data-testid="cancellation-pending">
                {t('admin.plan.cancellationPending', { submitted: date(s.cancellation.submittedOn), date: date(s.cancellation.endDate) })}
              </Alert>
            ) : (
              <>
                <Text fz="sm">{t('admin.plan.cancelIntro', { date: date(s.earliestCancellationEndDate) })}</Text>
                {s.callerIsOwner ? (
                  <Button color="#a3360a" variant="outline" onClick={() => { cancel.reset(); setUnderstood(false); setCancelling(true); }}>
                    {t('admin.plan.cancel', { date: date(s.earliestCancellationEndDate) })}
                  </Button>
                ) : (
                  <Text fz="sm" c="dimmed">
                    {t('admin.plan.cancelOwnerOnly')}
                  </Text>
                )}
              </>
            )}
          </Stack>
        </Paper>
      )}

      {changing && (
        <ConfirmAction
          opened
          title={t('admin.plan.changeTitle', { plan: plan(changing.to) })}
          body={t('admin.plan.changeBody', { price: euro(changing.priceCents), interval })}
          confirmLabel={t('admin.plan.confirmChange')}
          pending={changePlan.isPending}
          error={changePlan.error}
          onCancel={() => setChanging(null)}
          onConfirm={() =>
            void changePlan.mutateAsync(changing.to).then(
              () => {
                notify({ message: t('admin.plan.changed', { plan: plan(changing.to) }) });
                setChanging(null);
              },
              () => undefined,
            )
          }
        />
      )}
      {requesting && (
        <RequestDowngradeModal
          plan={requesting}
          pending={request.isPending}
          error={request.error}
          onCancel={() => setRequesting(null)}
          onSend={(reason) =>
            void request.mutateAsync({ plan: requesting, ...(reason.trim() ? { reason: reason.trim() } : {}) }).then(
              () => {
                notify({ message: t('admin.plan.requested') });
                setRequesting(null);
              },
              () => undefined,
            )
          }
        />
      )}
      {converting && (
        <ConfirmAction
          opened
          title={t('admin.plan.convertTitle', { interval: t(`admin.intervalName.${converting}`) })}
          body={t('admin.plan.convertBody', { plan: plan(s.plan) })}
          confirmLabel={t('admin.plan.confirmConvert')}
          pending={convert.isPending}
          error={convert.error}
          onCancel={() => setConverting(null)}
          onConfirm={() =>
            void convert.mutateAsync(converting).then(
              () => {
                notify({ message: t('admin.plan.converted') });
                setConverting(null);
              },
              () => undefined,
            )
          }
        />
      )}
      {cancelling && s.earliestCancellationEndDate && (
        <ConfirmAction
          opened
          title={t('admin.plan.cancelConfirmTitle')}
          body={
            <Stack gap="sm">
              <Text fz="sm">{t('admin.plan.cancelConfirmBody', { date: date(s.earliestCancellationEndDate) })}</Text>
              <Checkbox label={t('admin.plan.cancelConfirmCheck', { date: date(s.earliestCancellationEndDate) })} checked={understood} onChange={(event) => setUnderstood(event.currentTarget.checked)} />
            </Stack>
          }
          confirmLabel={t('admin.plan.confirmCancel')}
          danger
          confirmDisabled={!understood}
          pending={cancel.isPending}
          error={cancel.error}
          onCancel={() => setCancelling(false)}
          onConfirm={() => {
            const endDate = s.earliestCancellationEndDate;
            if (!endDate) return;
            void cancel.mutateAsync(endDate).then(
              () => {
                notify({ message: t('admin.plan.cancelled', { date: date(endDate) }) });
                setCancelling(false);
              },
              () => undefined,
            );
          }}
        />
      )}
    </Stack>
  );
}

function CurrentPlan({ summary: s, onConvert }: { summary: SubscriptionSummary; onConvert: (interval: Interval) => void }) {
  const { t, i18n } = useTranslation();
  const date = (d: string | null | undefined) => formatCalendarDate(d, i18n.language);
  return (
    <Paper withBorder radius="lg" p="lg" data-testid="current-plan">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fz="sm" c="dimmed">
            {t('admin.plan.current')}
          </Text>
          <Badge color={statusColour[s.status]} variant="light">
            {t(`admin.plan.status.${s.status}`)}
          </Badge>
        </Group>
        <Title order={2} fz={22}>
          {s.plan ? t(`admin.plans.${s.plan}`) : t('admin.plan.ended')}
        </Title>
        {s.paid && (
          <Text fw={600} data-testid="plan-price">
            {t('admin.plan.price', { price: formatEuro(s.paid.priceCents, i18n.language), interval: t(`admin.interval.${s.paid.billingInterval}`) })}
          </Text>
        )}
        {s.status !== 'ended' && <Text fz="sm">{t('admin.plan.usersSeats', { active: s.activeUsers, seats: s.seats })}</Text>}
        {s.paid && <Text fz="sm">{t('admin.plan.periodEnd', { date: date(s.paid.periodEnd) })}</Text>}
        {s.trial && (
          <Stack gap="sm" mt="xs" align="flex-start">
            <Text fz="sm">{t('admin.plan.trialIntro')}</Text>
            {s.trial.endsOn && <Text fz="sm">{t('admin.plan.trialEnds', { date: date(s.trial.endsOn) })}</Text>}
            {s.callerIsOwner ? (
              <Group>
                <Button onClick={() => onConvert('monthly')}>{t('admin.plan.convertMonthly')}</Button>
                <Button variant="default" onClick={() => onConvert('yearly')}>
                  {t('admin.plan.convertYearly')}
                </Button>
              </Group>
            ) : (
              <Text fz="sm" c="dimmed">
                {t('admin.plan.convertOwnerOnly')}
              </Text>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
