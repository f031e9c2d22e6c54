import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/accessibility.js';
import { provisionDevice, type ProvisionedDevice } from './support/provision-device.js';
import { startPreview, type RunningPreview } from './support/preview-host.js';
import { saveScreenshot } from './support/screenshots.js';

let device: ProvisionedDevice;
let preview: RunningPreview;
test.beforeAll(async () => {
  device = await provisionDevice({
    clients: [
      { firstName: 'Johanna', infix: 'van der', lastName: 'Berg', birthDate: '1941-03-12', postcode: '3511 AB', status: 'in_zorg' },
      { firstName: 'Henk', lastName: 'Bakker', birthDate: '1938-11-02', postcode: '3522 CD', status: 'in_zorg' },
    ],
  });
  preview = await startPreview({ dataDir: device.dataDir });
});
test.afterAll(async () => {
  await preview.stop();
});

test('a signed-in device unlocks offline with the password and shows the dossiers', async ({ page }) => {
  await page.goto(preview.url);
  await expect(page.getByRole('heading', { name: 'Ontgrendelen' })).toBeVisible();
  await expect(page.getByText('Welkom terug, Wendy Jansen')).toBeVisible();
  await expectAccessible(page);
  await saveScreenshot(page, 'unlock');

  await page.getByRole('textbox', { name: 'Wachtwoord' }).fill('niet het goede wachtwoord');
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
  await expect(page.getByRole('alert')).toContainText('Het wachtwoord klopt niet');

  await page.getByRole('textbox', { name: 'Wachtwoord' }).fill(device.password);
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
  await expect(page.getByRole('heading', { name: 'Cliënten' })).toBeVisible();
  await expect(page.getByTestId('connectivity')).toHaveText('Offline');
  await saveScreenshot(page, 'dossier-list');

  await page.getByRole('button', { name: 'Vergrendelen' }).click();
  await expect(page.getByRole('heading', { name: 'Ontgrendelen' })).toBeVisible();
});
