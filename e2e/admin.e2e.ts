import { expect, test, type Page } from '@playwright/test';
import { monthlyCancellationEndDate } from '../shared/subscription/cancellation.js';
import { addMonths } from '../shared/subscription/dates.js';
import { freePort, signInAsDemoUser, demoPassword } from './support/demo-service.js';
import { expectAccessible } from './support/accessibility.js';
import { openAndUnlock } from './support/app.js';
import { provisionDevice } from './support/provision-device.js';
import { startPreview, type RunningPreview } from './support/preview-host.js';
import { saveScreenshot } from './support/screenshots.js';

/** The test also acts as the operator of the service (art. 8 price changes). */
const operatorToken = 'operator-token-for-the-admin-e2e-test-2026';
const amsterdamToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

async function openScreen(page: Page, tab: string): Promise<void> {
  await page.getByRole('tab', { name: tab }).click();
  await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
}

test.describe('admin screens with the embedded central service', () => {
  let preview: RunningPreview;
  let centralUrl: string;
  test.beforeAll(async () => {
    test.setTimeout(240_000);
    const port = await freePort();
    centralUrl = `http://127.0.0.1:${port}`;
    // No central service configured: the preview starts the embedded demo service on this port.
    preview = await startPreview({ env: { THUISDOSSIER_SERVER_URL: '', THUISDOSSIER_CENTRAL_PORT: String(port), THUISDOSSIER_OPERATOR_TOKEN: operatorToken } });
  });
  test.afterAll(async () => {
    await preview?.stop();
  });

  test('the owner converts the trial, invites a fifth user, sees the automatic upgrade first, and the plan follows; security settings are saved', async ({ page }) => {
    test.setTimeout(240_000);
    await signInAsDemoUser(page, preview.url, 'eigenaar@demo.thuisdossier.nl');

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

    // Art. 6 by both routes: up to 10–14 (always allowed), one step down by the admin's own choice
    // (allowed now), up again — and the same step down is then only possible by request this month.
    const changePlanTo = async (button: string, planName: string) => {
      await page.getByRole('button', { name: `${button} ${planName}` }).click();
      await page.getByRole('dialog', { name: `Pakket wijzigen naar ${planName}?` }).getByRole('button', { name: 'Ja, wijzigen' }).click();
      await expect(page.getByTestId('current-plan')).toContainText(planName);
    };
    await changePlanTo('Verhogen naar', 'Team (10–14 gebruikers)');
    await changePlanTo('Verlagen naar', 'Team (5–9 gebruikers)');
    await changePlanTo('Verhogen naar', 'Team (10–14 gebruikers)');
    await expect(page.getByTestId('downgrades')).toContainText('Je bent deze kalendermaand al een stap omlaag gegaan');
    await expect(page.getByRole('button', { name: 'Verlagen naar Team (5–9 gebruikers)' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Verlaging naar Team (5–9 gebruikers) aanvragen' }).click();
    const requestDialog = page.getByRole('dialog', { name: 'Verlaging naar Team (5–9 gebruikers) aanvragen' });
    await requestDialog.getByLabel('Toelichting (niet verplicht)').fill('Twee collega’s gaan met zwangerschapsverlof.');
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-downgrade-request');
    await requestDialog.getByRole('button', { name: 'Aanvraag versturen' }).click();
    const requests = page.getByTestId('downgrade-requests');
    await expect(requests).toContainText('Team (10–14 gebruikers) → Team (5–9 gebruikers)');
    await expect(requests).toContainText('In behandeling');
    // The plan stays until Thuisdossier approves; a second request waits for the first.
    await expect(page.getByTestId('current-plan')).toContainText('Team (10–14 gebruikers)');
    await expect(page.getByRole('button', { name: 'Verlaging naar Team (5–9 gebruikers) aanvragen' })).toBeDisabled();
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-plan-requested');

    // Art. 8: the service announces a price change that doubles the price; the plan screen says
    // what it costs from when, and that the owner may cancel at once until the new amount is due.
    const prices = (factor: number) => ({ 'solo-1': 1_900 * factor, 'team-2-4': 5_900 * factor, 'team-5-9': 11_900 * factor, 'team-10-14': 17_900 * factor, 'contract-15-plus': 29_900 * factor });
    const announced = await fetch(new URL('/v1/operator/price-changes', centralUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${operatorToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'other', effectiveOn: addMonths(amsterdamToday(), 4), monthly: prices(2), yearly: prices(20) }),
    });
    expect(announced.status).toBe(200);
    await page.reload();
    const priceChange = page.getByTestId('price-change');
    await expect(priceChange).toContainText('€ 358,00 per maand in plaats van € 179,00');
    await expect(priceChange).toContainText('mag de hoofdbeheerder het abonnement tot en met');
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-price-change');
    // The owner looks at what cancelling at once means, and decides to stay.
    await priceChange.getByRole('button', { name: 'Opzeggen om de prijsverhoging' }).click();
    const cancelNow = page.getByRole('dialog', { name: 'Abonnement per direct opzeggen?' });
    await expect(cancelNow).toContainText('Het abonnement eindigt vandaag');
    await expect(cancelNow.getByRole('button', { name: 'Per direct opzeggen' })).toBeDisabled();
    await cancelNow.getByLabel('Ik heb geëxporteerd wat ik wil bewaren').check();
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-price-change-cancel');
    await cancelNow.getByRole('button', { name: 'Annuleren' }).click();
    await expect(cancelNow).toHaveCount(0);

    // Cancellation by the owner, with the end date art. 17 gives (monthly: end of next month).
    const endDate = monthlyCancellationEndDate(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date()));
    const endText = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${endDate}T12:00:00Z`));
    await page.getByRole('button', { name: `Opzeggen per ${endText}` }).click();
    const cancelDialog = page.getByRole('dialog', { name: 'Abonnement echt opzeggen?' });
    await expect(cancelDialog.getByRole('button', { name: 'Opzeggen' })).toBeDisabled();
    await cancelDialog.getByLabel(`Ik begrijp dat alle gegevens na ${endText} worden verwijderd`).check();
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-cancel');
    await cancelDialog.getByRole('button', { name: 'Opzeggen' }).click();
    await expect(page.getByTestId('cancellation-pending')).toContainText(`Het abonnement eindigt op ${endText}`);

    await openScreen(page, 'Apparaten');
    await expect(page.getByRole('table', { name: 'Apparaten per medewerker' })).toContainText('Anna de Vries');
    await expect(page.getByTestId('device-lease').first()).toContainText('Geldig tot');
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-devices');

    await openScreen(page, 'Betalingen');
    await expect(page.getByTestId('payment-state')).toBeVisible();
    // Invoices name the plan as the admin knows it, not the service's code.
    await expect(page.getByRole('table', { name: 'Facturen van de organisatie' })).toContainText('Abonnement Team (2–4 gebruikers)');
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

    // Ownership goes to Bram (an admin) after the password; Anna then sees no owner-only actions.
    await openScreen(page, 'Gebruikers');
    await page.getByRole('button', { name: 'Acties voor Bram Jansen' }).click();
    await page.getByRole('menuitem', { name: 'Eigenaarschap overdragen' }).click();
    const handOver = page.getByRole('dialog', { name: 'Eigenaarschap overdragen aan Bram Jansen?' });
    // A wrong password is refused, said next to the field with what to do; nothing changes.
    await handOver.getByLabel('Je wachtwoord').fill('niet-mijn-wachtwoord');
    await handOver.getByRole('button', { name: 'Overdragen' }).click();
    await expect(handOver.getByText('Dit wachtwoord klopt niet. Vul het wachtwoord in waarmee je je bij Thuisdossier aanmeldt')).toBeVisible();
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-transfer-wrong-password');
    await handOver.getByLabel('Je wachtwoord').fill(demoPassword);
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-transfer-ownership');
    await handOver.getByRole('button', { name: 'Overdragen' }).click();
    await expect(page.getByText('Bram Jansen is nu hoofdbeheerder')).toBeVisible();
    await expect(page.getByTestId('user-beheer@demo.thuisdossier.nl')).toContainText('Hoofdbeheerder');
    await expect(page.getByTestId('user-eigenaar@demo.thuisdossier.nl')).toContainText('Beheerder');
    await openScreen(page, 'Abonnement');
    await expect(page.getByTestId('cancellation-pending')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Omzetten naar maandabonnement' })).toHaveCount(0);
    await expect(page.getByTestId('price-change')).toContainText('Alleen de hoofdbeheerder kan om de prijsverhoging opzeggen');
    await expect(page.getByRole('button', { name: 'Opzeggen om de prijsverhoging' })).toHaveCount(0);
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
