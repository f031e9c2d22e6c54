import { expect, test } from '@playwright/test';
import { startPreview, type RunningPreview } from './support/preview-host.js';
import { saveScreenshot } from './support/screenshots.js';

let preview: RunningPreview;
test.beforeAll(async () => {
  // No central service configured: the preview starts the embedded demo service and its dossiers.
  preview = await startPreview({ env: { THUISDOSSIER_SERVER_URL: '' } });
});
test.afterAll(async () => {
  await preview?.stop();
});

test('a fresh device signs in against the demo service, syncs, and shows the demo dossiers', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(preview.url);
  await page.getByText('NL', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Aanmelden' })).toBeVisible();
  await page.getByLabel('E-mailadres').fill('wijkverpleegkundige@demo.thuisdossier.nl');
  await page.getByRole('textbox', { name: 'Wachtwoord' }).fill('demo-wachtwoord-2026');
  await page.getByRole('button', { name: 'Aanmelden' }).click();

  await expect(page.getByRole('heading', { name: 'Cliënten', level: 1 })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('Berg').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('Bakker').first()).toBeVisible();
  await saveScreenshot(page, 'first-sign-in-demo-dossiers');
});
