import { expect, test } from '@playwright/test';
import { apiCall, apiSignIn, startCentralService, totpCode, type CentralServiceProcess } from '../electron/sync/testing/central-service-process.js';
import { expectAccessible } from './support/accessibility.js';
import { startPreview, type RunningPreview } from './support/preview-host.js';
import { saveScreenshot } from './support/screenshots.js';

const admin = 'beheer@demo.thuisdossier.nl';
let central: CentralServiceProcess;
let preview: RunningPreview;
let secret: string;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  central = await startCentralService();
  const token = await apiSignIn(central.url, admin);
  secret = ((await apiCall(central.url, token, 'POST', '/v1/me/two-factor/enrol')) as { secret: string }).secret;
  await apiCall(central.url, token, 'POST', '/v1/me/two-factor/confirm', { code: totpCode(secret) });
  preview = await startPreview({ env: { THUISDOSSIER_SERVER_URL: central.url, THUISDOSSIER_LEASE_PUBLIC_KEYS: central.leaseKeys } });
});
test.afterAll(async () => {
  await preview?.stop();
  await central?.stop();
});

test('an account with two-step verification is asked for the authenticator code as a second step', async ({ page }) => {
  await page.goto(preview.url);
  await page.getByText('NL', { exact: true }).click();
  await page.getByLabel('E-mailadres').fill(admin);
  await page.getByRole('textbox', { name: 'Wachtwoord' }).fill('demo-wachtwoord-2026');
  await page.getByRole('button', { name: 'Aanmelden' }).click();

  await expect(page.getByRole('heading', { name: 'Tweestapsverificatie' })).toBeVisible({ timeout: 30_000 });
  await expectAccessible(page);
  const wrong = totpCode(secret) === '000000' ? '111111' : '000000';
  await page.getByTestId('totp-code').locator('input').first().click();
  await page.keyboard.type(wrong);
  await page.getByRole('button', { name: 'Bevestigen' }).click();
  await expect(page.getByTestId('totp-invalid')).toBeVisible({ timeout: 30_000 });
  await saveScreenshot(page, 'sign-in-two-factor');

  // The enrolment used the current time step; a used step is refused, so type the next one.
  await page.getByTestId('totp-code').locator('input').first().click();
  await page.keyboard.type(totpCode(secret, new Date(Date.now() + 30_000)));
  await page.getByRole('button', { name: 'Bevestigen' }).click();
  await expect(page.getByRole('heading', { name: 'Cliënten', level: 1 })).toBeVisible({ timeout: 60_000 });
});
