import { DateInput, type DateInputProps } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { parseDutchDate } from './dutch-date.js';

type Props = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> & {
  /** "YYYY-MM-DD", or "" when empty. */
  value: string;
  onChange: (value: string) => void;
};

/** A date typed or picked as dd-mm-jjjj, whatever language the laptop's browser speaks. */
export const DateField = forwardRef<HTMLInputElement, Props>(function DateField({ value, onChange, ...props }, ref) {
  const { t } = useTranslation();
  return (
    <DateInput
      ref={ref}
      value={value === '' ? null : value}
      onChange={(next) => onChange(next ? String(next).slice(0, 10) : '')}
      valueFormat="DD-MM-YYYY"
      dateParser={(text) => parseDutchDate(text)}
      placeholder={t('common.datePlaceholder')}
      clearable
      clearButtonProps={{ 'aria-label': t('common.clearDate') }}
      leftSection={<IconCalendar size={16} aria-hidden />}
      {...props}
    />
  );
});
