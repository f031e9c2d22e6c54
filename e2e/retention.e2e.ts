import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { expect, test, type Page } from '@playwright/test';
import { freePort, signInAsDemoUser, demoPassword } from './support/demo-service.js';
import { unlock } from './support/app.js';
import { expectAccessible } from './support/accessibility.js';
import { startPreview, type RunningPreview } from './support/preview-host.js';
import { saveScreenshot } from './support/screenshots.js';

test.describe('retention and deletion with the embedded central service', () => {
  let preview: RunningPreview;
  let env: Record<string, string>;
  test.beforeAll(async () => {
    // The embedded service starts PGlite and the demo first: slow on a busy machine.
    test.setTimeout(240_000);
    env = { THUISDOSSIER_SERVER_URL: '', THUISDOSSIER_CENTRAL_PORT: String(await freePort()) };
    preview = await startPreview({ env });
  });
  test.afterAll(async () => {
    await preview?.stop();
  });

  test('the owner approves a destruction offer, records a deletion request and a legal exception, and carries the request out: the dossiers leave this laptop at its next sync', async ({ page }) => {
    test.setTimeout(600_000);
    await signInAsDemoUser(page, preview.url, 'eigenaar@demo.thuisdossier.nl');

    // Three dossiers, sent to the central service; Verhoeven's care ended in 2005.
    for (const [first, last, bsn] of [
      ['Wilhelmina', 'Knoflookweide', '123456782'],
      ['Gerrit', 'Smit', '111222333'],
      ['Cornelis', 'Verhoeven', '999999990'],
    ] as const) {
      await mainMenu(page, 'Cliënten');
      await page.getByRole('button', { name: 'Nieuwe cliënt' }).click();
      const dialog = page.getByRole('dialog', { name: 'Nieuwe cliënt' });
      await dialog.getByRole('textbox', { name: 'Voornaam' }).fill(first);
      await dialog.getByRole('textbox', { name: 'Achternaam' }).fill(last);
      await dialog.getByRole('textbox', { name: 'BSN' }).fill(bsn);
      if (last === 'Verhoeven') {
        await dialog.getByRole('combobox', { name: 'Status' }).click();
        await page.getByRole('option', { name: 'Uit zorg' }).click();
        await dialog.getByRole('textbox', { name: 'Start zorg' }).fill('01-03-2001');
        await dialog.getByRole('textbox', { name: 'Einde zorg' }).fill('30-06-2005');
      }
      await dialog.getByRole('button', { name: 'Cliënt aanmaken' }).click();
      await expect(page.getByRole('heading', { name: `${first} ${last}`, level: 1 })).toBeVisible();
    }
    await syncNow(page);

    await mainMenu(page, 'Bewaren en verwijderen');
    await expect(page.getByRole('heading', { name: 'Bewaren en verwijderen', level: 1 })).toBeVisible();
    await expect(page.getByText('Er zijn geen dossiers die vernietigd mogen worden.')).toBeVisible();
    await expect(page.getByText('Er zijn geen verwijderverzoeken.')).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, 'retention-empty');

    // Twenty years pass for Verhoeven's dossier: its rows on the service get a last change in 2005
    // (as the service's own retention test does), and the service's retention job runs at its start.
    await preview.stop();
    const database = await PGlite.create(path.join(preview.dataDir, 'central', 'pglite'));
    try {
      const aged = await database.query(
        `UPDATE sync_rows SET updated_at = '2005-07-01T10:00:00Z'
          WHERE client_id = (SELECT row_id FROM sync_rows WHERE table_name = 'clients' AND values LIKE '%Verhoeven%')
             OR row_id = (SELECT row_id FROM sync_rows WHERE table_name = 'clients' AND values LIKE '%Verhoeven%')`,
      );
      expect(aged.affectedRows).toBeGreaterThan(0);
    } finally {
      await database.close();
    }
    preview = await startPreview({ dataDir: preview.dataDir, env });
    await page.goto(preview.url);
    await unlock(page, demoPassword);
    await expect(page.getByRole('heading', { name: 'Cliënten', level: 1 })).toBeVisible({ timeout: 60_000 });

    await mainMenu(page, 'Bewaren en verwijderen');
    const offers = page.getByTestId('retention-offers');
    await expect(async () => {
      await page.reload();
      await expect(offers).toContainText('Cornelis Verhoeven', { timeout: 5_000 });
    }).toPass({ timeout: 60_000 });
    await expect(offers).toContainText('Wacht op besluit');
    await page.getByRole('button', { name: /Vernietiging goedkeuren van Cornelis Verhoeven/ }).click();
    const destroy = page.getByRole('dialog', { name: 'Dossier vernietigen?' });
    await expect(destroy).toContainText('Cornelis Verhoeven');
    await expect(destroy).toContainText('kan niet ongedaan worden gemaakt');
    await expect(destroy.getByRole('button', { name: 'Annuleren' })).toBeFocused();
    await expectAccessible(page);
    await saveScreenshot(page, 'retention-destruction-confirm');
    await destroy.getByRole('button', { name: 'Ja, vernietigen' }).click();
    await expect(destroy).toBeHidden();
    await expect(offers).not.toContainText('Verhoeven');

    for (const name of ['Knoflookweide', 'Smit']) {
      await page.getByRole('combobox', { name: 'Cliënt' }).fill(name);
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
    await expect(page.getByTestId('retention-requests')).not.toContainText('Knoflookweide');
    await expect(page.getByTestId('retention-request').filter({ hasText: 'Verwijderd (naam niet meer bewaard)' })).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, 'retention-requests');

    // This laptop removes both copies at its next sync; Smit stays.
    await syncNow(page);
    await mainMenu(page, 'Cliënten');
    const rows = page.getByTestId('client-rows');
    await expect(rows.getByRole('link', { name: 'Smit, Gerrit' })).toBeVisible();
    await expect(rows.getByRole('link')).toHaveCount(1, { timeout: 60_000 });
    await expect(page.getByText(/Knoflookweide|Verhoeven/)).toHaveCount(0);

    // The log: who did what and when, each laptop's purge — and no client's name.
    await mainMenu(page, 'Bewaren en verwijderen');
    const log = page.getByTestId('retention-audit');
    const logLine = (what: string) => log.getByTestId('retention-audit-entry').filter({ hasText: what });
    await expect(logLine('Vernietiging goedgekeurd')).toContainText('Anna de Vries');
    await expect(logLine('Aangeboden voor vernietiging')).toContainText('Centrale dienst (automatisch)');
    await expect(logLine('Verwijderverzoek vastgelegd')).toHaveCount(2);
    await expect(logLine('Wettelijke uitzondering vastgelegd')).toContainText('Aanmerkelijk belang van een ander dan de cliënt');
    await expect(logLine('Verwijderd van de server').first()).toContainText(/gegevens verwijderd/);
    await expect(async () => {
      await page.reload();
      await expect(logLine('Verwijderd van een laptop').first()).toContainText('Laptop', { timeout: 5_000 });
    }).toPass({ timeout: 60_000 });
    await expect(log).not.toContainText(/Knoflookweide|Verhoeven|Smit|Wilhelmina|Cornelis|Gerrit/);
    await log.scrollIntoViewIfNeeded();
    await expectAccessible(page);
    await saveScreenshot(page, 'retention-audit');

    // English.
    await mainMenu(page, 'Bewaren en verwijderen');
    await page.getByText('EN', { exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Retention and deletion', level: 1 })).toBeVisible();
    await expect(page.getByTestId('retention-request').filter({ hasText: 'Smit' })).toContainText('Legal exception');
    await saveScreenshot(page, 'retention-requests-en');
  });
});


async function mainMenu(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name }).click();
}

async function syncNow(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Nu synchroniseren' }).first().click();
  await expect(page.getByText('Alles verstuurd').first()).toBeVisible({ timeout: 60_000 });
}
