import { Divider, Grid, Select, TextInput, type TextInputProps } from '@mantine/core';
import { Controller, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DateField } from '../forms/DateField.js';
import { clientStatuses } from './client-status.js';
import type { ClientFormValues } from './client-form-values.js';

interface Props<TOut> {
  register: UseFormRegister<ClientFormValues>;
  control: Control<ClientFormValues, unknown, TOut>;
  errors: FieldErrors<ClientFormValues>;
  readOnly?: boolean;
}

/**
 * The personalia fields, shared by "new client" and the Personalia tab. Each error is the domain's
 * own sentence (e.g. why a BSN fails the 11-test) in the user's language, shown directly under its field.
 */
export function ClientFields<TOut>({ register, control, errors, readOnly = false }: Props<TOut>) {
  const { t } = useTranslation();
  const text = (name: keyof ClientFormValues, extra: TextInputProps & Record<`data-${string}`, unknown> = {}) => (
    <TextInput label={t(`client.${name}`)} error={errors[name]?.message} readOnly={readOnly} {...extra} {...register(name)} />
  );
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, sm: 5 }}>{text('firstName', { required: true, autoComplete: 'off', 'data-autofocus': true })}</Grid.Col>
      <Grid.Col span={{ base: 12, sm: 2 }}>{text('infix', { autoComplete: 'off' })}</Grid.Col>
      <Grid.Col span={{ base: 12, sm: 5 }}>{text('lastName', { required: true, autoComplete: 'off' })}</Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}><Controller
          control={control}
          name="birthDate"
          render={({ field }) => (
            <DateField label={t('client.birthDate')} value={field.value} onChange={field.onChange} onBlur={field.onBlur} readOnly={readOnly} error={errors.birthDate?.message} />
          )}
        /></Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        {/* The hint under the input, so the inputs of this row stay level. */}
        {text('bsn', { inputMode: 'numeric', autoComplete: 'off', description: t('client.bsnHint'), inputWrapperOrder: ['label', 'input', 'description', 'error'] })}
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <Controller
          control={control}
          name="status"
          render={({ field }) => (
            <Select
              label={t('client.status')}
              data={clientStatuses.map((s) => ({ value: s, label: t(`clientStatus.${s}`) }))}
              value={field.value}
              onChange={(value) => value && field.onChange(value)}
              onBlur={field.onBlur}
              allowDeselect={false}
              readOnly={readOnly}
              error={errors.status?.message}
            />
          )}
        />
      </Grid.Col>
      <Grid.Col span={12}>
        <Divider label={t('client.addressSection')} labelPosition="left" />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>{text('street')}</Grid.Col>
      <Grid.Col span={{ base: 6, sm: 3 }}>{text('houseNumber', { inputMode: 'numeric' })}</Grid.Col>
      <Grid.Col span={{ base: 6, sm: 3 }}>{text('houseNumberAddition')}</Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}>{text('postcode', { placeholder: '1234 AB' })}</Grid.Col>
      <Grid.Col span={{ base: 12, sm: 8 }}>{text('city')}</Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>{text('phone', { type: 'tel' })}</Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>{text('email', { type: 'email' })}</Grid.Col>
      <Grid.Col span={12}>
        <Divider label={t('client.careSection')} labelPosition="left" />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>{text('gpName')}</Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>{text('insurer')}</Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}><Controller
          control={control}
          name="careStartDate"
          render={({ field }) => (
            <DateField label={t('client.careStartDate')} value={field.value} onChange={field.onChange} onBlur={field.onBlur} readOnly={readOnly} error={errors.careStartDate?.message} />
          )}
        /></Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}><Controller
          control={control}
          name="careEndDate"
          render={({ field }) => (
            <DateField label={t('client.careEndDate')} value={field.value} onChange={field.onChange} onBlur={field.onBlur} readOnly={readOnly} error={errors.careEndDate?.message} />
          )}
        /></Grid.Col>
    </Grid>
  );
}
