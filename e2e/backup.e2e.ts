import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/accessibility.js';
import { openAndUnlock, openDossier } from './support/app.js';
import { demoClients } from './support/demo-clients.js';
import { provisionDevice } from './support/provision-device.js';
import { startPreview } from './support/preview-host.js';
import { saveScreenshot } from './support/screenshots.js';

async function writeReport(page: Page, text: string): Promise<void> {
  await openDossier(page, 'Berg', 'Berg, Johanna van der');
  const composer = page.getByRole('region', { name: 'Nieuwe rapportage' });
  await composer.getByLabel('Categorie').click();
  await page.getByRole('option', { name: 'Wondzorg' }).click();
  await composer.getByRole('textbox', { name: 'Rapportage' }).fill(text);
  await composer.getByRole('button', { name: 'Rapportage opslaan' }).click();
  await expect(page.getByTestId('report-card').filter({ hasText: text })).toBeVisible();
}

async function reportsOfBerg(page: Page) {
  await openDossier(page, 'Berg', 'Berg, Johanna van der');
  return page.getByTestId('report-card');
}

async function openBackups(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Back-ups' }).click();
  await expect(page.getByRole('heading', { name: 'Back-ups', level: 1 })).toBeVisible();
}

async function makeBackup(page: Page, expectedRows: number): Promise<void> {
  await page.getByRole('button', { name: 'Nu back-up maken' }).click();
  await expect(page.getByText('De back-up is gemaakt.')).toBeVisible();
  await expect(page.getByTestId('backup-row')).toHaveCount(expectedRows);
}

test('a backup made in the app is restored after the password: later reports are gone, earlier ones stay; a tampered backup is refused and changes nothing', async ({ page }) => {
  const device = await provisionDevice({ clients: demoClients });
  const preview = await startPreview({ dataDir: device.dataDir });
  const before = 'Voor de back-up: wond aan het linkeronderbeen verbonden met alginaatverband, wondranden rustig.';
  const after = 'Na de back-up: mevrouw had die middag meer pijn (VAS 5), huisarts gebeld.';
  const later = 'Na de tweede back-up: steunkousen aangetrokken, huid intact.';
  try {
    await openAndUnlock(page, preview.url, device.password);
    await writeReport(page, before);

    await openBackups(page);
    await expect(page.getByText('Er is nog geen back-up. Maak er nu een.')).toBeVisible();
    await makeBackup(page, 1);
    await expect(page.getByTestId('backup-row').first()).toContainText('5 cliënten, 1 rapportage, 0 documenten');
    await expectAccessible(page);
    await saveScreenshot(page, 'backups');

    await writeReport(page, after);

    // Restore: a warning that says what is replaced and what may be lost, then the password.
    await openBackups(page);
    await page.getByRole('button', { name: /Back-up van .* terugzetten/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Back-up terugzetten?' });
    await expect(dialog).toContainText('Alle gegevens op deze laptop worden vervangen');
    await expect(dialog).toContainText('nog niet is verstuurd naar de centrale dienst, gaat verloren');
    await expectAccessible(page);
    await saveScreenshot(page, 'backup-restore-confirm');
    await dialog.getByLabel('Je wachtwoord').fill('niet-het-goede-wachtwoord');
    await dialog.getByRole('button', { name: 'Ja, terugzetten' }).click();
    await expect(dialog).toContainText('Het wachtwoord klopt niet');
    await dialog.getByLabel('Je wachtwoord').fill(device.password);
    await dialog.getByRole('button', { name: 'Ja, terugzetten' }).click();
    await expect(page.getByText(/De back-up van .* is teruggezet\./)).toBeVisible();
    await expect(dialog).toBeHidden();

    let reports = await reportsOfBerg(page);
    await expect(reports.filter({ hasText: before })).toHaveCount(1);
    await expect(reports.filter({ hasText: after })).toHaveCount(0);
    await expect(reports).toHaveCount(1);

    // A second backup, one more report, then one byte of that backup changed on disk.
    await openBackups(page);
    await makeBackup(page, 2);
    await writeReport(page, later);
    const backupDir = path.join(device.dataDir, 'backups');
    const newest = readdirSync(backupDir).filter((name) => name.endsWith('.tdbackup')).sort().at(-1)!;
    const bytes = readFileSync(path.join(backupDir, newest));
    const at = bytes.length - 100; // inside the encrypted stream: only a full check finds it
    bytes[at] = bytes[at]! ^ 0x01;
    writeFileSync(path.join(backupDir, newest), bytes);

    await openBackups(page);
    await page.getByRole('button', { name: /Back-up van .* terugzetten/ }).first().click();
    await dialog.getByLabel('Je wachtwoord').fill(device.password);
    await dialog.getByRole('button', { name: 'Ja, terugzetten' }).click();
    await expect(dialog.getByTestId('restore-refused')).toContainText(
      'Deze back-up is beschadigd of buiten de app gewijzigd en is niet teruggezet. Je huidige gegevens zijn niet aangeraakt.',
    );
    await expectAccessible(page);
    await saveScreenshot(page, 'backup-restore-refused');
    await dialog.getByRole('button', { name: 'Annuleren' }).click();

    reports = await reportsOfBerg(page);
    await expect(reports.filter({ hasText: before })).toHaveCount(1);
    await expect(reports.filter({ hasText: later })).toHaveCount(1);
    await expect(reports).toHaveCount(2);
  } finally {
    await preview.stop();
  }
});
