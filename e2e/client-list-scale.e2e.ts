import { expect, test } from '@playwright/test';
import type { ClientCreate } from '../shared/domain/client.js';
import { openAndUnlock } from './support/app.js';
import { provisionDevice, type ProvisionedDevice } from './support/provision-device.js';
import { startPreview, type RunningPreview } from './support/preview-host.js';
import { saveScreenshot } from './support/screenshots.js';

const firstNames = ['Anna', 'Bram', 'Cor', 'Dirk', 'Els', 'Femke', 'Gijs', 'Hanna', 'Ingrid', 'Joost', 'Kees', 'Lotte', 'Maarten', 'Noor', 'Otto', 'Pien'];
const lastNames = ['Jansen', 'de Jong', 'de Vries', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'Dekker'];

/** Many clients with Dutch names; the last one sorts last ("Zwart"). */
function manyClients(count: number): ClientCreate[] {
  const clients: ClientCreate[] = [];
  for (let i = 0; i < count - 1; i++) {
    const last = lastNames[i % lastNames.length]!;
    const [infix, lastName] = last.includes(' ') ? [last.slice(0, last.lastIndexOf(' ')), last.slice(last.lastIndexOf(' ') + 1)] : [null, last];
    clients.push({ firstName: `${firstNames[i % firstNames.length]} ${i}`, infix, lastName, status: 'in_zorg' });
  }
  clients.push({ firstName: 'Zeger', lastName: 'Zwart', status: 'in_zorg' });
  return clients;
}

let device: ProvisionedDevice;
let preview: RunningPreview;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  device = await provisionDevice({ clients: manyClients(10_000) });
  preview = await startPreview({ dataDir: device.dataDir });
});
test.afterAll(async () => {
  await preview.stop();
});

test('a long client list is virtualised: only the rows in view exist, and scrolling reaches the last one', async ({ page }) => {
  await openAndUnlock(page, preview.url, device.password);
  await expect(page.getByTestId('client-count')).toHaveText('10.000 dossiers');
  const table = page.getByRole('table', { name: 'Cliëntdossiers' });
  await expect(table).toHaveAttribute('aria-rowcount', '10001');
  const rendered = await page.getByTestId('client-rows').getByRole('row').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(60);

  await page.getByTestId('client-rows').evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  await expect(page.getByRole('link', { name: 'Zwart, Zeger' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Zwart, Zeger' })).toHaveAttribute('aria-rowindex', '10001');
});

test('a search with more than 200 hits shows 200 and says how many matched; typing on narrows it', async ({ page }) => {
  await openAndUnlock(page, preview.url, device.password);
  const search = page.getByRole('searchbox', { name: 'Zoeken' });
  await search.fill('Jansen');
  // 10,000 clients over 16 surnames: 625 are called Jansen.
  await expect(page.getByTestId('client-count')).toHaveText('200 van 625 getoond — typ verder om te verfijnen');
  await expect(page.getByRole('table', { name: 'Cliëntdossiers' })).toHaveAttribute('aria-rowcount', '201');
  await saveScreenshot(page, 'client-list-search-capped');
  await search.fill('Zwart');
  await expect(page.getByTestId('client-count')).toHaveText('1 van 10.000 dossiers');
  await expect(page.getByRole('link', { name: 'Zwart, Zeger' })).toBeVisible();
});

test('the interface switches to English and back', async ({ page }) => {
  await openAndUnlock(page, preview.url, device.password);
  await page.getByText('EN', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'New client' })).toBeVisible();
  await expect(page.getByTestId('client-count')).toHaveText('10,000 records');
  await page.getByText('NL', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Cliënten', level: 1 })).toBeVisible();
});
