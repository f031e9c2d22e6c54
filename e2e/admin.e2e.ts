import { createServer } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/accessibility.js';
import { openAndUnlock } from './support/app.js';
import { provisionDevice } from './support/provision-device.js';
import { startPreview, type RunningPreview } from './support/preview-host.js';
import { saveScreenshot } from './support/screenshots.js';

/** A port nobody uses now, so the test knows where the preview's embedded central service listens. */
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

async function openScreen(page: Page, tab: string): Promise<void> {
  await page.getByRole('tab', { name: tab }).click();
  await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
}

test.describe('admin screens with the embedded central service', () => {
  let preview: RunningPreview;
  let centralUrl: string;
  test.beforeAll(async () => {
    const port = await freePort();
    centralUrl = `http://127.0.0.1:${port}`;
    // No central service configured: the preview starts the embedded demo service on this port.
    preview = await startPreview({ env: { THUISDOSSIER_SERVER_URL: '', THUISDOSSIER_CENTRAL_PORT: String(port) } });
  });
  test.afterAll(async () => {
    await preview?.stop();
  });

  test('the owner converts the trial, invites a fifth user, sees the automatic upgrade first, and the plan follows; security settings are saved', async ({ page }) => {
    test.setTimeout(240_000);
    await page.goto(preview.url);
    await page.getByText('NL', { exact: true }).click();
    await page.getByLabel('E-mailadres').fill('eigenaar@demo.thuisdossier.nl');
    await page.getByRole('textbox', { name: 'Wachtwoord' }).fill('demo-wachtwoord-2026');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect(page.getByRole('heading', { name: 'Cliënten', level: 1 })).toBeVisible({ timeout: 60_000 });

    // Users and seats.
    await page.getByRole('link', { name: 'Beheer' }).click();
    await expect(page.getByRole('heading', { name: 'Beheer', level: 1 })).toBeVisible();
    await expect(page.getByTestId('user-wijkverpleegkundige@demo.thuisdossier.nl')).toContainText('Fatima El Amrani');
    await expect(page.getByTestId('seats')).toHaveText('4 actieve gebruikers · proefperiode (gratis)');
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-users');

    // Plan: the trial becomes a paid monthly subscription (owner only).
    await openScreen(page, 'Abonnement');
    await expect(page.getByTestId('current-plan')).toContainText('Proefperiode');
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-plan-trial');
    await page.getByRole('button', { name: 'Omzetten naar maandabonnement' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ja, omzetten' }).click();
    await expect(page.getByTestId('plan-price')).toHaveText('€ 59,00 per maand');
    await expect(page.getByTestId('current-plan')).toContainText('Team (2–4 gebruikers)');

    // A fifth user does not fit 2–4: the upgrade and the new price are shown BEFORE confirming.
    await openScreen(page, 'Gebruikers');
    await expect(page.getByTestId('seats')).toHaveText('4 van 4 plaatsen in gebruik · pakket Team (2–4 gebruikers)');
    await page.getByRole('button', { name: 'Gebruiker uitnodigen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Gebruiker uitnodigen' });
    await dialog.getByRole('textbox', { name: 'Naam' }).fill('Sanne Visser');
    await dialog.getByRole('textbox', { name: 'E-mailadres' }).fill('sanne.visser@demo.thuisdossier.nl');
    await dialog.getByRole('button', { name: 'Volgende' }).click();
    const preview5 = dialog.getByTestId('seat-preview');
    await expect(preview5).toHaveAttribute('data-upgraded', 'true');
    await expect(preview5).toContainText('Je pakket wordt automatisch verhoogd');
    await expect(preview5).toContainText('Team (5–9 gebruikers)');
    await expect(preview5).toContainText('€ 59,00 → € 119,00 per maand');
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-invite-upgrade');
    await dialog.getByRole('button', { name: 'Uitnodigen en pakket verhogen' }).click();
    const code = dialog.getByRole('textbox', { name: 'Uitnodigingscode' });
    await expect(code).toBeVisible();
    const inviteToken = await code.inputValue();
    await saveScreenshot(page, 'admin-invite-code');
    await dialog.getByRole('button', { name: 'Klaar' }).click();
    await expect(page.getByTestId('user-sanne.visser@demo.thuisdossier.nl')).toContainText('Uitgenodigd');

    // Sanne accepts the invite on her own device; from then on she counts and the plan is upgraded.
    const accepted = await fetch(new URL('/v1/auth/accept-invite', centralUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: inviteToken, password: 'sanne-haar-eigen-wachtwoord' }),
    });
    expect(accepted.status).toBe(200);
    await openScreen(page, 'Abonnement');
    await expect(page.getByTestId('current-plan')).toContainText('Team (5–9 gebruikers)');
    await expect(page.getByTestId('plan-price')).toHaveText('€ 119,00 per maand');
    // Art. 6: 5 active users do not fit 2–4, so the rules offer no self-service step down now.
    await expect(page.getByTestId('downgrades')).toContainText('Er zijn meer actieve gebruikers dan dit pakket toestaat');
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-plan');

    await openScreen(page, 'Apparaten');
    await expect(page.getByRole('table', { name: 'Apparaten per medewerker' })).toContainText('Anna de Vries');
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-devices');

    await openScreen(page, 'Betalingen');
    await expect(page.getByTestId('payment-state')).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-payments');

    await openScreen(page, 'Opslag');
    await expect(page.getByTestId('storage-used')).toContainText('370 MB');
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-storage');

    // Security: a wrong range is named by its line; a valid list and a shorter auto-lock are saved.
    await openScreen(page, 'Beveiliging');
    const ranges = page.getByRole('textbox', { name: /Toegestane IP-adressen/ });
    await ranges.fill('127.0.0.0/8\n192.168.1.300/24');
    const minutes = page.getByRole('textbox', { name: /Automatisch vergrendelen na/ });
    await minutes.fill('10');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.getByText('Regel 2 ("192.168.1.300/24") is geen geldige reeks')).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-security-invalid');
    await ranges.fill('127.0.0.0/8\n192.168.1.0/24');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.getByText('Beveiligingsinstellingen opgeslagen')).toBeVisible();
    await page.reload();
    await expect(page.getByRole('textbox', { name: /Toegestane IP-adressen/ })).toHaveValue('127.0.0.0/8\n192.168.1.0/24');
    await expect(page.getByRole('textbox', { name: /Automatisch vergrendelen na/ })).toHaveValue('10');
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-security');
  });
});

