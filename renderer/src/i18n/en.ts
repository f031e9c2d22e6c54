import { enRetention } from './en-retention.js';
import { enBackup } from './en-backup.js';
import { enAdmin } from './en-admin.js';
import { enLicence } from './en-licence.js';
import { enNotices } from './en-notices.js';
import { enSync } from './en-sync.js';
import { enWork } from './en-work.js';
import type { Messages } from './nl.js';
import { enValidation } from './en-validation.js';
import { enTwoFactor } from './en-two-factor.js';
import { enAccount } from './en-account.js';

export const en: Messages = {
  app: {
    name: 'Thuisdossier',
    tagline: 'The client record for home care — also without internet.',
  },
  common: {
    showPassword: 'Show or hide password',
    loading: 'Loading…',
    cancel: 'Cancel',
    save: 'Save',
    undo: 'Undo changes',
    close: 'Close',
    delete: 'Delete',
    confirmRemove: 'Yes, remove',
    edit: 'Edit',
    add: 'Add',
    yes: 'Yes',
    no: 'No',
    none: '—',
    clearDate: 'Clear date',
    datePlaceholder: 'dd-mm-yyyy',
    dateTimePlaceholder: 'dd-mm-yyyy hh:mm',
  },
  language: { label: 'Language', nl: 'Nederlands', en: 'English' },
  connectivity: {
    online: 'Online',
    offline: 'Offline',
    onlineHint: 'Connected to the central service.',
    offlineHint: 'No connection. You can keep working; changes are sent later.',
  },
  signIn: {
    title: 'Sign in',
    intro: 'Sign in with the e-mail address and password of your Thuisdossier account.',
    email: 'E-mail address',
    emailPlaceholder: 'name@careprovider.nl',
    password: 'Password',
    previousPassword: 'Your previous password',
    previousPasswordWhy:
      'Your password was changed online, but this laptop still knows your previous password. Enter it here once: from then on the app opens with your new password only. The data on this laptop is kept.',
    totp: 'Verification code',
    totpHint: 'The 6 digits from your authenticator app.',
    totpTitle: 'Two-step verification',
    totpIntro: 'Your organisation asks for a second step. Enter the code your authenticator app shows now.',
    totpInvalid: 'This code is not right or was used already. Wait for the next code and try again.',
    totpSubmit: 'Confirm',
    back: 'Back',
    submit: 'Sign in',
    wiped: { device_revoked: 'An administrator signed this device out', account_ended: "Your organisation's agreement has ended" },
    wipedWhat: 'The records were therefore removed from this laptop; no client information is left on it. Ask your administrator to allow the device again if you want to work here again.',
    firstTimeNote:
      'The first sign-in on this laptop needs internet. After that you open Thuisdossier offline with your password.',
  },
  initialSync: {
    title: 'Fetching your records',
    intro: 'The first time on this device Thuisdossier fetches the records you have access to. After that you also work offline.',
    received_one: '{{count}} item received',
    received_other: '{{count}} items received',
    sent: '{{count}} changes sent',
    percent: '{{percent}}% fetched',
    estimateMinutes_one: 'About {{count}} minute left',
    estimateMinutes_other: 'About {{count}} minutes left',
    estimateUnderMinute: 'Less than a minute left',
    estimating: 'Estimating time left…',
    failed: 'Fetching did not work: {{message}}',
    retry: 'Try again',
    continue: 'Continue without waiting',
  },
  unlock: {
    title: 'Unlock',
    intro: 'Welcome back, {{name}}. Enter your password to open your records.',
    password: 'Password',
    signInOnline: 'Sign in online (password forgotten or changed, too many attempts)',
    submit: 'Unlock',
  },
  ...enWork,
  ...enLicence,
  ...enBackup,
  ...enRetention,
  ...enSync,
  ...enNotices,
  ...enAdmin,
  ...enValidation,
  ...enTwoFactor,
  ...enAccount,
  errors: {
    invalid_request: 'Something went wrong in the app. Please try again.',
    unknown_method: 'This function does not exist in this version of the app. Please update.',
    invalid_input: 'Not every field is filled in correctly. Check the marked fields.',
    not_signed_in: 'You have not signed in on this device yet.',
    locked: 'The app is locked. Unlock it with your password.',
    forbidden: 'You do not have access to this. Ask your administrator for access.',
    not_found: 'This item does not exist (any more).',
    conflict: 'Someone else changed this at the same time. Review both versions.',
    record_locked: 'This item is locked and can no longer be changed. Add an addendum.',
    licence_blocked: "Your organisation's account is blocked. Contact your administrator.",
    licence_expired: 'Go online to continue: the licence needs to be renewed.',
    wrong_password: 'The password is not correct. Please try again.',
    too_many_attempts: 'Too many attempts. Wait a moment and try again.',
    offline: 'You are offline. The first sign-in on this device needs internet.',
    server_unreachable: 'The central service cannot be reached. Please try again later.',
    server_error: 'The central service reported an error. Try again later or contact support.',
    storage_full: 'The disk is full. Free up space; nothing has been lost.',
    too_large: 'The file is too large.',
    tampered: 'The data is damaged or was changed outside the app. Contact support.',
    cancelled: 'Cancelled.',
    internal: 'Something unexpected went wrong. Try again; if it keeps happening, contact support.',
    refusal: {
      two_factor_enrolment_required:
        'Your organisation requires two-step verification, and it is not set up for your account yet. Sign in again: the app then helps you set it up step by step. If that does not work, ask your administrator for help.',
      ip_not_allowed:
        'Your organisation only allows sign-in from certain networks, and this network is not one of them. Sign in from an allowed network (at the office, for example), or ask your administrator to add this network under Administration → Security.',
      account_paused: 'Your administrator has paused your account, so you cannot sign in. Ask your administrator to make your account active again under Administration → Users.',
      device_revoked:
        'An administrator signed this device out; it may no longer sign in. Sign in on another device, or ask your administrator whether you may use this device again.',
      organisation_ended: "Your organisation's agreement with Thuisdossier has ended; signing in is no longer possible. Contact the owner of your organisation's account.",
    },
  },
};
