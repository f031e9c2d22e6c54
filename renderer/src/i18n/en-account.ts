/** English: "My account" — the user's own password and recovery codes. */
export const enAccount = {
  account: {
    nav: 'My account',
    title: 'My account',
    intro: 'You are signed in as {{name}} ({{email}}).',
    offline: 'Connect to the internet to change your password or make new recovery codes. Your password is the same on the central service and on this laptop, so both change together.',
    password: {
      title: 'Change password',
      intro:
        'Your new password works at once for signing in and for unlocking the app on this laptop. On your other devices, sign in online with the new password next time.',
      current: 'Current password',
      currentMissing: 'Enter your current password.',
      new: 'New password',
      repeat: 'Repeat new password',
      rules: 'At least 12 characters. A sentence of a few words is strong and easy to remember.',
      tooShort: 'Your new password needs at least 12 characters.',
      same: 'Choose a password other than your current one.',
      mismatch: 'The two new passwords are not the same. Type them again.',
      wrongCurrent: 'Your current password is not right. Nothing was changed; try again.',
      submit: 'Change password',
      changed: 'Your password has been changed. From now on, unlock the app with your new password.',
    },
    recovery: {
      title: 'New recovery codes',
      intro: 'Lost your recovery codes, or used a few already? Make new ones. Your old recovery codes stop working.',
      off: 'Two-step verification is not on for your account, so you need no recovery codes.',
      code: 'Code from your authenticator app',
      codeHint: 'Open the app on your phone and enter the 6-digit code shown for ‘Thuisdossier’.',
      invalid: 'This code is not right or was used already. Wait for the app to show a new code and try again.',
      submit: 'Make new recovery codes',
      renewedIntro: 'Your new recovery codes are ready. Your old recovery codes no longer work.',
      done: 'Done',
    },
  },
};
