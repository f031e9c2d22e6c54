import { expect, test, type Page } from '@playwright/test';
import { apiCall, apiSignIn, demoNurse, demoOwner, startCentralService, totpCode, type CentralServiceProcess } from '../electron/sync/testing/central-service-process.js';
import { expectAccessible } from './support/accessibility.js';
import { openAndUnlock, unlock } from './support/app.js';
import { demoPassword, signInAsDemoUser } from './support/demo-service.js';
import { startPreview, type RunningPreview } from './support/preview-host.js';
import { saveScreenshot } from './support/screenshots.js';

/**
 * "Mijn account" on a preview host against a real central service: a nurse changes her password and
 * the lock screen then takes only the new one; the owner (2FA on) makes new recovery codes.
 */
let central: CentralServiceProcess;
let preview: RunningPreview;
let ownerSecret: string;
let ownerCodeUsedAt = 0;
const newPassword = 'zomer aan zee in Zandvoort';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  central = await startCentralService();
  const ownerToken = await apiSignIn(central.url, demoOwner);
  ({ secret: ownerSecret } = (await apiCall(central.url, ownerToken, 'POST', '/v1/me/two-factor/enrol')) as { secret: string });
  await apiCall(central.url, ownerToken, 'POST', '/v1/me/two-factor/confirm', { code: totpCode(ownerSecret) });
  ownerCodeUsedAt = Date.now();
  preview = await startPreview({ env: { THUISDOSSIER_SERVER_URL: central.url, THUISDOSSIER_LEASE_PUBLIC_KEYS: central.leaseKeys } });
});
test.afterAll(async () => {
  await preview?.stop();
  await central?.stop();
});

/** "Nieuw wachtwoord" (not "… herhalen"); Mantine adds a required mark to the label. */
const newPasswordField = (page: Page) => page.getByRole('textbox', { name: /^Nieuw wachtwoord( \*)?$/ });

async function openAccount(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Mijn account' }).click();
  await expect(page.getByRole('heading', { name: 'Mijn account', level: 1 })).toBeVisible();
}

test('a nurse changes her password; the lock screen then refuses the old one and opens with the new one', async ({ page }) => {
  test.setTimeout(180_000);
  await signInAsDemoUser(page, preview.url, demoNurse);
  await openAccount(page);
  await expect(page.getByText('Minstens 12 tekens')).toBeVisible();
  // 2FA is off for her: nothing to renew, and the page says so instead of offering it.
  await expect(page.getByTestId('two-factor-off')).toBeVisible();
  await expectAccessible(page);
  await saveScreenshot(page, 'account-page');

  // The form says what is wrong before anything is sent.
  await page.getByLabel('Huidig wachtwoord').fill(demoPassword);
  await newPasswordField(page).fill('kort');
  await page.getByLabel('Nieuw wachtwoord herhalen').fill('anders');
  await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
  await expect(page.getByText('Je nieuwe wachtwoord moet minstens 12 tekens hebben.')).toBeVisible();
  await expect(page.getByText('De twee nieuwe wachtwoorden zijn niet gelijk.')).toBeVisible();

  // A wrong current password: the service refuses, the new password stays typed.
  await page.getByLabel('Huidig wachtwoord').fill('niet-mijn-wachtwoord');
  await newPasswordField(page).fill(newPassword);
  await page.getByLabel('Nieuw wachtwoord herhalen').fill(newPassword);
  await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
  await expect(page.getByTestId('change-password-error')).toContainText('Je huidige wachtwoord klopt niet. Er is niets gewijzigd');
  await expect(newPasswordField(page)).toHaveValue(newPassword);
  await expect(page.getByLabel('Huidig wachtwoord')).toHaveValue('');
  await expectAccessible(page);
  await saveScreenshot(page, 'account-password-wrong-current');

  await page.getByLabel('Huidig wachtwoord').fill(demoPassword);
  await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
  await expect(page.getByText('Je wachtwoord is gewijzigd.')).toBeVisible({ timeout: 30_000 });
  await expect(newPasswordField(page)).toHaveValue('');
  await saveScreenshot(page, 'account-password-changed');

  // Lock: the old password no longer opens this laptop, the new one does (offline unlock).
  await page.getByRole('button', { name: 'Vergrendelen' }).click();
  await unlock(page, demoPassword);
  await expect(page.getByRole('alert', { name: /Het wachtwoord klopt niet/ })).toBeVisible();
  await saveScreenshot(page, 'account-unlock-old-password-refused');
  await page.getByRole('textbox', { name: 'Wachtwoord' }).fill(newPassword);
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
  await expect(page.getByRole('heading', { name: 'Mijn account', level: 1 })).toBeVisible();
});

