import type { nlLicence } from './nl-licence.js';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const enLicence: Strings<typeof nlLicence> = {
  licence: {
    title: {
      blocked: 'Your account is blocked',
      ended: 'The agreement has ended',
      expired: 'Go online to continue',
      none: 'Sign in online to continue',
    },
    blockReason: {
      overdue: 'An invoice has not been paid on time.',
      'reversed-direct-debit': 'A direct debit was reversed.',
      abuse: 'The account is blocked for misuse of the trial or the terms.',
      'user-paused': 'Your user account was paused by an administrator.',
      other: 'The organisation was blocked by Thuisdossier.',
    },
    reason: {
      'lease-expired': 'This laptop has been offline too long. The licence must be renewed over the internet.',
      'clock-set-back': 'The clock of this laptop has been set back. Correct the date and time.',
      'no-lease': 'There is no valid licence on this device.',
      ended: 'All data on this device will be removed.',
    },
    nextStep: {
      'pay-outstanding': 'Ask the account owner to pay the outstanding invoice. Everything then works again.',
      'contact-admin': "Contact your organisation's administrator.",
      'contact-support': 'Contact Thuisdossier support.',
      'go-online': 'Connect to the internet; the app renews the licence by itself.',
      'correct-clock-and-go-online': 'Correct the clock and connect to the internet.',
      'sign-in-online': 'Connect to the internet and sign in again.',
      none: '',
    },
    endNotice: {
      title: 'Final notice',
      body: 'Once you confirm, all dossiers, documents and backups on this laptop are deleted for good. This cannot be undone. If you close the app without confirming, it happens at the next start.',
      confirm: 'Understood: delete the data on this laptop',
      failed: 'Deleting did not succeed. Close the app and start it again; deleting then continues.',
    },
    toPayments: 'Go to Admin → Payments',
    syncNow: 'Sync now',
    offlineHint: 'There is no internet connection right now. Connect (Wi-Fi or cable); the button then works.',
    syncFailed: 'Syncing did not succeed. Check the internet connection and try again.',
    safe: 'Your data stays encrypted on this laptop; nothing is lost.',
    offlineDaysLeft_one: '{{count}} day of offline work left',
    offlineDaysLeft_other: '{{count}} days of offline work left',
  },
  export: {
    title: 'Export',
    intro: 'Create a Word or Excel file of the records you may see. Every export is recorded in the access log.',
    notAllowed: "Export is not possible now: your organisation's licence does not allow it.",
    oneDossier: 'One record to Word',
    chooseDossier: 'Record',
    chooseDossierPlaceholder: 'Choose a client',
    dossierToWord: 'Export to Word',
    allDossiers: 'All records',
    allDossiersHint: 'All records you may see, in one Excel workbook or as a zip with one Word file per record.',
    allToExcel: 'All to Excel',
    allToWordZip: 'All to Word (.zip)',
    progress: 'Export progress',
    starting: 'Starting the export…',
    cancel: 'Cancel',
    savedAt: 'Saved as {{path}}',
    thisDossier: 'Export',
    refused: {
      title: 'This record was not exported',
      forbidden: 'You may not read this record, so you cannot export it. Ask the responsible practitioner or your administrator for read access.',
      licence_blocked: "Exporting is not possible now: your organisation's licence does not allow it. Contact your administrator.",
      licence_expired: 'Exporting is not possible now: the licence must be renewed. Connect to the internet and try again.',
    },
    state: { running: 'Working…', done: 'Done', failed: 'Failed', cancelled: 'Cancelled; no file was created.' },
  },
};
