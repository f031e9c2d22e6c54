import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from './support/accessibility.js';
import { demoClients } from './support/demo-clients.js';
import { provisionDevice } from './support/provision-device.js';
import { startPreview } from './support/preview-host.js';
import { saveScreenshot } from './support/screenshots.js';

/** Presses Tab until `target` has the focus; fails when it takes more than `most` presses (a focus order gone astray). */
async function tabTo(page: Page, target: Locator, most: number): Promise<number> {
  for (let presses = 1; presses <= most; presses++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return presses;
  }
  throw new Error(`not reached with ${most} Tab presses: ${target.toString()}`);
}

test('keyboard only: unlock, open a client from the list, write and save a report; the focus lands where the work goes on', async ({ page }) => {
  const device = await provisionDevice({ clients: demoClients });
  const preview = await startPreview({ dataDir: device.dataDir });
  try {
    await page.goto(preview.url);
    const password = page.getByRole('textbox', { name: 'Wachtwoord' });
    await expect(password).toBeVisible();
    await tabTo(page, password, 5);
    await page.keyboard.type(device.password);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Cliënten', level: 1 })).toBeVisible();

    // "Nieuwe cliënt" opens with the focus in the form; Escape closes it and gives the focus back.
    const newClient = page.getByRole('button', { name: 'Nieuwe cliënt' });
    await tabTo(page, newClient, 15);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Nieuwe cliënt' });
    await expect(dialog.getByRole('textbox', { name: 'Voornaam' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(newClient).toBeFocused();

    // The search comes next; typing narrows the list, Tab reaches the client, Enter opens her dossier.
    await tabTo(page, page.getByRole('searchbox', { name: 'Zoeken' }), 3);
    await page.keyboard.type('Berg');
    await tabTo(page, page.getByRole('link', { name: 'Berg, Johanna van der' }), 12);
    await page.keyboard.press('Enter');
    const name = page.getByRole('heading', { name: 'Johanna van der Berg', level: 1 });
    await expect(name).toBeFocused();

    // From the name into the new report: a few stops (export, the tab, kind, category, time), no detour through the menu.
    const body = page.getByRole('region', { name: 'Nieuwe rapportage' }).getByRole('textbox', { name: 'Rapportage' });
    const stops = await tabTo(page, body, 10);
    expect(stops).toBeLessThanOrEqual(8);
    await page.keyboard.type('Mevrouw zelfstandig gedoucht met toezicht. Huid van de voeten droog; ingesmeerd. Geen valincidenten.');
    await tabTo(page, page.getByRole('button', { name: 'Rapportage opslaan' }), 3);
    await page.keyboard.press('Enter');

    // Saved: the status message is announced (an alert), and the focus is on the new report in the timeline.
    await expect(page.getByRole('alert').filter({ hasText: 'Rapportage opgeslagen' })).toBeVisible();
    const card = page.getByTestId('report-card').filter({ hasText: 'zelfstandig gedoucht' });
    await expect(card).toBeFocused();
    await expect(body).toHaveValue('');
    await saveScreenshot(page, 'keyboard-report-saved');
    await expectAccessible(page);

    // The next Tab goes on inside that report (its first action), not back to the top of the page.
    await page.keyboard.press('Tab');
    await expect(card.getByRole('button', { name: 'Bewerken' })).toBeFocused();
  } finally {
    await preview.stop();
  }
});
