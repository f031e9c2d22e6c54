import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/accessibility.js';
import { startPreview, type RunningPreview } from './support/preview-host.js';
import { saveScreenshot } from './support/screenshots.js';

let preview: RunningPreview;
test.beforeAll(async () => {
  preview = await startPreview();
});
test.afterAll(async () => {
  await preview.stop();
});

test('a new device shows the sign-in screen in Dutch, switches to English, and is accessible', async ({ page }) => {
  await page.goto(preview.url);
  await expect(page.getByRole('heading', { name: 'Aanmelden' })).toBeVisible();
  await expect(page.getByLabel('E-mailadres')).toBeVisible();
  await expect(page.getByTestId('connectivity')).toHaveText('Offline');
  // The token leaves the address bar once the bridge has it.
  expect(page.url()).not.toContain('token=');
  await expectAccessible(page);
  await saveScreenshot(page, 'sign-in-nl');

  await page.getByText('EN', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByLabel('E-mail address')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await saveScreenshot(page, 'sign-in-en');

  // The choice is remembered across a reload (the bridge reconnects with the stored token).
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('signing in while the central service is unreachable says so, in words a user understands', async ({ page }) => {
  await page.goto(preview.url);
  await page.getByText('NL', { exact: true }).click();
  await page.getByLabel('E-mailadres').fill('wendy@zorgaanhuis.nl');
  await page.getByRole('textbox', { name: 'Wachtwoord' }).fill('geheim wachtwoord');
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.getByTestId('sign-in-error')).toContainText('Je bent offline');
  await saveScreenshot(page, 'sign-in-offline-error');
});

test('the page cannot reach the core without the token', async ({ page }) => {
  await page.goto(new URL('/', preview.url).href);
  const refused = await page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        const ws = new WebSocket(`ws://${location.host}/ipc`);
        ws.onopen = () => resolve(false);
        ws.onerror = () => resolve(true);
      }),
  );
  expect(refused).toBe(true);
});
