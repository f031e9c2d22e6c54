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

test('the preview host is killed while a report and a contact are being typed; after a restart and unlock both drafts are there', async ({ page }) => {
  const device = await provisionDevice({ clients: demoClients });
  const first = await startPreview({ dataDir: device.dataDir });
  await page.clock.install();
  await openAndUnlock(page, first.url, device.password);
  await openDossier(page, 'Berg', 'Berg, Johanna van der');
  const composer = page.getByRole('region', { name: 'Nieuwe rapportage' });
  await composer.getByRole('textbox', { name: 'Rapportage' }).fill(typed);
  await expect(composer.getByTestId('draft-status')).toContainText('Concept opgeslagen');

  // A new contact, typed with the clock stopped: no quiet-time timer can fire, so only leaving
  // the field (Tab) writes the draft.
  await page.getByRole('tab', { name: 'Contacten' }).click();
  await page.getByRole('button', { name: 'Contactpersoon toevoegen' }).click();
  const contact = page.getByRole('dialog', { name: 'Contactpersoon toevoegen' });
  await expect(contact.getByRole('textbox', { name: 'Naam' })).toBeFocused();
  await page.clock.pauseAt(Date.now() + 1_000);
  await contact.getByRole('textbox', { name: 'Naam' }).fill('Marieke van Dijk');
  await expect(contact.getByTestId('draft-status')).toHaveCount(0);
  await contact.getByRole('textbox', { name: 'Naam' }).press('Tab');
  await expect(contact.getByTestId('draft-status')).toContainText('Concept opgeslagen');

  await first.kill(); // SIGKILL: no shutdown, no flush, like a crash or a killed app
  await page.clock.resume();

  const second = await startPreview({ dataDir: device.dataDir });
  try {
    await openAndUnlock(page, second.url, device.password);
    await openDossier(page, 'Berg', 'Berg, Johanna van der');
    const restored = page.getByRole('region', { name: 'Nieuwe rapportage' });
    await expect(restored.getByRole('textbox', { name: 'Rapportage' })).toHaveValue(typed);
    await expect(restored.getByTestId('draft-status')).toContainText('Concept opgeslagen');
    await expectAccessible(page);
    await saveScreenshot(page, 'draft-restored');

    await page.getByRole('tab', { name: 'Contacten' }).click();
    await page.getByRole('button', { name: 'Contactpersoon toevoegen' }).click();
    await expect(contact.getByRole('textbox', { name: 'Naam' })).toHaveValue('Marieke van Dijk');
    await expect(contact.getByTestId('draft-status')).toContainText('Concept opgeslagen');
    await expectAccessible(page);
    await saveScreenshot(page, 'contact-draft-restored');
    await contact.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.getByRole('table', { name: 'Contactpersonen' })).toContainText('Marieke van Dijk');
    // Saved: the draft is gone, the next new contact starts empty.
    await page.getByRole('button', { name: 'Contactpersoon toevoegen' }).click();
    await expect(contact.getByRole('textbox', { name: 'Naam' })).toHaveValue('');
  } finally {
    await second.stop();
  }
});

test('a half-planned appointment and a half-registered time come back after a reload; saving or clearing ends the draft', async ({ page }) => {
  const device = await provisionDevice({ clients: demoClients });
  const preview = await startPreview({ dataDir: device.dataDir });
  try {
    await openAndUnlock(page, preview.url, device.password);
    await page.getByRole('link', { name: 'Agenda' }).click();
    await page.getByRole('button', { name: 'Nieuwe afspraak' }).click();
    let appointment = page.getByRole('dialog', { name: 'Nieuwe afspraak' });
    const start = await appointment.getByRole('textbox', { name: 'Begin' }).inputValue();
    await appointment.getByRole('textbox', { name: 'Omschrijving' }).fill('Huisbezoek medicatie');
    await appointment.getByRole('textbox', { name: 'Locatie' }).fill('Oudegracht 112, Utrecht');
    await expect(appointment.getByTestId('draft-status')).toContainText('Concept opgeslagen');
    await expectAccessible(page);
    await saveScreenshot(page, 'appointment-draft');

    await page.reload();
    await openAndUnlock(page, preview.url, device.password);
    await page.getByRole('link', { name: 'Agenda' }).click();
    await page.getByRole('button', { name: 'Nieuwe afspraak' }).click();
    appointment = page.getByRole('dialog', { name: 'Nieuwe afspraak' });
    await expect(appointment.getByRole('textbox', { name: 'Omschrijving' })).toHaveValue('Huisbezoek medicatie');
    await expect(appointment.getByRole('textbox', { name: 'Locatie' })).toHaveValue('Oudegracht 112, Utrecht');
    // The times were not touched, so they are the new start's, not the draft's.
    await expect(appointment.getByRole('textbox', { name: 'Begin' })).toHaveValue(start);
    await appointment.getByRole('button', { name: 'Afspraak opslaan' }).click();
    await expect(appointment).toBeHidden();
    await page.getByRole('button', { name: 'Nieuwe afspraak' }).click();
    await expect(appointment.getByRole('textbox', { name: 'Omschrijving' })).toHaveValue('');
    await appointment.getByRole('button', { name: 'Annuleren' }).click();

    await openDossier(page, 'Berg', 'Berg, Johanna van der');
    await page.getByRole('tab', { name: 'Tijdregistratie' }).click();
    await page.getByRole('button', { name: 'Tijd registreren' }).click();
    let time = page.getByRole('dialog', { name: 'Tijd registreren' });
    await time.getByRole('textbox', { name: 'Aantal' }).fill('35');
    await time.getByRole('textbox', { name: 'Notitie' }).fill('Telefonisch overleg met de huisarts');
    await expect(time.getByTestId('draft-status')).toContainText('Concept opgeslagen');
    await saveScreenshot(page, 'time-draft');

    await page.reload();
    await openAndUnlock(page, preview.url, device.password);
    await openDossier(page, 'Berg', 'Berg, Johanna van der');
    await page.getByRole('tab', { name: 'Tijdregistratie' }).click();
    await page.getByRole('button', { name: 'Tijd registreren' }).click();
    time = page.getByRole('dialog', { name: 'Tijd registreren' });
    await expect(time.getByRole('textbox', { name: 'Aantal' })).toHaveValue('35');
    await expect(time.getByRole('textbox', { name: 'Notitie' })).toHaveValue('Telefonisch overleg met de huisarts');
    await expectAccessible(page);
    // "Formulier leegmaken": the form starts over, and stays empty after the next reload.
    await time.getByRole('button', { name: 'Formulier leegmaken' }).click();
    await expect(time.getByRole('textbox', { name: 'Notitie' })).toHaveValue('');
    await page.reload();
    await openAndUnlock(page, preview.url, device.password);
    await openDossier(page, 'Berg', 'Berg, Johanna van der');
    await page.getByRole('tab', { name: 'Tijdregistratie' }).click();
    await page.getByRole('button', { name: 'Tijd registreren' }).click();
    await expect(time.getByRole('textbox', { name: 'Notitie' })).toHaveValue('');
    await expect(time.getByRole('textbox', { name: 'Aantal' })).toHaveValue('');
  } finally {
    await preview.stop();
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
