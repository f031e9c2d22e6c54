import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Paper, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { Controller, useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { SecuritySettings } from '../../../shared/api/admin.js';
import { api } from '../bridge/index.js';
import { unwrap } from '../ipc/call.js';
import { notify } from '../ui/notify.js';
import { AdminFailure } from './AdminFailure.js';
import { AdminLoading } from './AdminLoading.js';
import { ConfirmActionError } from './ConfirmActionError.js';
import { securityFormSchema, securityFormValues, type SecurityFormValues, type SecurityUpdate } from './security-form.js';
import { useAdminChange, useAdminSecurity } from './useAdmin.js';

/** Organisation-wide security (SPEC §4): compulsory 2FA, the IP allow-list, the inactivity lock. */
export function SecurityScreen() {
  const security = useAdminSecurity();
  if (security.error) return <AdminFailure error={security.error} onRetry={() => void security.refetch()} />;
  if (!security.data) return <AdminLoading />;
  return <SecurityForm settings={security.data} />;
}

function SecurityForm({ settings }: { settings: SecuritySettings }) {
  const { t } = useTranslation();
  const resolver = useMemo(() => zodResolver(securityFormSchema(t)) as unknown as Resolver<SecurityFormValues, unknown, SecurityUpdate>, [t]);
  const form = useForm<SecurityFormValues, unknown, SecurityUpdate>({ defaultValues: securityFormValues(settings), resolver, mode: 'onTouched' });
  const save = useAdminChange((update: SecurityUpdate) => unwrap(api.admin.updateSecurity(update)));
  const { reset, formState } = form;
  // Another admin's change shows up when nothing was typed here; typed text is never overwritten.
  useEffect(() => {
    if (!formState.isDirty) reset(securityFormValues(settings));
  }, [settings, reset, formState.isDirty]);

  const submit = form.handleSubmit(async (update) => {
    const saved = await save.mutateAsync(update).catch(() => null);
    if (!saved) return;
    reset(securityFormValues(saved));
    notify({ message: t('admin.security.saved') });
  });

  return (
    <Paper withBorder radius="lg" p="lg" maw={720}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="lg">
          <Text c="dimmed">{t('admin.security.intro')}</Text>
          <Controller
            control={form.control}
            name="requireTwoFactor"
            render={({ field }) => (
              <Switch
                label={t('admin.security.requireTwoFactor')}
                description={t('admin.security.requireTwoFactorHint')}
                checked={field.value}
                onChange={(event) => field.onChange(event.currentTarget.checked)}
                onBlur={field.onBlur}
                size="md"
              />
            )}
          />
          <Textarea
            label={t('admin.security.ipAllowList')}
            description={t('admin.security.ipAllowListHint')}
            autosize
            minRows={3}
            styles={{ input: { fontFamily: 'monospace' } }}
            {...form.register('ipAllowList')}
            error={formState.errors.ipAllowList?.message}
          />
          <TextInput
            label={t('admin.security.autoLockMinutes')}
            description={t('admin.security.autoLockHint')}
            inputMode="numeric"
            styles={{ input: { maxWidth: 140 } }}
            {...form.register('autoLockMinutes')}
            error={formState.errors.autoLockMinutes?.message}
          />
          <ConfirmActionError error={save.error} />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('admin.security.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
