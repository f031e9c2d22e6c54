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
    // The lock sits inside the app: header with sign-out and sync, and the menu, stay usable.
    await expect(page.getByTestId('connectivity')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Afmelden' })).toBeVisible();
    // A practitioner cannot pay: no way to Beheer, and the lock says whom to ask.
    await expect(lock.getByRole('link', { name: 'Naar Beheer → Betalingen' })).toHaveCount(0);
    for (const page_ of ['Agenda', 'Exporteren']) {
      await page.getByRole('navigation').getByRole('link', { name: page_ }).click();
      await expect(page.getByTestId('licence-lock')).toBeVisible();
    }
    await expectAccessible(page);
    await saveScreenshot(page, 'licence-blocked');
  } finally {
    await preview.stop();
  }
});

test('a blocked admin reaches Beheer → Betalingen from the lock screen; the dossiers stay locked', async ({ page }) => {
  const device = await provisionDevice({
    signedInAs: 'admin',
    licence: { status: 'blocked', blockReason: 'overdue' },
    clients: [{ firstName: 'Johanna', infix: 'van der', lastName: 'Berg', status: 'in_zorg' }],
  });
  const preview = await startPreview({ dataDir: device.dataDir });
  try {
    await page.goto(preview.url);
    await unlock(page, device.password);
    const lock = page.getByTestId('licence-lock');
    await expect(lock).toContainText('Er staat een factuur open die niet op tijd is betaald.');
    await lock.getByRole('link', { name: 'Naar Beheer → Betalingen' }).click();
    await expect(page.getByRole('tab', { name: /Betalingen/, selected: true })).toBeVisible();
    await expect(page.getByTestId('licence-lock')).toHaveCount(0);
    await saveScreenshot(page, 'licence-blocked-admin-payments');
    // Back to the dossiers: still locked, no name on screen.
    await page.getByRole('navigation').getByRole('link', { name: 'Cliënten' }).click();
    await expect(page.getByTestId('licence-lock')).toBeVisible();
    await expect(page.getByText('Berg')).toHaveCount(0);
    await page.goto(`${preview.url.split('#')[0]}#/dossiers/${device.clientIds[0]}`);
    await expect(page.getByTestId('licence-lock')).toBeVisible();
    await expect(page.getByText('Berg')).toHaveCount(0);
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
