import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expectAccessible } from './support/accessibility.js';
import { readDocx } from '../electron/export/test-readers.js';
import { openAndUnlock, openDossier, unlock } from './support/app.js';
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

/**
 * Records every state the progress panel shows (state, and the percentage while running), from the
 * DOM as it changes, so a fast export's intermediate states are seen, not guessed from a poll.
 */
async function recordExportProgress(page: Page): Promise<() => Promise<Array<{ state: string; percent: string | null }>>> {
  await page.evaluate(() => {
    const seen: Array<{ state: string; percent: string | null }> = [];
    (window as unknown as { exportSeen: typeof seen }).exportSeen = seen;
    const look = () => {
      const panel = document.querySelector('[data-testid="export-progress"]');
      if (!panel) return;
      const entry = { state: panel.getAttribute('data-state') ?? '', percent: panel.querySelector('[data-testid="export-percent"]')?.textContent ?? null };
      const last = seen.at(-1);
      if (!last || last.state !== entry.state || last.percent !== entry.percent) seen.push(entry);
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { exportSeen: Array<{ state: string; percent: string | null }> }).exportSeen);
}

test('all dossiers of a large practice to Excel: the percentage climbs while it runs, then the file holds every client', async ({ page }) => {
  const count = 300;
  const device = await provisionDevice({
    clients: Array.from({ length: count }, (_, index) => ({
      firstName: index % 2 === 0 ? 'Geertruida' : 'Jozef',
      lastName: `Cliënt ${String(index + 1).padStart(3, '0')}`,
      birthDate: '1938-06-15',
      status: 'in_zorg' as const,
    })),
  });
  const exportDir = mkdtempSync(path.join(tmpdir(), 'td-exports-'));
  const preview = await startPreview({ dataDir: device.dataDir, env: { THUISDOSSIER_EXPORT_DIR: exportDir } });
  try {
    await openAndUnlock(page, preview.url, device.password);
    await page.getByRole('link', { name: 'Exporteren' }).click();
    const seen = await recordExportProgress(page);
    await page.getByRole('button', { name: 'Alles naar Excel' }).click();
    await expect(page.getByTestId('export-progress')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    await expect(page.getByTestId('export-file')).toContainText('.xlsx');

    const states = await seen();
    const running = states.filter((entry) => entry.state === 'running');
    // Seen while running, before done: a percentage between 0 and 100 that only goes up.
    const percents = running.flatMap((entry) => (entry.percent ? [Number(entry.percent.replace('%', ''))] : []));
    expect(percents.some((percent) => percent > 0 && percent < 100), JSON.stringify(states)).toBe(true);
    expect([...percents].sort((a, b) => a - b)).toEqual(percents);
    expect(states.findIndex((entry) => entry.state === 'running')).toBeLessThan(states.findIndex((entry) => entry.state === 'done'));
    expect(states.at(-1)?.state).toBe('done');

    const files = readdirSync(exportDir);
    expect(files).toHaveLength(1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(exportDir, files[0]!));
    const clients = workbook.getWorksheet('Cliënten');
    expect(clients?.actualRowCount).toBe(count + 1); // the header and every client
  } finally {
    await preview.stop();
  }
});

test('a licence that does not allow export (active, exportAllowed false) refuses it, and the dossier says why', async ({ page }) => {
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

test('a blocked account cannot export: the export page shows the lock, no export button, nothing written', async ({ page }) => {
  const device = await provisionDevice({
    licence: { status: 'blocked', blockReason: 'overdue' },
    clients: [{ firstName: 'Johanna', infix: 'van der', lastName: 'Berg', birthDate: '1941-03-12', postcode: '3511 AB', status: 'in_zorg' }],
  });
  const exportDir = mkdtempSync(path.join(tmpdir(), 'td-exports-'));
  const preview = await startPreview({ dataDir: device.dataDir, env: { THUISDOSSIER_EXPORT_DIR: exportDir } });
  try {
    await page.goto(preview.url);
    await unlock(page, device.password);
    await page.getByRole('navigation').getByRole('link', { name: 'Exporteren' }).click();
    const lock = page.getByTestId('licence-lock');
    await expect(lock.getByRole('heading', { name: 'Je account is geblokkeerd' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Alles naar Excel' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Exporteren naar Word' })).toHaveCount(0);
    await expect(page.getByText('Berg')).toHaveCount(0);
    expect(readdirSync(exportDir)).toEqual([]);
  } finally {
    await preview.stop();
  }
});
