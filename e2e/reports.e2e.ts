import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/accessibility.js';
import { openAndUnlock, openDossier } from './support/app.js';
import { demoClients } from './support/demo-clients.js';
import { provisionDevice, type ProvisionedDevice } from './support/provision-device.js';
import { startPreview, type RunningPreview } from './support/preview-host.js';
import { saveScreenshot } from './support/screenshots.js';

let device: ProvisionedDevice;
let preview: RunningPreview;
test.beforeAll(async () => {
  device = await provisionDevice({ clients: demoClients });
  preview = await startPreview({ dataDir: device.dataDir });
});
test.afterAll(async () => {
  await preview.stop();
});

test('write a report, lock it after confirming; the locked report offers only an addendum', async ({ page }) => {
  await openAndUnlock(page, preview.url, device.password);
  await openDossier(page, 'Berg', 'Berg, Johanna van der');
  await expect(page.getByRole('tab', { name: 'Rapportages' })).toHaveAttribute('aria-selected', 'true');

  const composer = page.getByRole('region', { name: 'Nieuwe rapportage' });
  await composer.getByLabel('Categorie').click();
  await page.getByRole('option', { name: 'Wondzorg' }).click();
  await composer.getByRole('textbox', { name: 'Rapportage' }).fill(
    'Wond aan het linkeronderbeen verbonden met alginaatverband. Wondranden rustig, geen tekenen van infectie. Mevrouw had weinig pijn (VAS 2).',
  );
  await expect(composer.getByTestId('draft-status')).toContainText('Concept opgeslagen');
  await composer.getByRole('button', { name: 'Rapportage opslaan' }).click();

  const written = page.getByTestId('report-card').filter({ hasText: 'alginaatverband' });
  await expect(written).toBeVisible();
  // Pin the card by its id: while it is being edited its text is inside a textarea.
  const card = page.locator(`#${await written.getAttribute('id')}`);
  await expect(card).toContainText('Wondzorg');
  await expect(card).toContainText('door Wendy Jansen');
  await expect(composer.getByRole('textbox', { name: 'Rapportage' })).toHaveValue('');

  // Locking asks first; cancelling changes nothing.
  await card.getByRole('button', { name: 'Vastzetten' }).click();
  const confirm = page.getByRole('dialog', { name: 'Rapportage permanent vastzetten?' });
  await expect(confirm).toContainText('kan nooit meer worden gewijzigd');
  await expectAccessible(page);
  await saveScreenshot(page, 'report-lock-confirm');
  await confirm.getByRole('button', { name: 'Annuleren' }).click();
  await expect(card.getByTestId('locked-badge')).toHaveCount(0);
  await card.getByRole('button', { name: 'Vastzetten' }).click();
  await confirm.getByRole('button', { name: 'Ja, permanent vastzetten' }).click();
  await expect(card.getByTestId('locked-badge')).toHaveText('Vastgezet');
  await expect(card).toContainText('Vastgezet door Wendy Jansen');

  // A locked report offers no edit at all (the store refuses one: electron/store/reports.test.ts),
  // only an addendum, which leaves the original text as it was.
  await expect(card.getByRole('button', { name: 'Bewerken' })).toHaveCount(0);
  await expect(card.getByRole('button', { name: 'Vastzetten' })).toHaveCount(0);
  await card.getByRole('button', { name: 'Aanvulling toevoegen' }).click();
  await card.getByRole('textbox', { name: /Aanvulling op de rapportage/ }).fill('Correctie: het verband is hydrocolloïd, geen alginaat.');
  await card.getByRole('button', { name: 'Aanvulling opslaan' }).click();
  await expect(card.getByTestId('addendum')).toContainText('hydrocolloïd');
  // The original text stands unchanged.
  await expect(card).toContainText('alginaatverband. Wondranden rustig');
  await expectAccessible(page);
  await saveScreenshot(page, 'dossier-reports');
});

