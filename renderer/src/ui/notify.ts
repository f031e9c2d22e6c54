import { notifications } from '@mantine/notifications';
import { i18next } from '../i18n/index.js';

/** A short confirmation in the corner; its close button is named for screen readers. */
export function notify(options: { message: string; title?: string; color?: 'teal' | 'red' | 'orange' }): void {
  notifications.show({
    color: options.color ?? 'teal',
    message: options.message,
    ...(options.title ? { title: options.title } : {}),
    closeButtonProps: { 'aria-label': i18next.t('common.close') },
  });
}
