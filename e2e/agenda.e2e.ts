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

/** dd-mm-jjjj of a day relative to today, in Amsterdam. */
function dutchDay(offsetDays: number): string {
  const parts = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );
  return parts;
}

test('plan a home visit linked to a client, see it in the agenda, and register time from it', async ({ page }) => {
  await openAndUnlock(page, preview.url, device.password);
  await page.getByRole('link', { name: 'Agenda' }).click();
  await expect(page.getByRole('heading', { name: 'Agenda', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Nieuwe afspraak' }).click();

  const dialog = page.getByRole('dialog', { name: 'Nieuwe afspraak' });
  await dialog.getByRole('textbox', { name: 'Omschrijving' }).fill('Huisbezoek wondzorg');
  const day = dutchDay(1);
  await dialog.getByRole('textbox', { name: 'Begin' }).fill(`${day} 09:30`);
  await dialog.getByRole('textbox', { name: 'Einde' }).fill(`${day} 10:15`);
  await dialog.getByRole('textbox', { name: 'Einde' }).press('Tab');
  await dialog.getByLabel('Cliënt(en)').fill('Berg');
  await page.getByRole('option', { name: 'Johanna van der Berg' }).click();
  await dialog.getByRole('textbox', { name: 'Locatie' }).fill('Oudegracht 112, Utrecht');
  await expectAccessible(page);
  await saveScreenshot(page, 'agenda-new-appointment');
  await dialog.getByRole('button', { name: 'Afspraak opslaan' }).click();
  await expect(dialog).toBeHidden();

  const event = page.locator('.td-appointment').filter({ hasText: 'Huisbezoek wondzorg' });
  await expect(event).toContainText('Johanna van der Berg');
  await expect(event).toContainText('09:30');
  // A 45-minute visit shows one line of its title; the whole of it, with the place, is on hover.
  await expect(event).toHaveAttribute('title', /Huisbezoek wondzorg · Johanna van der Berg · Oudegracht 112, Utrecht$/);
  await expectAccessible(page);
  await saveScreenshot(page, 'agenda-week');

  // From the appointment: register the 45 minutes, linked to it.
  await event.click();
  const details = page.getByRole('dialog', { name: 'Afspraak' });
  await details.getByRole('button', { name: 'Tijd registreren' }).click();
  const time = page.getByRole('dialog', { name: 'Tijd registreren voor "Huisbezoek wondzorg"' });
  await expect(time.getByRole('textbox', { name: 'Aantal' })).toHaveValue('45');
  await expect(time.getByRole('textbox', { name: 'Datum' })).toHaveValue(day);
  await time.getByRole('button', { name: 'Registratie opslaan' }).click();
  await expect(time).toBeHidden();

  await openDossier(page, 'Berg', 'Berg, Johanna van der');
  await page.getByRole('tab', { name: 'Tijdregistratie' }).click();
  const row = page.getByTestId('time-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('45 minuten');
  await expect(row).toContainText('Afspraak');
  await expect(row).toContainText(day);
  await expectAccessible(page);
  await saveScreenshot(page, 'dossier-time');

  await page.getByRole('tab', { name: 'Agenda' }).click();
  await expect(page.getByTestId('client-appointment')).toContainText('Huisbezoek wondzorg');
});
