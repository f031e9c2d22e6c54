import { Badge, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DowngradeRequest } from '../../../shared/api/admin.js';
import type { PlanId } from '../../../shared/subscription/plans.js';
import { toIsoDate } from '../format/dates.js';
import { formatCalendarDate } from './admin-format.js';
import { ConfirmAction } from './ConfirmAction.js';

const statusColour = { pending: 'blue', approved: 'teal', refused: 'red' } as const;

/** Art. 6 requests for a smaller plan and the service's decisions, newest first. */
export function DowngradeRequests({ requests }: { requests: DowngradeRequest[] }) {
  const { t, i18n } = useTranslation();
  const plan = (id: string) => t(`admin.plans.${id}`, { defaultValue: id });
  return (
    <Paper withBorder radius="lg" p="lg" data-testid="downgrade-requests">
      <Stack gap="sm">
        <Title order={2} fz={18}>
          {t('admin.plan.requestsTitle')}
        </Title>
        {[...requests]
          .sort((a, b) => b.requestedAt.localeCompare(a.requestedAt))
          .map((request) => (
            <Stack key={request.id} gap={2}>
              <Group justify="space-between" wrap="nowrap">
                <Text fz="sm">
                  {t('admin.plan.requestLine', { from: plan(request.fromPlan), to: plan(request.toPlan), date: formatCalendarDate(toIsoDate(request.requestedAt), i18n.language) })}
                </Text>
                <Badge variant="light" color={statusColour[request.status]}>
                  {t(`admin.plan.requestStatus.${request.status}`)}
                </Badge>
              </Group>
              {request.decisionNote && <Text fz="sm">{request.decisionNote}</Text>}
            </Stack>
          ))}
      </Stack>
    </Paper>
  );
}

/** Asks for a downgrade the rules allow only on approval; the reason is optional and kept while the dialog is open. */
export function RequestDowngradeModal(props: { plan: PlanId; pending: boolean; error: unknown; onCancel: () => void; onSend: (reason: string) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const plan = t(`admin.plans.${props.plan}`);
  return (
    <ConfirmAction
      opened
      title={t('admin.plan.requestTitle', { plan })}
      body={
        <Stack gap="sm">
          <Text fz="sm">{t('admin.plan.requestBody')}</Text>
          <Textarea label={t('admin.plan.requestReason')} value={reason} onChange={(event) => setReason(event.currentTarget.value)} autosize minRows={2} maxLength={2000} />
        </Stack>
      }
      confirmLabel={t('admin.plan.confirmRequest')}
      pending={props.pending}
      error={props.error}
      onCancel={props.onCancel}
      onConfirm={() => props.onSend(reason)}
    />
  );
}
