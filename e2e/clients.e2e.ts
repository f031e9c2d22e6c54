import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/accessibility.js';
import { openAndUnlock } from './support/app.js';
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

test('the client list searches as you type by name, BSN, dossier number and postcode, and filters by status', async ({ page }) => {
  await openAndUnlock(page, preview.url, device.password);
  const rows = page.getByTestId('client-rows');
  await expect(rows.getByRole('row')).toHaveCount(5);
  // Sorted by last name, as Dutch registers are: Bakker, Berg (van der), Smit, Vries (de), Yilmaz.
  await expect(rows.getByRole('link')).toHaveText(['Bakker, Henk', 'Berg, Johanna van der', 'Smit, Gerrit', 'Vries, Daan de', 'Yilmaz, Fatima']);
  await expectAccessible(page);
  await saveScreenshot(page, 'client-list');

  const search = page.getByRole('searchbox', { name: 'Zoeken' });
  await search.fill('johan');
  await expect(rows.getByRole('link')).toHaveText(['Berg, Johanna van der']);
  await search.fill('111222333');
  await expect(rows.getByRole('link')).toHaveText(['Berg, Johanna van der']);
  await search.fill('3572');
  await expect(rows.getByRole('link')).toHaveText(['Bakker, Henk']);
  const dossierNumber = (await page.getByText(/^[0-9A-Z]{4}-\d{5}$/).first().textContent())!;
  await search.fill(dossierNumber);
  await expect(rows.getByRole('link')).toHaveText(['Bakker, Henk']);

  await search.fill('');
  await page.getByText('Uit zorg', { exact: true }).first().click();
  await expect(rows.getByRole('link')).toHaveText(['Smit, Gerrit']);
  await expect(page.getByTestId('client-count')).toHaveText('1 van 5 dossiers');
});

test('in English, the BSN refusal and a missing name are explained in English', async ({ page }) => {
  await openAndUnlock(page, preview.url, device.password);
  await page.getByText('EN', { exact: true }).click();
  await page.getByRole('button', { name: 'New client' }).click();
  const dialog = page.getByRole('dialog', { name: 'New client' });
  await dialog.getByRole('textbox', { name: 'Last name' }).fill('Jansen');
  await dialog.getByRole('textbox', { name: 'BSN' }).fill('123456788');
  await dialog.getByRole('button', { name: 'Create client' }).click();
  await expect(dialog.getByRole('textbox', { name: 'BSN' })).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('This BSN is not correct: the eleven test fails (check for a typing error)')).toBeVisible();
  await expect(dialog.getByText('First name is required')).toBeVisible();
  await expect(dialog.getByText(/elfproef|verplicht/)).toHaveCount(0);
  await expectAccessible(page);
  await saveScreenshot(page, 'client-new-invalid-bsn-en');
  // Nothing typed is lost by cancelling: the form is a draft. Clear it for the next test.
  await dialog.getByRole('button', { name: 'Clear form' }).click();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.getByText('NL', { exact: true }).click();
});

/**
 * Words of the Dutch interface (never client data) that must not be left on an English screen. The
 * demo data is Dutch (names, streets, the organisation), so the check looks for interface words only.
 */
const dutchInterfaceWords = /\b(Cliënten|Cliënt|Zoeken|Nieuwe|Aangemeld|Vergrendelen|Afmelden|Dossiernummer|Geboortedatum|jaar|Tijdlijn|opslaan|wijzigingen|Iedereen|Sorteren|Achternaam|Alleen|Aanmelding|Uit zorg|In zorg|Soort|Categorie|Algemeen|Datum|Toevoegen|Verwijderen|Bewerken|Wie mag)\b|rapportage/i;

/** What the screen says: its text, and what its text fields show (their value or placeholder); not the hidden values of radios and checkboxes. */
async function screenText(page: Page): Promise<string> {
  return page.locator('body').evaluate((body) => {
    const fields = [...body.querySelectorAll('input:not([type=hidden]):not([type=radio]):not([type=checkbox]), textarea')].map((field) => `${(field as HTMLInputElement).value} ${(field as HTMLInputElement).placeholder}`);
    return [(body as HTMLElement).innerText, ...fields].join('\n');
  });
}

