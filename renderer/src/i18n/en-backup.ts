import type { Strings } from './nl.js';
import type { nlBackup } from './nl-backup.js';

/** English texts of the backups screen. */
export const enBackup: Strings<typeof nlBackup> = {
  backup: {
    nav: 'Backups',
    settings: 'Settings',
    title: 'Backups',
    intro:
      'Thuisdossier makes an encrypted backup of the data on this laptop every day and keeps the last {{kept}}. So you can go back if the laptop or the data gets damaged.',
    listTitle: 'Backups on this laptop',
    empty: 'There is no backup yet. Make one now.',
    createdAt: 'Made on',
    size: 'Size',
    contents: 'Contents',
    contentsClients_one: '{{count}} client',
    contentsClients_other: '{{count}} clients',
    contentsReports_one: '{{count}} report',
    contentsReports_other: '{{count}} reports',
    contentsDocuments_one: '{{count}} document',
    contentsDocuments_other: '{{count}} documents',
    contentsUnknown: 'Unknown',
    actions: 'Action',
    createNow: 'Make a backup now',
    creating: 'Making the backup…',
    creatingProgress: 'Backup progress',
    created: 'The backup has been made.',
    restore: 'Restore',
    restoreLabel: 'Restore the backup of {{date}}',
    stateTampered: 'Damaged',
    stateForeign: 'Of another account',
    stateTamperedHint: 'This backup is damaged or was changed outside the app and cannot be restored.',
    stateForeignHint: 'This backup does not belong to your account on this laptop and cannot be restored here.',
    restoreTitle: 'Restore this backup?',
    restoreWarning: 'All data on this laptop will be replaced by the backup of {{date}}.',
    restoreLost:
      'What you entered after that moment and has not been sent to the central service yet will be lost. What was sent comes back with the next sync.',
    restoreSafe: 'The backup is checked completely first. If restoring fails, your current data stays as it is.',
    restorePassword: 'Your password',
    restorePasswordHint: 'To confirm: you are replacing all data on this laptop.',
    restoreConfirm: 'Yes, restore',
    restoring: 'Restoring…',
    restored: 'The backup of {{date}} has been restored.',
    tampered:
      'This backup is damaged or was changed outside the app and has not been restored. Your current data has not been touched. Choose another backup, or contact support.',
    foreign: 'This backup does not belong to your account on this laptop and has not been restored. Your current data has not been touched.',
    notFound: 'This backup no longer exists (only {{kept}} are kept). Choose another one.',
    failed: 'Restoring did not work. Your current data has not been touched. Try again or contact support.',
  },
};
