import { Alert, Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SubscriptionSummary } from '../../../shared/ipc/calls/admin.js';
import { deletableForNonPaymentFrom } from '../../../shared/subscription/machine.js';
import { planIds, type PlanId } from '../../../shared/subscription/plans.js';
import { formatDate, toIsoDate } from '../format/dates.js';
import { AdminFailure } from './AdminFailure.js';
import { AdminLoading } from './AdminLoading.js';
import { formatCalendarDate, formatEuro } from './admin-format.js';
import { useAdminInvoices, useAdminSubscription } from './useAdmin.js';

const invoiceColour = { open: 'blue', paid: 'teal', reversed: 'red', overdue: 'red', void: 'gray' } as const;
const planIdPattern = new RegExp(`\\b(${planIds.join('|')})\\b`, 'g');
const isPlanId = (value: string): value is PlanId => (planIds as readonly string[]).includes(value);

/** Payment state in plain words with what to do (art. 9), and the invoices. */
export function PaymentsScreen() {
  const { t, i18n } = useTranslation();
  const subscription = useAdminSubscription();
  const invoices = useAdminInvoices();
  const error = subscription.error ?? invoices.error;
  if (error) return <AdminFailure error={error} onRetry={() => void Promise.all([subscription.refetch(), invoices.refetch()])} />;
  if (!subscription.data || !invoices.data) return <AdminLoading />;
  // The service writes "Abonnement team-2-4": the admin reads the plan's name, in their language.
  const invoiceText = (description: string) => {
    const plan = /^Abonnement (\S+)$/.exec(description)?.[1];
    if (plan && isPlanId(plan)) return t('admin.payments.invoiceForPlan', { plan: t(`admin.plans.${plan}`) });
    return description.replace(planIdPattern, (id) => t(`admin.plans.${id}`));
  };

  return (
    <Stack gap="md">
      <PaymentState summary={subscription.data} />
      <Paper withBorder radius="lg" p="lg">
        <Stack gap="sm">
          <Title order={2} fz={18}>
            {t('admin.payments.invoicesTitle')}
          </Title>
          {invoices.data.invoices.length === 0 ? (
            <Text fz="sm">{t('admin.payments.noInvoices')}</Text>
          ) : (
            <Table verticalSpacing="xs" horizontalSpacing="md" aria-label={t('admin.payments.invoicesLabel')} striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.payments.number')}</Table.Th>
                  <Table.Th>{t('admin.payments.period')}</Table.Th>
                  <Table.Th>{t('admin.payments.description')}</Table.Th>
                  <Table.Th ta="right">{t('admin.payments.amount')}</Table.Th>
                  <Table.Th>{t('admin.payments.due')}</Table.Th>
                  <Table.Th>{t('admin.payments.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {invoices.data.invoices.map((invoice) => (
                  <Table.Tr key={invoice.id}>
                    <Table.Td>{invoice.number}</Table.Td>
                    <Table.Td>
                      {formatDate(invoice.periodStart)} – {formatDate(invoice.periodEnd)}
                    </Table.Td>
                    <Table.Td>{invoiceText(invoice.description)}</Table.Td>
                    <Table.Td ta="right">{formatEuro(invoice.amountCents, i18n.language)}</Table.Td>
                    <Table.Td>{formatDate(toIsoDate(invoice.dueAt))}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={invoiceColour[invoice.status]}>
                        {t(`admin.payments.invoiceStatus.${invoice.status}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}

function PaymentState({ summary: s }: { summary: SubscriptionSummary }) {
  const { t, i18n } = useTranslation();
  const date = (d: string | null | undefined) => formatCalendarDate(d, i18n.language);
  const paid = s.paid;
  const problem = s.blocked !== null || (paid !== null && (paid.outstandingCents > 0 || paid.overdueSince !== null));
  return (
    <Paper withBorder radius="lg" p="lg" data-testid="payment-state">
      <Stack gap="sm">
        <Title order={2} fz={18}>
          {t('admin.payments.stateTitle')}
        </Title>
        {s.blocked && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('admin.payments.blockedTitle', { date: date(s.blocked.since) })}>
            <Stack gap="xs">
              <Text fz="sm">{t('admin.payments.blockedBody')}</Text>
              {s.blocked.reasons.map((reason) => (
                <Text fz="sm" key={reason}>
                  {t(`admin.payments.reasons.${reason}`, { date: paid?.overdueSince ? date(deletableForNonPaymentFrom(paid.overdueSince)) : '' })}
                </Text>
              ))}
            </Stack>
          </Alert>
        )}
        {paid && paid.outstandingCents > 0 && (
          <>
            <Text fw={600}>{t('admin.payments.outstanding', { amount: formatEuro(paid.outstandingCents, i18n.language) })}</Text>
            {!s.blocked && !paid.overdueSince && <Text fz="sm">{t('admin.payments.outstandingHint')}</Text>}
          </>
        )}
        {paid?.overdueSince && <Text fz="sm">{t('admin.payments.overdueSince', { date: date(paid.overdueSince) })}</Text>}
        {paid && paid.reversedDirectDebits > 0 && <Text fz="sm">{t('admin.payments.reversals', { count: paid.reversedDirectDebits })}</Text>}
        {!problem && (
          <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />}>
            {s.trial ? t('admin.payments.trial') : t('admin.payments.ok')}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
