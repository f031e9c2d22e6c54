import { createServer } from 'node:net';
import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/accessibility.js';
import { startPreview, type RunningPreview } from './support/preview-host.js';
import { saveScreenshot } from './support/screenshots.js';

/** A port nobody uses now, so the preview's embedded central service listens where the test knows. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

test.describe('retention and deletion with the embedded central service', () => {
  let preview: RunningPreview;
  test.beforeAll(async () => {
    const port = await freePort();
    preview = await startPreview({ env: { THUISDOSSIER_SERVER_URL: '', THUISDOSSIER_CENTRAL_PORT: String(port) } });
  });
  test.afterAll(async () => {
    await preview?.stop();
  });

  test('the owner records a deletion request, a legal exception for another, and carries the first out: the dossier is gone from the list', async ({ page }) => {
    test.setTimeout(240_000);
    await page.goto(preview.url);
    await page.getByText('NL', { exact: true }).click();
    await page.getByLabel('E-mailadres').fill('eigenaar@demo.thuisdossier.nl');
    await page.getByRole('textbox', { name: 'Wachtwoord' }).fill('demo-wachtwoord-2026');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect(page.getByRole('heading', { name: 'Cliënten', level: 1 })).toBeVisible({ timeout: 60_000 });

    // Two dossiers, sent to the central service.
    for (const [first, last, bsn] of [
      ['Wilhelmina', 'Knoflookweide', '123456782'],
      ['Gerrit', 'Smit', '111222333'],
    ] as const) {
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Cliënten' }).click();
      await page.getByRole('button', { name: 'Nieuwe cliënt' }).click();
      const dialog = page.getByRole('dialog', { name: 'Nieuwe cliënt' });
      await dialog.getByRole('textbox', { name: 'Voornaam' }).fill(first);
      await dialog.getByRole('textbox', { name: 'Achternaam' }).fill(last);
      await dialog.getByRole('textbox', { name: 'BSN' }).fill(bsn);
      await dialog.getByRole('button', { name: 'Cliënt aanmaken' }).click();
      await expect(page.getByRole('heading', { name: `${first} ${last}`, level: 1 })).toBeVisible();
    }
    await page.getByRole('button', { name: 'Nu synchroniseren' }).first().click();
    await expect(page.getByText('Alles verstuurd').first()).toBeVisible({ timeout: 60_000 });

    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Bewaren en verwijderen' }).click();
    await expect(page.getByRole('heading', { name: 'Bewaren en verwijderen', level: 1 })).toBeVisible();
    await expect(page.getByText('Er zijn geen dossiers die vernietigd mogen worden.')).toBeVisible();

    for (const name of ['Knoflookweide', 'Smit']) {
      await page.getByRole('textbox', { name: 'Cliënt' }).fill(name);
      await page.getByRole('option', { name: new RegExp(name) }).click();
      await page.getByRole('button', { name: 'Verzoek vastleggen' }).click();
      await expect(page.getByTestId('retention-request').filter({ hasText: name })).toContainText('Uit te voeren');
    }

    // Smit: a legal exception (someone else's considerable interest) stops the request.
    await page.getByRole('button', { name: /Wettelijke uitzondering vastleggen voor Gerrit Smit/ }).click();
    const exception = page.getByRole('dialog', { name: 'Wettelijke uitzondering' });
    await exception.getByRole('radio', { name: 'Aanmerkelijk belang van een ander dan de cliënt' }).check();
    await expectAccessible(page);
    await saveScreenshot(page, 'retention-legal-exception');
    await exception.getByRole('button', { name: 'Uitzondering vastleggen' }).click();
    await expect(exception).toBeHidden();
    await expect(page.getByTestId('retention-request').filter({ hasText: 'Smit' })).toContainText('Wettelijke uitzondering');

    // Knoflookweide: carried out after a confirmation that names the dossier (Cancel has focus).
    await page.getByRole('button', { name: /Verwijderverzoek uitvoeren voor Wilhelmina Knoflookweide/ }).click();
    const confirm = page.getByRole('dialog', { name: 'Verwijderverzoek uitvoeren?' });
    await expect(confirm).toContainText('Wilhelmina Knoflookweide');
    await expect(confirm.getByRole('button', { name: 'Annuleren' })).toBeFocused();
    await expectAccessible(page);
    await saveScreenshot(page, 'retention-carry-out-confirm');
    await confirm.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await expect(confirm).toBeHidden();
    const removed = page.getByTestId('retention-request').filter({ hasText: 'Verwijderd (naam niet meer bewaard)' });
    await expect(removed).toBeVisible();
    await expect(page.getByTestId('retention-requests')).not.toContainText('Knoflookweide');
    await expectAccessible(page);
    await saveScreenshot(page, 'retention-requests');

    // This laptop removes its copy at its next sync.
    await page.getByRole('button', { name: 'Nu synchroniseren' }).first().click();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Cliënten' }).click();
    await expect(page.getByText('Gerrit Smit').first()).toBeVisible();
    await expect(page.getByText('Knoflookweide')).toHaveCount(0, { timeout: 60_000 });

    // English.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Bewaren en verwijderen' }).click();
    await page.getByText('EN', { exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Retention and deletion', level: 1 })).toBeVisible();
    await expect(page.getByTestId('retention-request').filter({ hasText: 'Smit' })).toContainText('Legal exception');
    await saveScreenshot(page, 'retention-requests-en');
  });
});
