import { readFileSync } from 'node:fs';
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

const letter = 'Utrecht, 3 november 2026\n\nBetreft: indicatie wijkverpleging mevrouw J. van der Berg\n\nMet vriendelijke groet,\nHuisartsenpraktijk Domplein\n';

test('attach a document with the file picker and by drag-and-drop, reopen it, save it, and refuse an oversize file', async ({ page }) => {
  await openAndUnlock(page, preview.url, device.password);
  await openDossier(page, 'Berg', 'Berg, Johanna van der');
  await page.getByRole('tab', { name: 'Documenten' }).click();

  // File picker.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'kies bestanden' }).click();
  await (await chooser).setFiles({ name: 'verwijsbrief-huisarts.txt', mimeType: 'text/plain', buffer: Buffer.from(letter, 'utf8') });
  await expect(page.getByRole('table', { name: 'Documenten in dit dossier' })).toContainText('verwijsbrief-huisarts.txt');

  // Drag-and-drop of a file onto the zone.
  const transfer = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.items.add(new File(['Zorgplan 2026: doelen ADL en medicatie.'], 'zorgplan-2026.txt', { type: 'text/plain' }));
    return data;
  });
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
  await expect(page.getByRole('table', { name: 'Documenten in dit dossier' })).toContainText('zorgplan-2026.txt');
  await expectAccessible(page);
  await saveScreenshot(page, 'dossier-documents');

  // Reopen: the decrypted content is what was attached.
  await page.getByRole('button', { name: 'Openen verwijsbrief-huisarts.txt' }).click();
  expect(await page.getByTestId('document-text').textContent()).toBe(letter);
  await page.getByRole('dialog').getByRole('button', { name: 'Sluiten' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Opslaan verwijsbrief-huisarts.txt' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('verwijsbrief-huisarts.txt');
  expect(readFileSync((await saved.path())!, 'utf8')).toBe(letter);

  // Too large: refused before upload, with the size and the limit in the sentence.
  const big = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'kies bestanden' }).click();
  await (await big).setFiles({ name: 'scan-300dpi.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(26 * 1024 * 1024, 1) });
  // Other notifications (the files added before) may still be showing: find the refusal by its words.
  await expect(page.getByRole('alert').filter({ hasText: 'scan-300dpi.pdf is 26 MB en daarmee te groot: de grens is 25 MB per bestand' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Documenten in dit dossier' })).not.toContainText('scan-300dpi.pdf');

  // Removing asks first, in the app's own dialog that names the file; cancelling keeps it.
  const table = page.getByRole('table', { name: 'Documenten in dit dossier' });
  await table.getByRole('button', { name: 'Verwijderen zorgplan-2026.txt' }).click();
  const confirm = page.getByRole('dialog', { name: 'Document verwijderen?' });
  await expect(confirm).toContainText('Het document zorgplan-2026.txt');
  await expect(confirm.getByRole('button', { name: 'Annuleren' })).toBeFocused();
  await expectAccessible(page);
  await saveScreenshot(page, 'document-remove-confirm');
  await confirm.getByRole('button', { name: 'Annuleren' }).click();
  await expect(confirm).toBeHidden();
  await expect(table).toContainText('zorgplan-2026.txt');
  await table.getByRole('button', { name: 'Verwijderen zorgplan-2026.txt' }).click();
  await confirm.getByRole('button', { name: 'Ja, verwijderen' }).click();
  await expect(confirm).toBeHidden();
  await expect(table).not.toContainText('zorgplan-2026.txt');
  await expect(table).toContainText('verwijsbrief-huisarts.txt');
});
