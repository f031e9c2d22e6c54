import { Alert, Badge, Button, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconDevicesExclamation } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { adminDeviceSchema } from '../../../shared/api/admin.js';
import { api } from '../bridge/index.js';
import { formatDateTime } from '../format/dates.js';
import { unwrap } from '../ipc/call.js';
import { notify } from '../ui/notify.js';
import { AdminFailure } from './AdminFailure.js';
import { AdminLoading } from './AdminLoading.js';
import { ConfirmAction } from './ConfirmAction.js';
import { useAdminChange, useAdminDevices } from './useAdmin.js';

type Device = z.infer<typeof adminDeviceSchema>;

/** Devices per user (art. 20: one person per account; several active devices at once are flagged), with revoke. */
/** Names, dates and states stay on one line; the device description may wrap. */
const nowrap = { whiteSpace: 'nowrap' } as const;

export function DevicesScreen() {
  const { t, i18n } = useTranslation();
  const devices = useAdminDevices();
  const [revoking, setRevoking] = useState<Device | null>(null);
  const revoke = useAdminChange((device: Device) => unwrap(api.admin.revokeDevice({ userId: device.userId, deviceId: device.id })));

  if (devices.error) return <AdminFailure error={devices.error} onRetry={() => void devices.refetch()} />;
  if (!devices.data) return <AdminLoading />;
  const several = devices.data.usersOnSeveralDevices;
  const names = [...new Set(devices.data.devices.filter((d) => several.includes(d.userId)).map((d) => d.userDisplayName))];

  /** The lease the service last issued to the device (SPEC §3): how long it keeps working offline. */
  const leaseText = (device: Device) => {
    if (!device.lease) return t('admin.devices.leaseNone');
    const date = formatDateTime(device.lease.validUntil, i18n.language);
    if (device.lease.state === 'revoked') return t('admin.devices.leaseRevoked', { date });
    if (device.lease.state === 'expired') return t('admin.devices.leaseExpired', { date });
    return t('admin.devices.leaseValid', { date });
  };

  const confirm = async () => {
    if (!revoking) return;
    if ((await revoke.mutateAsync(revoking).catch(() => null)) === null) return;
    notify({ message: t('admin.devices.revokedDone') });
    setRevoking(null);
  };

  return (
    <Stack gap="md">
      <Text c="dimmed">{t('admin.devices.intro')}</Text>
      {names.length > 0 && (
        <Alert color="orange" variant="light" icon={<IconDevicesExclamation aria-hidden />}>
          {t('admin.devices.several', { names: names.join(', ') })}
        </Alert>
      )}
      {devices.data.devices.length === 0 ? (
        <Text>{t('admin.devices.none')}</Text>
      ) : (
        <Paper withBorder radius="lg" p="xs">
          <Table verticalSpacing="sm" horizontalSpacing="md" aria-label={t('admin.devices.tableLabel')} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.devices.user')}</Table.Th>
                <Table.Th>{t('admin.devices.device')}</Table.Th>
                <Table.Th>{t('admin.devices.lastSeen')}</Table.Th>
                <Table.Th>{t('admin.devices.state')}</Table.Th>
                <Table.Th>{t('admin.devices.lease')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('admin.users.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {devices.data.devices.map((device) => (
                <Table.Tr key={device.id}>
                  <Table.Td fw={500} style={nowrap}>
                    {device.userDisplayName}
                  </Table.Td>
                  <Table.Td>
                    {device.name}
                    <Text span c="dimmed" fz="sm">
                      {' '}
                      · {device.platform}
                      {device.appVersion ? ` · ${device.appVersion}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td style={nowrap}>{formatDateTime(device.lastSeenAt, i18n.language)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={device.revoked ? 'red' : device.active ? 'teal' : 'gray'} miw="max-content">
                      {t(device.revoked ? 'admin.devices.revoked' : device.active ? 'admin.devices.active' : 'admin.devices.idle')}
                    </Badge>
                  </Table.Td>
                  <Table.Td fz="sm" data-testid="device-lease" c={device.lease?.state === 'valid' ? undefined : 'orange.9'}>
                    {leaseText(device)}
                  </Table.Td>
                  <Table.Td ta="right">
                    {!device.revoked && (
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={t('admin.devices.revokeFor', { device: device.name, name: device.userDisplayName })}
                        onClick={() => {
                          revoke.reset();
                          setRevoking(device);
                        }}
                      >
                        {t('admin.devices.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {revoking && (
        <ConfirmAction
          opened
          title={t('admin.devices.revokeTitle')}
          body={t('admin.devices.revokeBody', { name: revoking.userDisplayName, device: revoking.name })}
          confirmLabel={t('admin.devices.confirmRevoke')}
          danger
          pending={revoke.isPending}
          error={revoke.error}
          onCancel={() => setRevoking(null)}
          onConfirm={() => void confirm()}
        />
      )}
    </Stack>
  );
}