test('changed online but not on this laptop (another device, or a crash before the re-wrap): one sign-in with the previous password repairs it', async ({ page }) => {
  test.setTimeout(120_000);
  const thirdPassword = 'herfst in de Achterhoek 2026';
  const token = await apiSignIn(central.url, demoNurse, newPassword);
  await apiCall(central.url, token, 'POST', '/v1/me/password', { currentPassword: newPassword, newPassword: thirdPassword });

  await openAndUnlock(page, preview.url, newPassword); // this laptop still opens with the one it knows
  await page.getByRole('button', { name: 'Vergrendelen' }).click();
  await page.getByTestId('unlock-sign-in-online').click();
  await page.getByRole('textbox', { name: 'Wachtwoord' }).fill(thirdPassword);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.getByTestId('previous-password-needed')).toContainText('Vul dat hier één keer in');
  await expect(page.getByTestId('sign-in-error')).toHaveCount(0); // asked for, not an error
  await expectAccessible(page);
  await saveScreenshot(page, 'account-sign-in-previous-password');
  await page.getByRole('textbox', { name: 'Je vorige wachtwoord' }).fill(newPassword);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.getByRole('button', { name: 'Vergrendelen' })).toBeVisible({ timeout: 30_000 });

  // From now on only the password the service has opens this laptop.
  await page.getByRole('button', { name: 'Vergrendelen' }).click();
  await unlock(page, newPassword);
  await expect(page.getByRole('alert', { name: /Het wachtwoord klopt niet/ })).toBeVisible();
  await page.getByRole('textbox', { name: 'Wachtwoord' }).fill(thirdPassword);
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
  await expect(page.getByRole('button', { name: 'Vergrendelen' })).toBeVisible();
});

test('the owner, with 2FA on, makes new recovery codes with a code from her app and sees them once', async ({ page }) => {
  test.setTimeout(180_000);
  // A fresh host: this device belongs to the nurse now.
  await preview.stop();
  preview = await startPreview({ env: { THUISDOSSIER_SERVER_URL: central.url, THUISDOSSIER_LEASE_PUBLIC_KEYS: central.leaseKeys } });
  await page.goto(preview.url);
  await page.getByText('NL', { exact: true }).click();
  await page.getByLabel('E-mailadres').fill(demoOwner);
  await page.getByRole('textbox', { name: 'Wachtwoord' }).fill(demoPassword);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.getByTestId('totp-code').locator('input').first().click();
  // The service accepts a code once and nothing older: wait for the period after the enrolment's code.
  const period = (at: number) => Math.floor(at / 30_000);
  if (period(Date.now()) <= period(ownerCodeUsedAt)) await page.waitForTimeout((period(ownerCodeUsedAt) + 1) * 30_000 - Date.now() + 500);
  await page.keyboard.type(totpCode(ownerSecret));
  await page.getByRole('button', { name: 'Bevestigen' }).click();
  await expect(page.getByRole('heading', { name: 'Cliënten', level: 1 })).toBeVisible({ timeout: 60_000 });

  await openAccount(page);
  await expect(page.getByRole('heading', { name: 'Nieuwe herstelcodes' })).toBeVisible();
  await page.getByTestId('renew-code').locator('input').first().click();
  // The service accepts each code once: the next period's code, as the app shows it a moment later.
  await page.keyboard.type(totpCode(ownerSecret, new Date(Date.now() + 30_000)));
  await page.getByRole('button', { name: 'Nieuwe herstelcodes maken' }).click();

  const codes = page.getByTestId('recovery-codes').getByRole('listitem');
  await expect(codes).toHaveCount(10, { timeout: 30_000 });
  await expect(page.getByText('Je oude herstelcodes werken niet meer.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Bewaar je herstelcodes', level: 2 })).toBeVisible();
  await expectAccessible(page);
  await page.getByTestId('recovery-codes').scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'account-new-recovery-codes');

  // "Afdrukken" puts the codes on paper, not the app around them (print stylesheet).
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('recovery-codes')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Bewaar je herstelcodes' })).toBeVisible();
  for (const other of [page.getByRole('heading', { name: 'Mijn account', level: 1 }), page.getByRole('button', { name: 'Afdrukken' }), page.getByRole('link', { name: 'Cliënten' })]) {
    await expect(other).toBeHidden();
  }
  await page.evaluate(() => window.scrollTo(0, 0)); // paper starts at the top
  await saveScreenshot(page, 'account-recovery-codes-print');
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('button', { name: 'Verder' })).toBeDisabled();
  await page.getByLabel('Ik heb de herstelcodes bewaard').check();
  await page.getByRole('button', { name: 'Verder' }).click();
  await expect(page.getByTestId('recovery-codes')).toHaveCount(0);
});
