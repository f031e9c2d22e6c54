import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/accessibility.js';
import { openAndUnlock } from './support/app.js';
import { demoClients } from './support/demo-clients.js';
import { provisionDevice, type ProvisionedDevice } from './support/provision-device.js';
import { startPreview, type RunningPreview } from './support/preview-host.js';
import { saveScreenshot } from './support/screenshots.js';

let device: ProvisionedDevice;
let preview: RunningPreview;
test.beforeAll(async () => {
  // The nurse registered all five clients, so she may edit every dossier; she visits two of them.
  device = await provisionDevice({
    clients: demoClients,
    appointments: [
      { title: 'Huisbezoek wondzorg', startsAt: '2026-03-02T08:30:00.000Z', endsAt: '2026-03-02T09:15:00.000Z', clientIndexes: [0] },
      { title: 'Medicatie controle', startsAt: '2026-03-03T13:00:00.000Z', endsAt: '2026-03-03T13:30:00.000Z', clientIndexes: [1] },
    ],
  });
  preview = await startPreview({ dataDir: device.dataDir });
});
test.afterAll(async () => {
  await preview.stop();
});

test('"Alleen mijn cliënten" shows the clients the nurse visits, not every dossier she may edit', async ({ page }) => {
  await openAndUnlock(page, preview.url, device.password);
  const rows = page.getByTestId('client-rows');
  await expect(rows.getByRole('link')).toHaveCount(5);
  await page.getByRole('switch', { name: 'Alleen mijn cliënten' }).check();
  await expect(rows.getByRole('link')).toHaveText(['Bakker, Henk', 'Berg, Johanna van der']);
  await expect(page.getByTestId('client-count')).toHaveText('2 van 5 dossiers');
  await expectAccessible(page);
  await saveScreenshot(page, 'clients-mine');
});
