import { ActionIcon, Badge, Button, Group, Menu, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconCrown, IconDots, IconPlayerPause, IconPlayerPlay, IconUserMinus, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminUser } from '../../../shared/api/admin.js';
import { api } from '../bridge/index.js';
import { unwrap } from '../ipc/call.js';
import { useSession } from '../session/useSession.js';
import { notify } from '../ui/notify.js';
import { AdminFailure } from './AdminFailure.js';
import { AdminLoading } from './AdminLoading.js';
import { ConfirmAction } from './ConfirmAction.js';
import { InviteUserModal } from './InviteUserModal.js';
import { TransferOwnershipModal } from './TransferOwnershipModal.js';
import { UpgradeNotice } from './UpgradeNotice.js';
import { useAdminChange, useAdminSubscription, useAdminUsers, useSeatPreview, type SetUserStatusInput } from './useAdmin.js';

const statusColour: Record<AdminUser['status'], string> = { active: 'teal', invited: 'blue', paused: 'gray', removed: 'red' };
type Pending = { user: AdminUser; status: SetUserStatusInput['status'] };

/** Users and seats: who is in the organisation, in which role and state, and how that fills the plan. */
export function UsersScreen() {
  const { t } = useTranslation();
  const users = useAdminUsers();
  const subscription = useAdminSubscription();
  const session = useSession();
  const me = session.data?.state === 'unlocked' ? session.data.user.id : null;
  const meIsOwner = session.data?.state === 'unlocked' && session.data.user.role === 'owner';
  const [handingOver, setHandingOver] = useState<AdminUser | null>(null);
  const [inviting, setInviting] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const preview = useSeatPreview(pending?.status === 'active');
  const change = useAdminChange((input: SetUserStatusInput) => unwrap(api.admin.setUserStatus(input)));

  if (users.error) return <AdminFailure error={users.error} onRetry={() => void users.refetch()} />;
  if (!users.data) return <AdminLoading />;
  const summary = subscription.data;
  const shown = users.data.users.filter((user) => user.status !== 'removed');

  const confirm = async () => {
    if (!pending) return;
    const done = await change.mutateAsync({ userId: pending.user.id, status: pending.status }).catch(() => null);
    if (!done) return;
    notify({ message: t('admin.users.changed', { name: done.user.displayName, status: t(`admin.userStatus.${done.user.status}`).toLowerCase() }) });
    setPending(null);
  };
  const ask = (user: AdminUser, status: Pending['status']) => {
    change.reset();
    setPending({ user, status });
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text fw={600} data-testid="seats">
          {summary &&
            (summary.status === 'trial'
              ? t('admin.users.seatsTrial', { active: summary.activeUsers })
              : t('admin.users.seats', { active: summary.activeUsers, seats: summary.seats, plan: summary.plan ? t(`admin.plans.${summary.plan}`) : '' }))}
        </Text>
        <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => setInviting(true)}>
          {t('admin.users.invite')}
        </Button>
      </Group>
      <Paper withBorder radius="lg" p="xs">
        <Table verticalSpacing="sm" horizontalSpacing="md" aria-label={t('admin.users.tableLabel')} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.users.name')}</Table.Th>
              <Table.Th>{t('admin.users.role')}</Table.Th>
              <Table.Th>{t('admin.users.status')}</Table.Th>
              <Table.Th>{t('admin.users.twoFactor')}</Table.Th>
              <Table.Th ta="right">{t('admin.users.devices')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('admin.users.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((user) => {
              const changeable = user.role !== 'owner' && user.id !== me;
              return (
                <Table.Tr key={user.id} data-testid={`user-${user.email}`}>
                  <Table.Td>
                    <Text fw={500} fz="sm" style={{ whiteSpace: 'nowrap' }}>
                      {user.displayName} {user.id === me && <Text span c="dimmed" fz="sm">{t('admin.users.you')}</Text>}
                    </Text>
                    <Text c="dimmed" fz="sm">
                      {user.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t(`admin.roles.${user.role}`)}</Table.Td>
                  <Table.Td>
                    <Badge color={statusColour[user.status]} variant="light" miw="max-content">
                      {t(`admin.userStatus.${user.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{user.twoFactorEnabled ? t('common.yes') : t('common.no')}</Table.Td>
                  <Table.Td ta="right">{user.activeDevices}</Table.Td>
                  <Table.Td ta="right">
                    {changeable && (
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <ActionIcon variant="subtle" color="gray" aria-label={t('admin.users.actionsFor', { name: user.displayName })}>
                            <IconDots size={18} aria-hidden />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          {user.status === 'active' && (
                            <Menu.Item leftSection={<IconPlayerPause size={16} aria-hidden />} onClick={() => ask(user, 'paused')}>
                              {t('admin.users.pause')}
                            </Menu.Item>
                          )}
                          {user.status === 'paused' && (
                            <Menu.Item leftSection={<IconPlayerPlay size={16} aria-hidden />} onClick={() => ask(user, 'active')}>
                              {t('admin.users.reactivate')}
                            </Menu.Item>
                          )}
                          {meIsOwner && user.role === 'admin' && user.status === 'active' && (
                            <Menu.Item leftSection={<IconCrown size={16} aria-hidden />} onClick={() => setHandingOver(user)}>
                              {t('admin.users.transfer')}
                            </Menu.Item>
                          )}
                          <Menu.Item color="red" leftSection={<IconUserMinus size={16} aria-hidden />} onClick={() => ask(user, 'removed')}>
                            {t('admin.users.remove')}
                          </Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Paper>

      <InviteUserModal opened={inviting} onClose={() => setInviting(false)} />
      {handingOver && (
        <TransferOwnershipModal
          user={handingOver}
          askCode={users.data.users.find((user) => user.id === me)?.twoFactorEnabled ?? false}
          onClose={() => setHandingOver(null)}
        />
      )}
      {pending && (
        <ConfirmAction
          opened
          title={t(`admin.users.${pending.status === 'paused' ? 'pauseTitle' : pending.status === 'removed' ? 'removeTitle' : 'reactivateTitle'}`, { name: pending.user.displayName })}
          body={
            pending.status === 'active' ? (
              <UpgradeNotice preview={preview.data} loading={preview.isLoading} error={preview.error} />
            ) : (
              t(`admin.users.${pending.status === 'paused' ? 'pauseBody' : 'removeBody'}`, { name: pending.user.displayName })
            )
          }
          confirmLabel={t(
            pending.status === 'paused'
              ? 'admin.users.confirmPause'
              : pending.status === 'removed'
                ? 'admin.users.confirmRemove'
                : preview.data?.upgraded
                  ? 'admin.users.confirmReactivateUpgrade'
                  : 'admin.users.confirmReactivate',
          )}
          danger={pending.status === 'removed'}
          confirmDisabled={pending.status === 'active' && !preview.data}
          pending={change.isPending}
          error={change.error}
          onCancel={() => setPending(null)}
          onConfirm={() => void confirm()}
        />
      )}
    </Stack>
  );
}
