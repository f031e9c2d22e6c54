import type { nlTwoFactor } from './nl-two-factor.js';
import type { Strings } from './nl.js';

/** English: setting up two-step verification at the first sign-in. */
export const enTwoFactor: Strings<typeof nlTwoFactor> = {
  twoFactorSetUp: {
    title: 'Set up two-step verification',
    step: 'Step {{step}} of 3',
    intro:
      'Your organisation asks for a second step when you sign in: besides your password, a 6-digit code from an app on your phone. You set this up once, now; it takes a few minutes.',
    installApp: 'Install an authenticator app on your phone, for example Microsoft Authenticator or Google Authenticator (free in the App Store or Google Play).',
    scan: 'Open the app, choose ‘Add account’ and scan this QR code with your phone.',
    qrLabel: 'QR code to scan with your authenticator app',
    manualTitle: 'Scanning does not work?',
    manual: 'Choose ‘Enter a setup key’ in the app and type this key. You need not type the spaces.',
    copySecret: 'Copy key',
    copied: 'Copied',
    code: 'Code from the app',
    codeHint: 'The app now shows a 6-digit code under ‘Thuisdossier’. Enter it here.',
    confirm: 'Check code',
    invalid: 'This code is not right. Check that you use the code under ‘Thuisdossier’, and enter the code the app shows now. No need to scan again.',
    expired:
      'The set-up stopped: it has to be done within 15 minutes. Sign in again. If you then get a new QR code, first remove the ‘Thuisdossier’ account you had just added from your app.',
    back: 'Back',
    recoveryTitle: 'Keep your recovery codes',
    recoveryIntro:
      'Two-step verification is on. If you lose your phone, sign in with one of these recovery codes instead of the code from the app. Each recovery code works once.',
    recoveryOnce: 'You see these codes only now. Write them down or print them, and keep them somewhere safe: not on this laptop and not on your phone.',
    recoveryList: 'Recovery codes',
    copyCodes: 'Copy codes',
    print: 'Print',
    saved: 'I have kept the recovery codes',
    continue: 'Continue',
    nextCodeTitle: 'Sign in with your app',
    nextCodeIntro: 'Almost done. The code you just used works only once: wait until your app shows a new code, and enter that one.',
  },
};