test('search finds a client by name and a report by a word in its text', async ({ page }) => {
  await openAndUnlock(page, preview.url, device.password);
  await openDossier(page, 'bakk', 'Bakker, Henk');
  const composer = page.getByRole('region', { name: 'Nieuwe rapportage' });
  await composer.getByRole('textbox', { name: 'Rapportage' }).fill('Meneer heeft zijn medicatie zelf uit de baxterrol genomen. Bloeddruk 135/85.');
  await composer.getByRole('button', { name: 'Rapportage opslaan' }).click();
  await composer.getByRole('textbox', { name: 'Rapportage' }).fill('Boodschappen met dochter besproken; zij komt dinsdag.');
  await composer.getByRole('button', { name: 'Rapportage opslaan' }).click();
  await expect(page.getByTestId('report-card')).toHaveCount(2);

  await page.getByRole('searchbox', { name: 'Zoeken in rapportages' }).fill('baxter');
  await expect(page.getByTestId('report-search-count')).toHaveText('1 rapportage gevonden');
  await expect(page.locator('mark')).toHaveText('baxterrol');
  await expectAccessible(page);
  // Scrolled as the nurse would, so the screenshot shows the hits rather than the composer above them.
  await page.getByTestId('report-search-count').evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await saveScreenshot(page, 'report-search');
});

test('the author sees who may read a restricted report, grants a colleague and withdraws the grant', async ({ page }) => {
  await openAndUnlock(page, preview.url, device.password);
  await openDossier(page, 'Yilmaz', 'Yilmaz, Fatima');
  const composer = page.getByRole('region', { name: 'Nieuwe rapportage' });
  await composer.getByRole('textbox', { name: 'Rapportage' }).fill('Gesprek met de dochter over de mantelzorg; zij is overbelast.');
  await composer.getByLabel('Wie mag deze rapportage lezen').click();
  await page.getByRole('option', { name: 'Alleen ik en wie ik aanwijs' }).click();
  await composer.getByRole('button', { name: 'Rapportage opslaan' }).click();
  const card = page.getByTestId('report-card').filter({ hasText: 'overbelast' });
  await expect(card).toContainText('Beperkt zichtbaar');

  await card.getByRole('button', { name: 'Wie mag dit zien' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rechten voor deze rapportage' });
  await expect(dialog.getByTestId('report-access-empty')).toHaveText('Nog geen collega aangewezen: alleen de auteur ziet deze rapportage.');
  await dialog.getByRole('combobox', { name: 'Collega' }).click();
  await page.getByRole('option', { name: 'Ahmed El Amrani' }).click();
  await dialog.getByRole('checkbox', { name: 'Bewerken' }).check();
  await dialog.getByRole('button', { name: 'Rechten opslaan' }).click();
  const grants = dialog.getByRole('table', { name: 'Wie mag deze rapportage nu zien' });
  await expect(grants.getByTestId('report-access-grant')).toHaveCount(1);
  await expect(grants.getByTestId('report-access-grant')).toContainText('Ahmed El Amrani');
  await expect(grants.getByTestId('report-access-grant')).toContainText('Lezen en bewerken');
  await expectAccessible(page);
  await saveScreenshot(page, 'report-access');

  // Closing and opening again reads the stored grants, not what the dialog remembered.
  await dialog.getByRole('button', { name: 'Sluiten' }).first().click();
  await card.getByRole('button', { name: 'Wie mag dit zien' }).click();
  await expect(grants.getByTestId('report-access-grant')).toContainText('Ahmed El Amrani');
  await grants.getByRole('button', { name: 'Rechten van Ahmed El Amrani intrekken' }).click();
  await expect(page.getByText('Rechten van Ahmed El Amrani ingetrokken')).toBeVisible();
  await expect(dialog.getByTestId('report-access-empty')).toBeVisible();
  await expect(dialog.getByTestId('report-access-grant')).toHaveCount(0);
});
