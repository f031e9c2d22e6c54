import { expect, test, type Page } from '@playwright/test';
import { apiCall, apiSignIn, demoCarer, demoNurse, demoOwner, startCentralService, totpCode, type CentralServiceProcess } from '../electron/sync/testing/central-service-process.js';
import { expectAccessible } from './support/accessibility.js';
import { demoPassword } from './support/demo-service.js';
import { startPreview, type RunningPreview } from './support/preview-host.js';
import { saveScreenshot } from './support/screenshots.js';

/**
 * The organisation requires two-step verification; a nurse who never set it up signs in on a fresh
 * device (a preview host against a real central service) and is guided through the set-up. The test
 * reads the key off the screen, as someone who cannot scan would, and computes the app's codes.
 */
let central: CentralServiceProcess;
let ownerToken: string;
let preview: RunningPreview;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  central = await startCentralService();
  ownerToken = await apiSignIn(central.url, demoOwner);
  const { secret } = (await apiCall(central.url, ownerToken, 'POST', '/v1/me/two-factor/enrol')) as { secret: string };
  await apiCall(central.url, ownerToken, 'POST', '/v1/me/two-factor/confirm', { code: totpCode(secret) });
  await apiCall(central.url, ownerToken, 'PATCH', '/v1/admin/security', { requireTwoFactor: true });
  preview = await startPreview({ env: { THUISDOSSIER_SERVER_URL: central.url, THUISDOSSIER_LEASE_PUBLIC_KEYS: central.leaseKeys } });
});
test.afterAll(async () => {
  await preview?.stop();
  await central?.stop();
});

async function signIn(page: Page, email: string): Promise<void> {
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByRole('textbox', { name: 'Wachtwoord' }).fill(demoPassword);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.getByRole('heading', { name: 'Tweestapsverificatie instellen' })).toBeVisible({ timeout: 30_000 });
}

async function typeCode(page: Page, testId: string, code: string): Promise<void> {
  await page.getByTestId(testId).locator('input').first().click();
  await page.keyboard.type(code);
}

/** The key as the screen shows it (groups of four), without the spaces. */
async function secretOnScreen(page: Page): Promise<string> {
  const shown = (await page.getByTestId('totp-secret').textContent()) ?? '';
  expect(shown).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
  return shown.replace(/\s/g, '');
}

test('a set-up that took too long goes back to the sign-in form, with the e-mail address still filled in', async ({ page }) => {
  await page.goto(preview.url);
  await page.getByText('NL', { exact: true }).click();
  await signIn(page, demoCarer);
  const secret = await secretOnScreen(page);

  // The set-up session ends (here: the admin turns the requirement off and on, which ends sessions
  // of users without 2FA; in real life mostly the 15 minutes running out).
  await apiCall(central.url, ownerToken, 'PATCH', '/v1/admin/security', { requireTwoFactor: false });
  await apiCall(central.url, ownerToken, 'PATCH', '/v1/admin/security', { requireTwoFactor: true });
  await typeCode(page, 'set-up-code', totpCode(secret));
  await page.getByRole('button', { name: 'Code controleren' }).click();

  await expect(page.getByTestId('set-up-expired')).toContainText('binnen 15 minuten');
  await expect(page.getByLabel('E-mailadres')).toHaveValue(demoCarer);
  await expectAccessible(page);
  await saveScreenshot(page, 'two-factor-set-up-expired');
});

test('a nurse without 2FA sets it up on her first sign-in, keeps her recovery codes and lands in the app', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(preview.url);
  await page.getByText('NL', { exact: true }).click();
  await signIn(page, demoNurse);

  // Step 1: the QR code (drawn by the app) and the key for typing in by hand.
  await expect(page.getByRole('img', { name: 'QR-code om te scannen met je authenticator-app' })).toBeVisible();
  const secret = await secretOnScreen(page);
  await expectAccessible(page);
  await saveScreenshot(page, 'two-factor-set-up-1-link-app');
  // In English too, and switching the language mid-way loses nothing (same key on screen).
  await page.getByText('EN', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Set up two-step verification' })).toBeVisible();
  expect(await secretOnScreen(page)).toBe(secret);
  await saveScreenshot(page, 'two-factor-set-up-1-link-app-en');
  await page.getByText('NL', { exact: true }).click();

  // A typo: said clearly, the screen (and the key) stay.
  await typeCode(page, 'set-up-code', totpCode(secret) === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: 'Code controleren' }).click();
  await expect(page.getByTestId('set-up-invalid')).toBeVisible();
  await expect(page.getByTestId('set-up-code').locator('input').first()).toBeFocused();
  expect(await secretOnScreen(page)).toBe(secret);
  await saveScreenshot(page, 'two-factor-set-up-1-wrong-code');

  await typeCode(page, 'set-up-code', totpCode(secret));
  await page.getByRole('button', { name: 'Code controleren' }).click();

  // Step 2: ten recovery codes, once; going on needs the tick.
  await expect(page.getByRole('heading', { name: 'Bewaar je herstelcodes' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('recovery-codes').getByRole('listitem')).toHaveCount(10);
  await expect(page.getByTestId('recovery-codes').getByRole('listitem').first()).toHaveText(/^[a-z2-7]{5}-[a-z2-7]{5}-[a-z2-7]{5}$/);
  const next = page.getByRole('button', { name: 'Verder' });
  await expect(next).toBeDisabled();
  await expectAccessible(page);
  await saveScreenshot(page, 'two-factor-set-up-2-recovery-codes');
  await page.getByLabel('Ik heb de herstelcodes bewaard').check();
  await next.click();

  // Step 3: the code just used is spent (the service accepts each code once), so the next one.
  await expect(page.getByRole('heading', { name: 'Aanmelden met je app' })).toBeVisible();
  await expectAccessible(page);
  await saveScreenshot(page, 'two-factor-set-up-3-next-code');
  await typeCode(page, 'totp-code', totpCode(secret, new Date(Date.now() + 30_000)));
  await page.getByRole('button', { name: 'Bevestigen' }).click();

  await expect(page.getByRole('heading', { name: 'Cliënten', level: 1 })).toBeVisible({ timeout: 60_000 });
  await saveScreenshot(page, 'two-factor-set-up-4-in-the-app');
});
