import { Button, CopyButton, Group, NativeSelect, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { emailSchema, requiredText } from '../../../shared/domain/common.js';
import { api } from '../bridge/index.js';
import { domainResolver } from '../forms/domain-resolver.js';
import { formatDateTime } from '../format/dates.js';
import { unwrap } from '../ipc/call.js';
import { AppModal } from '../ui/AppModal.js';
import { notify } from '../ui/notify.js';
import { ConfirmActionError } from './ConfirmActionError.js';
import { UpgradeNotice } from './UpgradeNotice.js';
import { useAdminChange, useSeatPreview } from './useAdmin.js';

/** The form in the domain's Dutch words; the core checks it again with the service's own schema. */
const inviteFormSchema = z.object({
  email: emailSchema,
  displayName: requiredText('De naam', 100),
  role: z.enum(['admin', 'practitioner']),
});
type InviteForm = z.infer<typeof inviteFormSchema>;
type InviteValues = { email: string; displayName: string; role: 'admin' | 'practitioner' };
const empty: InviteValues = { email: '', displayName: '', role: 'practitioner' };

/**
 * Invite a colleague in three steps: who → what it does to the plan (art. 14's automatic upgrade,
 * BEFORE confirming) → the one-time invite code to pass on. What was typed stays in the form until
 * the invite succeeded, also when the service cannot be reached.
 */
export function InviteUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [step, setStep] = useState<'form' | 'confirm' | 'done'>('form');
  const form = useForm<InviteValues, unknown, InviteForm>({ defaultValues: empty, resolver: domainResolver<InviteValues, InviteForm>(inviteFormSchema), mode: 'onTouched' });
  const preview = useSeatPreview(opened && step === 'confirm');
  const invite = useAdminChange((values: InviteForm) => unwrap(api.admin.inviteUser(values)));
  const values = form.getValues();

  const close = () => {
    if (step === 'done') {
      form.reset(empty);
      invite.reset();
    }
    setStep('form');
    onClose();
  };

  return (
    <AppModal opened={opened} onClose={close} title={t('admin.invite.title')} size="lg">
      {step === 'form' && (
        <form onSubmit={form.handleSubmit(() => setStep('confirm'))} noValidate>
          <Stack gap="md">
            <Text fz="sm">{t('admin.invite.intro')}</Text>
            <TextInput label={t('admin.invite.displayName')} autoComplete="off" required {...form.register('displayName')} error={form.formState.errors.displayName?.message} data-autofocus />
            <TextInput label={t('admin.invite.email')} type="email" autoComplete="off" required {...form.register('email')} error={form.formState.errors.email?.message} />
            <NativeSelect
              label={t('admin.invite.role')}
              data={[
                { value: 'practitioner', label: t('admin.roles.practitioner') },
                { value: 'admin', label: t('admin.roles.admin') },
              ]}
              {...form.register('role')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit">{t('admin.invite.next')}</Button>
            </Group>
          </Stack>
        </form>
      )}
      {step === 'confirm' && (
        <Stack gap="md">
          <Text fz="sm" fw={600}>
            {values.displayName} · {values.email} · {t(`admin.roles.${values.role}`)}
          </Text>
          <UpgradeNotice preview={preview.data} loading={preview.isLoading} error={preview.error} />
          <ConfirmActionError error={invite.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setStep('form')}>
              {t('admin.invite.back')}
            </Button>
            <Button
              disabled={!preview.data}
              loading={invite.isPending}
              onClick={() =>
                void form.handleSubmit(async (checked) => {
                  const done = await invite.mutateAsync(checked).catch(() => null);
                  if (!done) return;
                  notify({ message: t('admin.invite.sent', { name: done.user.displayName }) });
                  setStep('done');
                })()
              }
            >
              {preview.data?.upgraded ? t('admin.invite.confirmUpgrade') : t('admin.invite.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
      {step === 'done' && invite.data && (
        <Stack gap="md">
          <Text fw={600}>{t('admin.invite.codeTitle', { name: invite.data.user.displayName })}</Text>
          <Text fz="sm">{t('admin.invite.codeBody', { date: formatDateTime(invite.data.inviteExpiresAt, i18n.language) })}</Text>
          <Textarea label={t('admin.invite.code')} value={invite.data.inviteToken} readOnly autosize minRows={2} styles={{ input: { fontFamily: 'monospace' } }} />
          <Group justify="flex-end">
            <CopyButton value={invite.data.inviteToken}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy}>
                  {copied ? t('admin.invite.copied') : t('admin.invite.copy')}
                </Button>
              )}
            </CopyButton>
            <Button onClick={close}>{t('admin.invite.done')}</Button>
          </Group>
        </Stack>
      )}
    </AppModal>
  );
}
