import { Alert, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AdminFailure } from './AdminFailure.js';
import { AdminLoading } from './AdminLoading.js';
import { formatBytes } from './admin-format.js';
import { useAdminStorage } from './useAdmin.js';

/** Fair use (art. 7): the organisation's storage against its quota, per kind. */
export function StorageScreen() {
  const { t, i18n } = useTranslation();
  const storage = useAdminStorage();
  if (storage.error) return <AdminFailure error={storage.error} onRetry={() => void storage.refetch()} />;
  if (!storage.data) return <AdminLoading />;
  const { usedBytes, quotaBytes, byCategory } = storage.data;
  const fraction = quotaBytes > 0 ? Math.min(1, usedBytes / quotaBytes) : 0;
  const size = (bytes: number) => formatBytes(bytes, i18n.language);

  return (
    <Stack gap="md" maw={640}>
      <Text c="dimmed">{t('admin.storage.intro')}</Text>
      <Paper withBorder radius="lg" p="lg">
        <Stack gap="sm">
          <Text fw={600} data-testid="storage-used">
            {t('admin.storage.used', { used: size(usedBytes), quota: size(quotaBytes) })}
          </Text>
          <Progress value={fraction * 100} size="lg" radius="xl" color={fraction > 0.9 ? 'red' : 'teal'} aria-label={t('admin.storage.usedLabel')} />
          {byCategory.map((row) => (
            <Group key={row.category} justify="space-between">
              <Text fz="sm">{t(`admin.storage.categories.${row.category}`, { defaultValue: row.category })}</Text>
              <Text fz="sm">{size(row.bytes)}</Text>
            </Group>
          ))}
        </Stack>
      </Paper>
      {fraction > 0.9 && <Alert color="orange">{t('admin.storage.nearlyFull')}</Alert>}
    </Stack>
  );
}
