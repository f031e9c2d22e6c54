import { DateInput, type DateInputProps } from '@mantine/dates';
import { IconCalendarTime } from '@tabler/icons-react';
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { parseDutchDate } from './dutch-date.js';

type Props = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> & {
  /** Amsterdam wall time "YYYY-MM-DDTHH:mm" (see format/dates.ts), or "". */
  value: string;
  onChange: (value: string) => void;
};

/** Date and time typed as "24-11-2026 10:30" (24-hour clock), or picked. */
export const DateTimeField = forwardRef<HTMLInputElement, Props>(function DateTimeField({ value, onChange, ...props }, ref) {
  const { t } = useTranslation();
  return (
    <DateInput
      ref={ref}
      value={value === '' ? null : `${value.replace('T', ' ')}:00`}
      onChange={(next) => onChange(next ? String(next).slice(0, 16).replace(' ', 'T') : '')}
      valueFormat="DD-MM-YYYY HH:mm"
      withTime
      dateParser={(text) => parseDutchDate(text, true)}
      placeholder={t('common.dateTimePlaceholder')}
      leftSection={<IconCalendarTime size={16} aria-hidden />}
      {...props}
    />
  );
});
