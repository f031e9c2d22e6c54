import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/accessibility.js';
import { readDocx } from '../electron/export/test-readers.js';
import { openAndUnlock, openDossier } from './support/app.js';
import { provisionDevice } from './support/provision-device.js';
import { startPreview } from './support/preview-host.js';
import { saveScreenshot } from './support/screenshots.js';

test('export one dossier to Word and all dossiers to Excel from the app, with progress', async ({ page }) => {
  const device = await provisionDevice({
    clients: [
      { firstName: 'Johanna', infix: 'van der', lastName: 'Berg', birthDate: '1941-03-12', postcode: '3511 AB', status: 'in_zorg' },
      { firstName: 'Henk', lastName: 'Bakker', birthDate: '1938-11-02', postcode: '3522 CD', status: 'in_zorg' },
    ],
  });
  const exportDir = mkdtempSync(path.join(tmpdir(), 'td-exports-'));
  const preview = await startPreview({ dataDir: device.dataDir, env: { THUISDOSSIER_EXPORT_DIR: exportDir } });
  try {
    await openAndUnlock(page, preview.url, device.password);
    await page.getByRole('link', { name: 'Exporteren' }).click();
    await expect(page.getByRole('heading', { name: 'Exporteren', level: 1 })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('combobox', { name: 'Dossier' }).click();
    await page.getByRole('option', { name: /Johanna van der Berg/ }).click();
    await page.getByRole('button', { name: 'Exporteren naar Word' }).click();
    await expect(page.getByTestId('export-progress')).toHaveAttribute('data-state', 'done');
    await expect(page.getByTestId('export-file')).toContainText('.docx');

    await page.getByRole('button', { name: 'Alles naar Excel' }).click();
    await expect(page.getByTestId('export-progress')).toHaveAttribute('data-state', 'done');
    await expect(page.getByTestId('export-file')).toContainText('.xlsx');
    await saveScreenshot(page, 'export');

    const files = readdirSync(exportDir).sort();
    expect(files.filter((file) => file.endsWith('.docx'))).toHaveLength(1);
    expect(files.filter((file) => file.endsWith('.xlsx'))).toHaveLength(1);
    expect(files.some((file) => file.startsWith('.'))).toBe(false); // no temporary file left behind
    for (const file of files) expect(readFileSync(path.join(exportDir, file)).subarray(0, 2).toString()).toBe('PK');
  } finally {
    await preview.stop();
  }
});

test('the dossier view exports THIS dossier to Word, with progress and where the file is', async ({ page }) => {
  const device = await provisionDevice({
    clients: [
      { firstName: 'Johanna', infix: 'van der', lastName: 'Berg', birthDate: '1941-03-12', postcode: '3511 AB', status: 'in_zorg' },
      { firstName: 'Henk', lastName: 'Bakker', birthDate: '1938-11-02', postcode: '3522 CD', status: 'in_zorg' },
    ],
  });
  const exportDir = mkdtempSync(path.join(tmpdir(), 'td-exports-'));
  const preview = await startPreview({ dataDir: device.dataDir, env: { THUISDOSSIER_EXPORT_DIR: exportDir } });
  try {
    await openAndUnlock(page, preview.url, device.password);
    await openDossier(page, 'Berg', 'Berg, Johanna van der');
    await page.getByRole('button', { name: 'Exporteren' }).click();
    const progress = page.getByTestId('export-progress');
    await expect(progress).toHaveAttribute('data-state', 'done');
    await expect(page.getByTestId('export-file')).toContainText(exportDir);
    await expectAccessible(page);
    await saveScreenshot(page, 'export-from-dossier');

    const shown = (await page.getByTestId('export-file').innerText()).replace(/^Opgeslagen als /, '').trim();
    expect(path.dirname(shown)).toBe(exportDir);
    expect(readdirSync(exportDir)).toEqual([path.basename(shown)]);
    // Read back with an independent reader (unzip + XML): this dossier's client, nobody else's.
    const text = readDocx(readFileSync(shown)).paragraphs.map((paragraph) => paragraph.text).join('\n');
    expect(text).toContain('Johanna');
    expect(text).toContain('Berg');
    expect(text).not.toContain('Henk');
  } finally {
    await preview.stop();
  }
});

test('a blocked account cannot export', async ({ page }) => {
  const device = await provisionDevice({
    licence: { status: 'active', exportAllowed: false },
    clients: [{ firstName: 'Johanna', infix: 'van der', lastName: 'Berg', birthDate: '1941-03-12', postcode: '3511 AB', status: 'in_zorg' }],
  });
  const preview = await startPreview({ dataDir: device.dataDir, env: { THUISDOSSIER_EXPORT_DIR: mkdtempSync(path.join(tmpdir(), 'td-exports-')) } });
  try {
    await openAndUnlock(page, preview.url, device.password);
    await page.getByRole('link', { name: 'Exporteren' }).click();
    await expect(page.getByText('Exporteren kan nu niet')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Alles naar Excel' })).toBeDisabled();

    // In the dossier itself the button says why, in Dutch, when the core refuses (and logs the refusal).
    await openDossier(page, 'Berg', 'Berg, Johanna van der');
    await page.getByRole('button', { name: 'Exporteren' }).click();
    const refused = page.getByTestId('dossier-export-refused');
    await expect(refused).toContainText('Dit dossier is niet geëxporteerd');
    await expect(refused).toContainText('de licentie van je organisatie staat het niet toe');
    await expectAccessible(page);
    await saveScreenshot(page, 'export-from-dossier-refused');
  } finally {
    await preview.stop();
  }
});