test('in English, the client list and a dossier are English from top to bottom', async ({ page }) => {
  await openAndUnlock(page, preview.url, device.password);
  await page.getByText('EN', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible();
  await expect(page.getByTestId('client-rows').getByRole('link')).toHaveCount(5);
  await expect(page.getByRole('searchbox', { name: 'Search' })).toBeVisible();
  expect(await screenText(page)).not.toMatch(dutchInterfaceWords);
  await expectAccessible(page);
  await saveScreenshot(page, 'client-list-en');

  await page.getByRole('link', { name: 'Bakker, Henk' }).click();
  await expect(page.getByRole('heading', { name: 'Henk Bakker', level: 1 })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Reports' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { name: 'New report' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Category' })).toHaveValue('General');
  await expect(page.getByText(/\(\d+ years\)/)).toBeVisible();
  expect(await screenText(page)).not.toMatch(dutchInterfaceWords);
  await expectAccessible(page);
  await saveScreenshot(page, 'dossier-reports-en');

  await page.getByRole('tab', { name: 'Personal details' }).click();
  await expect(page.getByRole('textbox', { name: 'Last name' })).toHaveValue('Bakker');
  await expect(page.getByRole('textbox', { name: 'Date of birth' })).toHaveValue('02-11-1938');
  expect(await screenText(page)).not.toMatch(dutchInterfaceWords);
  await saveScreenshot(page, 'dossier-personalia-en');
  await page.getByText('NL', { exact: true }).click();
});

test('a new client with an invalid BSN is refused with the reason next to the field, then created with a valid one', async ({ page }) => {
  await openAndUnlock(page, preview.url, device.password);
  await page.getByRole('button', { name: 'Nieuwe cliënt' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nieuwe cliënt' });
  await dialog.getByRole('textbox', { name: 'Voornaam' }).fill('Willemijn');
  await dialog.getByRole('textbox', { name: 'Tussenvoegsel' }).fill('van');
  await dialog.getByRole('textbox', { name: 'Achternaam' }).fill('Dijk');
  await dialog.getByRole('textbox', { name: 'Geboortedatum' }).fill('14-09-1947');
  await dialog.getByRole('textbox', { name: 'BSN' }).fill('123456788');
  await dialog.getByRole('textbox', { name: 'Postcode' }).fill('3512 jk');
  await dialog.getByRole('textbox', { name: 'Woonplaats' }).fill('Utrecht');
  await dialog.getByRole('button', { name: 'Cliënt aanmaken' }).click();

  const bsn = dialog.getByRole('textbox', { name: 'BSN' });
  await expect(bsn).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText(/elfproef/i).last()).toBeVisible();
  await expectAccessible(page);
  await saveScreenshot(page, 'client-new-invalid-bsn');

  await bsn.fill('123456782');
  await dialog.getByRole('button', { name: 'Cliënt aanmaken' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Willemijn van Dijk', level: 1 })).toBeVisible();

  await page.getByRole('tab', { name: 'Personalia' }).click();
  await expect(page.getByRole('textbox', { name: 'Postcode' })).toHaveValue('3512 JK');
  await expect(page.getByRole('textbox', { name: 'BSN' })).toHaveValue('123456782');
  // A wrong postcode is refused with the reason next to it; the rest stays as typed.
  await page.getByRole('textbox', { name: 'Postcode' }).fill('35123');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Een postcode bestaat uit 4 cijfers en 2 letters, bijvoorbeeld 1234 AB')).toBeVisible();
  await page.getByRole('textbox', { name: 'Postcode' }).fill('3512 JK');
  await page.getByRole('textbox', { name: 'Telefoon' }).fill('06-12345678');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Personalia opgeslagen')).toBeVisible();
  await expectAccessible(page);
  await saveScreenshot(page, 'dossier-personalia');

  await page.getByRole('tab', { name: 'Contacten' }).click();
  await page.getByRole('button', { name: 'Contactpersoon toevoegen' }).click();
  const contact = page.getByRole('dialog', { name: 'Contactpersoon toevoegen' });
  await contact.getByRole('textbox', { name: 'Naam' }).fill('Marieke van Dijk');
  await contact.getByRole('textbox', { name: 'Telefoon' }).fill('06-87654321');
  await contact.getByRole('textbox', { name: 'Notitie' }).fill('Dochter; eerste contactpersoon, belt bij voorkeur na 17:00.');
  await contact.getByRole('button', { name: 'Opslaan' }).click();
  await expect(contact).toBeHidden();
  await expect(page.getByRole('table', { name: 'Contactpersonen' })).toContainText('Marieke van Dijk');
  await expect(page.getByRole('table', { name: 'Contactpersonen' })).toContainText('Familie');
  await expectAccessible(page);
  await saveScreenshot(page, 'dossier-contacts');

  // Removing a contact asks first, naming who will be removed; cancelling keeps her.
  const contacts = page.getByRole('table', { name: 'Contactpersonen' });
  await contacts.getByRole('button', { name: 'Verwijderen Marieke van Dijk' }).click();
  const confirm = page.getByRole('dialog', { name: 'Contactpersoon verwijderen?' });
  await expect(confirm).toContainText('Marieke van Dijk (Familie) wordt verwijderd');
  await confirm.getByRole('button', { name: 'Annuleren' }).click();
  await expect(contacts).toContainText('Marieke van Dijk');
  await contacts.getByRole('button', { name: 'Verwijderen Marieke van Dijk' }).click();
  await confirm.getByRole('button', { name: 'Ja, verwijderen' }).click();
  await expect(page.getByText('Contactpersoon verwijderd')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Contactpersonen' })).toHaveCount(0);
});