test('offline the admin screens say so and what to do; a practitioner sees no admin entry', async ({ page }) => {
  // An admin's device whose central service cannot be reached (the preview points at a closed port).
  const admin = await provisionDevice({ signedInAs: 'admin', sessionToken: 'a-session-token-from-an-earlier-sign-in' });
  const adminPreview = await startPreview({ dataDir: admin.dataDir });
  try {
    await openAndUnlock(page, adminPreview.url, admin.password);
    await page.getByRole('link', { name: 'Beheer' }).click();
    const notice = page.getByTestId('admin-offline');
    await expect(notice).toContainText('Alleen beschikbaar met internet');
    await expect(notice).toContainText('Maak verbinding met internet');
    await expect(notice.getByRole('button', { name: 'Opnieuw proberen' })).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-offline');
  } finally {
    await adminPreview.stop();
  }

  const nurse = await provisionDevice({ signedInAs: 'nurse' });
  const nursePreview = await startPreview({ dataDir: nurse.dataDir });
  try {
    await openAndUnlock(page, nursePreview.url, nurse.password);
    await expect(page.getByRole('link', { name: 'Agenda' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Beheer' })).toHaveCount(0);
    // Typing the address does not help either: the screen refuses, and so would the core.
    await page.goto(`${nursePreview.url.split('#')[0]}#/beheer`);
    await expect(page.getByText('Alleen beheerders en de hoofdbeheerder kunnen dit')).toBeVisible();
  } finally {
    await nursePreview.stop();
  }
});
