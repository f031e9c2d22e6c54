import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/accessibility.js';
import { openAndUnlock, openDossier } from './support/app.js';
import { demoClients } from './support/demo-clients.js';
import { provisionDevice } from './support/provision-device.js';
import { startPreview } from './support/preview-host.js';
import { saveScreenshot } from './support/screenshots.js';

test('a user without access to a dossier does not see it in the list, and cannot open it by its address', async ({ page }) => {
  // The nurse registered the clients; the colleague signed in on this device was never given access.
  const device = await provisionDevice({ signedInAs: 'colleague', clientsCreatedBy: 'nurse', clients: demoClients });
  const preview = await startPreview({ dataDir: device.dataDir });
  try {
    await openAndUnlock(page, preview.url, device.password);
    await expect(page.getByText('Nog geen dossiers')).toBeVisible();
    await page.getByRole('searchbox', { name: 'Zoeken' }).fill('Berg');
    await expect(page.getByRole('link', { name: /Berg/ })).toHaveCount(0);

    await page.goto(`${new URL(preview.url).origin}/#/dossiers/${device.clientIds[0]}`);
    await expect(page.getByTestId('dossier-refused')).toContainText('Je hebt geen toegang');
    await expect(page.getByText('Johanna')).toHaveCount(0);
    await expectAccessible(page);
    await saveScreenshot(page, 'dossier-no-access');
    await page.getByRole('link', { name: 'Terug naar de cliëntenlijst' }).click();
    await expect(page.getByRole('heading', { name: 'Cliënten', level: 1 })).toBeVisible();
  } finally {
    await preview.stop();
  }
});

test('an administrator sets read, edit and sign-off per user, and the access overview shows who did what, when', async ({ page }) => {
  const device = await provisionDevice({ signedInAs: 'admin', clients: demoClients });
  const preview = await startPreview({ dataDir: device.dataDir });
  try {
    await openAndUnlock(page, preview.url, device.password);
    await openDossier(page, 'Bakker', 'Bakker, Henk');
    await page.getByRole('tab', { name: 'Toegang' }).click();
    const table = page.getByRole('table', { name: 'Toegang per medewerker' });
    await expect(table).toContainText('Ahmed El Amrani');
    await table.getByRole('checkbox', { name: 'Wijzigen voor Ahmed El Amrani' }).click();
    await expect(table.getByRole('checkbox', { name: 'Wijzigen voor Ahmed El Amrani' })).toBeChecked();
    await expect(page.getByText('Toegang voor Ahmed El Amrani bijgewerkt')).toBeVisible();
    // Edit implies read.
    await expect(table.getByRole('checkbox', { name: 'Lezen voor Ahmed El Amrani' })).toBeChecked();
    await expect(table.getByRole('checkbox', { name: 'Aftekenen voor Ahmed El Amrani' })).not.toBeChecked();
    await expectAccessible(page);
    await saveScreenshot(page, 'dossier-access');

    await page.getByRole('tab', { name: 'Inzage-overzicht' }).click();
    const log = page.getByRole('table', { name: 'Inzage-overzicht van dit dossier' });
    const grant = log.getByTestId('access-log-line').filter({ hasText: 'Toegang tot het dossier gewijzigd' });
    await expect(grant).toContainText('Petra de Vries');
    // The log's own note ("lezen,wijzigen") in words; a count is "… getoond", never a bare number.
    await expect(grant).toContainText('Lezen, Wijzigen');
    await expect(log.getByTestId('access-log-line').filter({ hasText: 'Rapportages bekeken' }).first()).toContainText('getoond');
    await expect(log.getByTestId('access-log-line').filter({ hasText: 'Personalia ingezien' }).first()).toContainText('Ingezien');
    await expect(log.getByTestId('access-log-line').filter({ hasText: 'Dossier aangemaakt' })).toContainText('Aangemaakt');
    await expectAccessible(page);
    await saveScreenshot(page, 'dossier-access-log');
  } finally {
    await preview.stop();
  }
});

test('an administrator without read access reaches any dossier of the organisation to manage its access, but not its content', async ({ page }) => {
  const device = await provisionDevice({ signedInAs: 'admin', clientsCreatedBy: 'nurse', clients: demoClients });
  const preview = await startPreview({ dataDir: device.dataDir });
  try {
    await openAndUnlock(page, preview.url, device.password);
    await expect(page.getByText('Nog geen dossiers')).toBeVisible();
    await page.getByRole('switch', { name: 'Alle dossiers van de organisatie (beheer)' }).check({ force: true });
    await page.getByRole('link', { name: 'Bakker, Henk' }).click();
    await expect(page.getByTestId('dossier-admin-only')).toContainText('Je mag dit dossier niet inzien');
    await expect(page.getByRole('tab', { name: 'Rapportages' })).toHaveCount(0);
    const table = page.getByRole('table', { name: 'Toegang per medewerker' });
    await expect(table.getByRole('checkbox', { name: 'Wijzigen voor Wendy Jansen' })).toBeChecked();
    // The box follows the stored rights, so it changes only after the core has saved the grant.
    await table.getByRole('checkbox', { name: 'Aftekenen voor Wendy Jansen' }).click();
    await expect(table.getByRole('checkbox', { name: 'Aftekenen voor Wendy Jansen' })).toBeChecked();
    await expect(page.getByText('Toegang voor Wendy Jansen bijgewerkt')).toBeVisible();
    // Her own refused look at the personalia is in the overview, the reason in words, not as an error code.
    const refused = page.getByTestId('access-log-line').filter({ hasText: 'Geweigerd' }).first();
    await expect(refused).toContainText('Geen toegang');
    await expect(page.getByRole('table', { name: 'Inzage-overzicht van dit dossier' })).not.toContainText('forbidden');
    await expectAccessible(page);
    await saveScreenshot(page, 'dossier-access-admin-only');
  } finally {
    await preview.stop();
  }
});
