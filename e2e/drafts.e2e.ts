import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/accessibility.js';
import { openAndUnlock, openDossier, unlock } from './support/app.js';
import { demoClients } from './support/demo-clients.js';
import { provisionDevice } from './support/provision-device.js';
import { startPreview } from './support/preview-host.js';
import { saveScreenshot } from './support/screenshots.js';

const typed =
  'Dagrapportage: mevrouw was vanochtend verward en wist niet welke dag het was. Dochter gebeld; zij komt vanmiddag langs. Medicatie wel ingenomen.';

test('after a minute without activity the app locks; the unsaved report is still there after unlocking', async ({ page }) => {
  const device = await provisionDevice({ clients: demoClients, autoLockMinutes: 1 });
  const preview = await startPreview({ dataDir: device.dataDir });
  try {
    // A controllable clock: the test jumps over the minute instead of waiting for it.
    await page.clock.install();
    await openAndUnlock(page, preview.url, device.password);
    await openDossier(page, 'Berg', 'Berg, Johanna van der');
    const body = page.getByRole('region', { name: 'Nieuwe rapportage' }).getByRole('textbox', { name: 'Rapportage' });
    await body.fill(typed);

    await page.clock.fastForward('01:05');
    await expect(page.getByRole('heading', { name: 'Ontgrendelen' })).toBeVisible();
    await expect(page.getByText(typed)).toHaveCount(0);
    await expect(body).toBeHidden();
    await expectAccessible(page);
    await saveScreenshot(page, 'auto-locked');

    await unlock(page, device.password);
    await expect(body).toBeVisible();
    await expect(body).toHaveValue(typed);
    await expect(page.getByRole('heading', { name: 'Johanna van der Berg', level: 1 })).toBeVisible();
  } finally {
    await preview.stop();
  }
});

test('the preview host is killed while a report is being typed; after a restart and unlock the draft is there', async ({ page }) => {
  const device = await provisionDevice({ clients: demoClients });
  const first = await startPreview({ dataDir: device.dataDir });
  await openAndUnlock(page, first.url, device.password);
  await openDossier(page, 'Berg', 'Berg, Johanna van der');
  const composer = page.getByRole('region', { name: 'Nieuwe rapportage' });
  await composer.getByRole('textbox', { name: 'Rapportage' }).fill(typed);
  await expect(composer.getByTestId('draft-status')).toContainText('Concept opgeslagen');

  await first.kill(); // SIGKILL: no shutdown, no flush, like a crash or a killed app

  const second = await startPreview({ dataDir: device.dataDir });
  try {
    await openAndUnlock(page, second.url, device.password);
    await openDossier(page, 'Berg', 'Berg, Johanna van der');
    const restored = page.getByRole('region', { name: 'Nieuwe rapportage' });
    await expect(restored.getByRole('textbox', { name: 'Rapportage' })).toHaveValue(typed);
    await expect(restored.getByTestId('draft-status')).toContainText('Concept opgeslagen');
    await expectAccessible(page);
    await saveScreenshot(page, 'draft-restored');
  } finally {
    await second.stop();
  }
});

test('a half-typed new client survives a reload and a lock, and is gone once the client is created', async ({ page }) => {
  const device = await provisionDevice({ clients: demoClients });
  const preview = await startPreview({ dataDir: device.dataDir });
  try {
    await openAndUnlock(page, preview.url, device.password);
    await page.getByRole('button', { name: 'Nieuwe cliënt' }).click();
    let dialog = page.getByRole('dialog', { name: 'Nieuwe cliënt' });
    await dialog.getByRole('textbox', { name: 'Voornaam' }).fill('Cornelia');
    await dialog.getByRole('textbox', { name: 'Achternaam' }).fill('Hoekstra');
    await dialog.getByRole('textbox', { name: 'Geboortedatum' }).fill('03-02-1944');
    await dialog.getByRole('textbox', { name: 'Woonplaats' }).fill('Zeist');
    await expect(dialog.getByTestId('draft-status')).toContainText('Concept opgeslagen');
    await expectAccessible(page);
    await saveScreenshot(page, 'client-new-draft');

    // A reload (as after a crash of the window): the form comes back with what was typed.
    await page.reload();
    await openAndUnlock(page, preview.url, device.password);
    await page.getByRole('button', { name: 'Nieuwe cliënt' }).click();
    dialog = page.getByRole('dialog', { name: 'Nieuwe cliënt' });
    await expect(dialog.getByRole('textbox', { name: 'Voornaam' })).toHaveValue('Cornelia');
    await expect(dialog.getByRole('textbox', { name: 'Achternaam' })).toHaveValue('Hoekstra');
    await expect(dialog.getByRole('textbox', { name: 'Geboortedatum' })).toHaveValue('03-02-1944');
    await expect(dialog.getByRole('textbox', { name: 'Woonplaats' })).toHaveValue('Zeist');

    // More typing, then a lock (the app's own button): unlocking and reopening shows all of it.
    await dialog.getByRole('textbox', { name: 'Postcode' }).fill('3701 AB');
    await expect(dialog.getByTestId('draft-status')).toContainText('Concept opgeslagen');
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await page.getByRole('button', { name: 'Vergrendelen' }).click();
    await unlock(page, device.password);
    await page.getByRole('button', { name: 'Nieuwe cliënt' }).click();
    await expect(dialog.getByRole('textbox', { name: 'Voornaam' })).toHaveValue('Cornelia');
    await expect(dialog.getByRole('textbox', { name: 'Postcode' })).toHaveValue('3701 AB');

    // Created: the draft is discarded, the next new client starts empty.
    await dialog.getByRole('button', { name: 'Cliënt aanmaken' }).click();
    await expect(page.getByRole('heading', { name: 'Cornelia Hoekstra', level: 1 })).toBeVisible();
    await page.getByRole('link', { name: 'Cliënten' }).first().click();
    await page.getByRole('button', { name: 'Nieuwe cliënt' }).click();
    await expect(dialog.getByRole('textbox', { name: 'Voornaam' })).toHaveValue('');
    await page.reload();
    await openAndUnlock(page, preview.url, device.password);
    await page.getByRole('button', { name: 'Nieuwe cliënt' }).click();
    await expect(dialog.getByRole('textbox', { name: 'Voornaam' })).toHaveValue('');
    await expect(dialog.getByRole('textbox', { name: 'Achternaam' })).toHaveValue('');
  } finally {
    await preview.stop();
  }
});
