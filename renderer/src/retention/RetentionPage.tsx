import { Alert, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetentionCase } from '../../../shared/ipc/calls/retention.js';
import { isAdministrator } from '../../../shared/domain/user.js';
import { api } from '../bridge/index.js';
import { formatDate } from '../format/dates.js';
import { unwrap } from '../ipc/call.js';
import { useLicence } from '../licence/useLicence.js';
import { useSession } from '../session/useSession.js';
import { ConfirmModal } from '../ui/ConfirmModal.js';
import { notify } from '../ui/notify.js';
import { TableSection } from '../ui/TableSection.js';
import { DeletionRequestForm } from './DeletionRequestForm.js';
import { LegalExceptionModal } from './LegalExceptionModal.js';
import { RetentionAuditTrail } from './RetentionAuditTrail.js';
import { useRetentionCases, useRetentionChange, useRetentionErrorText } from './useRetention.js';

type Pending = { kind: 'approve' | 'carryOut' | 'exception'; item: RetentionCase; name: string };

/**
 * /bewaren — retention and deletion for admins (SPEC §4, WGBO): destruction offers of dossiers
 * closed twenty years ago, clients' deletion requests, legal exceptions. The service decides and
 * removes; this screen only asks it, online.
 */
export function RetentionPage() {
  const { t } = useTranslation();
  const errorText = useRetentionErrorText();
  const session = useSession();
  const user = session.data?.state === 'unlocked' ? session.data.user : null;
  const cases = useRetentionCases();
  // A blocked or expired licence keeps the dossiers closed; the core then sends cases without names.
  const namesHidden = useLicence().data?.canOpenDossiers === false;
  const [pending, setPending] = useState<Pending | null>(null);
  const step = useRetentionChange(({ kind, caseId }: { kind: 'approve' | 'carryOut'; caseId: string }) =>
    unwrap(kind === 'approve' ? api.retention.approveDestruction({ caseId }) : api.retention.carryOut({ caseId })),
  );

  if (!user) return null;
  if (!isAdministrator(user.role)) return <Alert color="orange" title={t('admin.failed.forbidden')} />;

  const all = cases.data?.cases ?? [];
  const offers = all.filter((item) => item.kind === 'retention_ended' && item.state !== 'completed');
  const requests = all.filter((item) => item.kind === 'client_request');
  const nameOf = (item: RetentionCase) =>
    item.client
      ? `${item.client.name} (${item.client.dossierNumber})`
      : !item.clientId
        ? t('retention.removedDossier')
        : namesHidden
          ? t('retention.hiddenDossier')
          : t('retention.unknownDossier');

  const stateBadge = (item: RetentionCase) => (
    <Stack gap={4} align="flex-start">
      <Group gap={6}>
        <Badge variant="light" color={item.state === 'completed' ? 'teal' : item.state === 'exception' || item.state === 'kept_longer' ? 'gray' : 'blue'}>
          {t(`retention.states.${item.state}`)}
        </Badge>
        {item.overdue && (
          <Badge variant="filled" color="red">
            {t('retention.overdue')}
          </Badge>
        )}
      </Group>
      {item.state === 'carrying_out' && (
        <Text fz="xs" c="dimmed">
          {t('retention.waitingDevices', { count: item.pendingDevices })}
        </Text>
      )}
      {item.state === 'kept_longer' && item.keepUntil && (
        <Text fz="xs" c="dimmed">
          {t('retention.keptUntil', { date: formatDate(item.keepUntil) })}
        </Text>
      )}
    </Stack>
  );
  const day = (date: string | null) => <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(date)}</Table.Td>;

  return (
    <Stack gap="lg" maw={1000}>
      <div>
        <Title order={1} fz={24}>
          {t('retention.title')}
        </Title>
        <Text c="dimmed" maw={760}>
          {t('retention.intro')}
        </Text>
      </div>
      {cases.error && <Alert color="red" role="alert" title={errorText(cases.error)} />}

      <TableSection
        title={t('retention.offersTitle')}
        emptyText={t('retention.offersEmpty')}
        loaded={cases.isSuccess}
        rowCount={offers.length}
        columns={[t('retention.dossier'), t('retention.offeredOn'), t('retention.status'), t('retention.actions')]}
        testId="retention-offers"
      >
        {offers.map((item) => (
          <Table.Tr key={item.id}>
            <Table.Td fw={500}>{nameOf(item)}</Table.Td>
            {day(item.openedOn)}
            <Table.Td>{stateBadge(item)}</Table.Td>
            <Table.Td>
              {item.state === 'awaiting_decision' && (
                <Button size="xs" color="red" variant="light" aria-label={t('retention.approveLabel', { name: nameOf(item) })} onClick={() => setPending({ kind: 'approve', item, name: nameOf(item) })}>
                  {t('retention.approve')}
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </TableSection>

      <DeletionRequestForm />

      <TableSection
        title={t('retention.requestsTitle')}
        emptyText={t('retention.requestsEmpty')}
        loaded={cases.isSuccess}
        rowCount={requests.length}
        columns={[t('retention.dossier'), t('retention.openedOn'), t('retention.deadline'), t('retention.status'), t('retention.actions')]}
        testId="retention-requests"
      >
        {requests.map((item) => (
          <Table.Tr key={item.id} data-testid="retention-request">
            <Table.Td>
              <Text fw={500} fz="sm">
                {nameOf(item)}
              </Text>
              <Text fz="xs" c="dimmed">
                {t('retention.receipt', { id: item.id })}
              </Text>
            </Table.Td>
            {day(item.openedOn)}
            {day(item.deadline)}
            <Table.Td>{stateBadge(item)}</Table.Td>
            <Table.Td>
              {item.state === 'open' && (
                <Group gap="xs" wrap="nowrap">
                  <Button size="xs" color="red" variant="light" aria-label={t('retention.carryOutLabel', { name: nameOf(item) })} onClick={() => setPending({ kind: 'carryOut', item, name: nameOf(item) })}>
                    {t('retention.carryOut')}
                  </Button>
                  <Button size="xs" variant="default" aria-label={t('retention.exceptionLabel', { name: nameOf(item) })} onClick={() => setPending({ kind: 'exception', item, name: nameOf(item) })}>
                    {t('retention.exception')}
                  </Button>
                </Group>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </TableSection>

      <RetentionAuditTrail />

      {pending && pending.kind !== 'exception' && (
        <ConfirmModal
          opened
          title={t(pending.kind === 'approve' ? 'retention.approveTitle' : 'retention.carryOutTitle')}
          message={
            <>
              {t(pending.kind === 'approve' ? 'retention.approveMessage' : 'retention.carryOutMessage', { name: pending.name })}
              {step.error && (
                <Text c="red" fz="sm" mt="xs" role="alert">
                  {errorText(step.error)}
                </Text>
              )}
            </>
          }
          confirmLabel={t(pending.kind === 'approve' ? 'retention.approveConfirm' : 'retention.carryOutConfirm')}
          pending={step.isPending}
          onCancel={() => {
            step.reset();
            setPending(null);
          }}
          onConfirm={() =>
            step.mutate(
              { kind: pending.kind === 'approve' ? 'approve' : 'carryOut', caseId: pending.item.id },
              {
                onSuccess: () => {
                  notify({ message: t('retention.done') });
                  setPending(null);
                },
              },
            )
          }
        />
      )}
      {pending?.kind === 'exception' && <LegalExceptionModal caseId={pending.item.id} name={pending.name} onClose={() => setPending(null)} />}
    </Stack>
  );
}
