import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/accessibility.js';
import { openAndUnlock, openDossier } from './support/app.js';
import { demoClients } from './support/demo-clients.js';
import { provisionDevice } from './support/provision-device.js';
import { startPreview } from './support/preview-host.js';
import { saveScreenshot } from './support/screenshots.js';

const body = 'Mevrouw had vannacht pijn op de borst; huisartsenpost gebeld, advies: morgen bloeddruk en pols controleren. Dochter is op de hoogte.';
// Wendy Jansen (the nurse) registered the clients and wrote the report; she may read and edit, not sign off.
const written = { clientIndex: 0, body, category: 'Incident' as const, occurredAt: '2026-11-20T07:30:00.000Z' };

test('a colleague with the sign-off right signs a report off; the mark shows who and when, and the report only takes an addendum', async ({ page }) => {
  const device = await provisionDevice({
    clients: demoClients,
    clientsCreatedBy: 'nurse',
    signedInAs: 'colleague',
    grants: [{ to: 'colleague', clientIndex: 0, canSignOff: true }],
    reports: [written],
  });
  const preview = await startPreview({ dataDir: device.dataDir });
  try {
    await openAndUnlock(page, preview.url, device.password);
    await openDossier(page, 'Berg', 'Berg, Johanna van der');
    const card = page.getByTestId('report-card').filter({ hasText: 'pijn op de borst' });
    await expect(card).toContainText('door Wendy Jansen');
    await expect(card.getByTestId('signed-off-badge')).toHaveCount(0);

    await card.getByRole('button', { name: 'Aftekenen' }).click();
    await expect(page.getByText('Rapportage afgetekend')).toBeVisible();
    await expect(card.getByTestId('signed-off-badge')).toHaveText('Afgetekend');
    await expect(card).toContainText(/Afgetekend door Ahmed El Amrani op \d{2}-\d{2}-\d{4} \d{2}:\d{2}/);
    // Signed off is final: no second sign-off, no edit; an addendum is what remains.
    await expect(card.getByRole('button', { name: 'Aftekenen' })).toHaveCount(0);
    await expect(card.getByRole('button', { name: 'Bewerken' })).toHaveCount(0);
    await expect(card.getByRole('button', { name: 'Aanvulling toevoegen' })).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, 'report-signed-off');

    // Stored, not only shown: after a reload the mark is still there.
    await page.reload();
    await openAndUnlock(page, preview.url, device.password);
    await openDossier(page, 'Berg', 'Berg, Johanna van der');
    await expect(page.getByTestId('report-card').filter({ hasText: 'pijn op de borst' })).toContainText('Afgetekend door Ahmed El Amrani');
  } finally {
    await preview.stop();
  }
});

test('the author without the sign-off right sees no sign-off button, neither on her own report nor on a new one', async ({ page }) => {
  const device = await provisionDevice({ clients: demoClients, reports: [written] });
  const preview = await startPreview({ dataDir: device.dataDir });
  try {
    await openAndUnlock(page, preview.url, device.password);
    await openDossier(page, 'Berg', 'Berg, Johanna van der');
    const card = page.getByTestId('report-card').filter({ hasText: 'pijn op de borst' });
    await expect(card.getByRole('button', { name: 'Bewerken' })).toBeVisible();
    await expect(card.getByRole('button', { name: 'Aftekenen' })).toHaveCount(0);

    const composer = page.getByRole('region', { name: 'Nieuwe rapportage' });
    await composer.getByRole('textbox', { name: 'Rapportage' }).fill('Bloeddruk 128/80, pols 72 regelmatig. Geen klachten meer.');
    await composer.getByRole('button', { name: 'Rapportage opslaan' }).click();
    await expect(page.getByTestId('report-card')).toHaveCount(2);
    await expect(page.getByRole('button', { name: 'Aftekenen' })).toHaveCount(0);
  } finally {
    await preview.stop();
  }
});
