import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/accessibility.js';
import { unlock } from './support/app.js';
import { provisionDevice } from './support/provision-device.js';
import { startPreview } from './support/preview-host.js';
import { saveScreenshot } from './support/screenshots.js';

test('a blocked account shows why and what to do, and no dossier — with the network off', async ({ page }) => {
  const device = await provisionDevice({
    licence: { status: 'blocked', blockReason: 'reversed-direct-debit' },
    clients: [{ firstName: 'Johanna', infix: 'van der', lastName: 'Berg', status: 'in_zorg' }],
  });
  // THUISDOSSIER_SERVER_URL points nowhere: the decision is the device's own, offline.
  const preview = await startPreview({ dataDir: device.dataDir });
  try {
    await page.goto(preview.url);
    await unlock(page, device.password);
    const lock = page.getByTestId('licence-lock');
    await expect(lock.getByRole('heading', { name: 'Je account is geblokkeerd' })).toBeVisible();
    await expect(lock).toContainText('Een automatische incasso is gestorneerd.');
    await expect(lock).toContainText('openstaande factuur te betalen');
    await expect(page.getByText('Berg')).toHaveCount(0);
    await expect(page.getByTestId('connectivity')).toHaveCount(0);
    await expectAccessible(page);
    await saveScreenshot(page, 'licence-blocked');
  } finally {
    await preview.stop();
  }
});

test('an active licence opens the dossiers', async ({ page }) => {
  const device = await provisionDevice({ clients: [{ firstName: 'Henk', lastName: 'Bakker', status: 'in_zorg' }] });
  const preview = await startPreview({ dataDir: device.dataDir });
  try {
    await page.goto(preview.url);
    await unlock(page, device.password);
    await expect(page.getByRole('heading', { name: 'Cliënten', level: 1 })).toBeVisible();
    await expect(page.getByTestId('licence-lock')).toHaveCount(0);
  } finally {
    await preview.stop();
  }
});
