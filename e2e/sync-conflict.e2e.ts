import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startEmbeddedCentral, type EmbeddedCentral } from '../electron/preview/embedded-central.js';
import { demoPassword, seedDemoDossiers } from '../electron/preview/demo-dossiers.js';
import { expectAccessible } from './support/accessibility.js';
import { openDossier } from './support/app.js';
import { startPreview, type RunningPreview } from './support/preview-host.js';
import { saveScreenshot } from './support/screenshots.js';
import { startSwitchableProxy, type SwitchableProxy } from './support/switchable-proxy.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const nurse = 'wijkverpleegkundige@demo.thuisdossier.nl';

let central: EmbeddedCentral;
let proxy: SwitchableProxy;
let laptop: RunningPreview;
let tablet: RunningPreview;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  // ONE central service with the demo organisation; two app instances with their own data folders.
  const centralDir = mkdtempSync(path.join(tmpdir(), 'td-e2e-central-'));
  central = await startEmbeddedCentral({ repoRoot: root, dataDir: centralDir, port: 0 });
  await seedDemoDossiers(central.url, central.leaseKeys, path.join(centralDir, 'central'));
  // The tablet reaches the service through a proxy the test can cut (offline) or slow down.
  proxy = await startSwitchableProxy(central.url);
  const keys = { THUISDOSSIER_LEASE_PUBLIC_KEYS: central.leaseKeys };
  laptop = await startPreview({ env: { ...keys, THUISDOSSIER_SERVER_URL: central.url } });
  // Small pull pages so the first sync shows a real fraction and time estimate.
  tablet = await startPreview({ env: { ...keys, THUISDOSSIER_SERVER_URL: proxy.url, THUISDOSSIER_SYNC_PULL_LIMIT: '1' } });
});
test.afterAll(async () => {
  await laptop?.stop();
  await tablet?.stop();
  await proxy?.close();
  await central?.stop();
});

async function signIn(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByText('NL', { exact: true }).click();
  await page.getByLabel('E-mailadres').fill(nurse);
  await page.getByRole('textbox', { name: 'Wachtwoord' }).fill(demoPassword);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.getByRole('heading', { name: 'Cliënten', level: 1 })).toBeVisible({ timeout: 90_000 });
}

async function syncNow(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Nu synchroniseren' }).click();
  await expect(page.getByTestId('sync-status')).toHaveText('Alles verstuurd', { timeout: 60_000 });
}

/** The pointer away from the header, so no tooltip covers the screen in a screenshot. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.mouse.move(640, 790);
  await page.waitForTimeout(400);
  await saveScreenshot(page, name);
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

function reportCard(page: Page, text: string) {
  return page.getByTestId('report-card').filter({ hasText: text });
}

async function editReport(page: Page, find: string, body: string): Promise<void> {
  const card = reportCard(page, find);
  await card.getByRole('button', { name: 'Bewerken' }).click();
  await card.getByRole('textbox', { name: 'Rapportage bewerken' }).fill(body);
  await card.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Rapportage bijgewerkt').first()).toBeVisible();
}

test('two laptops edit the same report, one offline: the conflict screen shows both, resolves, and both converge', async ({ browser }) => {
  test.setTimeout(600_000);
  const onLaptop = await newPage(browser);
  const onTablet = await newPage(browser);
  await signIn(onLaptop, laptop.url);

  // First sign-in on the tablet over a slow link: the progress bar with a fraction and "nog ongeveer N minuten".
  proxy.setDelayMs(1_500);
  await onTablet.goto(tablet.url);
  await onTablet.getByText('NL', { exact: true }).click();
  await onTablet.getByLabel('E-mailadres').fill(nurse);
  await onTablet.getByRole('textbox', { name: 'Wachtwoord' }).fill(demoPassword);
  await onTablet.getByRole('button', { name: 'Aanmelden' }).click();
  const initial = onTablet.getByTestId('initial-sync');
  await expect(initial.getByTestId('initial-sync-estimate')).toHaveText(/Nog ongeveer \d+ minu/, { timeout: 90_000 });
  await expect(initial).toContainText('% opgehaald');
  // Meanwhile the empty list says the records are on their way, not that there are none to see.
  await expect(onTablet.getByText('Nog geen dossiers')).toHaveCount(0);
  await expect(onTablet.getByTestId('clients-fetching').or(onTablet.getByTestId('client-rows'))).toBeVisible();
  await shoot(onTablet, 'sync-initial-progress');
  await expectAccessible(onTablet);
  proxy.setDelayMs(0);
  await expect(initial).toHaveCount(0, { timeout: 120_000 });

  // The laptop writes a report; the tablet receives it.
  await openDossier(onLaptop, 'Berg', 'Berg, Johanna van der');
  const composer = onLaptop.getByRole('region', { name: 'Nieuwe rapportage' });
  await composer.getByRole('textbox', { name: 'Rapportage' }).fill('Mevrouw geholpen met douchen.');
  await composer.getByRole('button', { name: 'Rapportage opslaan' }).click();
  await expect(reportCard(onLaptop, 'geholpen met douchen')).toHaveCount(1);
  await syncNow(onLaptop);
  await syncNow(onTablet);
  await openDossier(onTablet, 'Berg', 'Berg, Johanna van der');
  await expect(reportCard(onTablet, 'geholpen met douchen')).toHaveCount(1);

  // The tablet loses its connection; both change the same text.
  proxy.setOnline(false);
  await expect(onTablet.getByText('Offline', { exact: true })).toBeVisible({ timeout: 30_000 });
  const laptopText = 'Mevrouw geholpen met douchen. Huid rood bij stuit, ingesmeerd.';
  const tabletText = 'Mevrouw geholpen met douchen. Wil morgen liever later komen.';
  await editReport(onLaptop, 'geholpen met douchen', laptopText);
  await syncNow(onLaptop);
  await editReport(onTablet, 'geholpen met douchen', tabletText);
  await expect(onTablet.getByTestId('sync-status')).toHaveText('1 wijziging nog niet verstuurd');

  // Signing out now warns: the change is only on this laptop.
  await onTablet.getByRole('button', { name: 'Afmelden' }).click();
  const warning = onTablet.getByRole('dialog', { name: 'Nog niet alles is verstuurd' });
  await expect(warning).toContainText('1 wijziging staat alleen op deze laptop');
  await expect(warning.getByRole('button', { name: 'Eerst synchroniseren' })).toBeDisabled();
  await expect(warning.getByRole('button', { name: 'Toch afmelden' })).toBeVisible();
  await shoot(onTablet, 'sync-sign-out-warning');
  await expectAccessible(onTablet);
  await warning.getByRole('button', { name: 'Annuleren' }).click();

  // Back online: the tablet syncs by itself; the hub keeps both texts as a conflict.
  proxy.setOnline(true);
  const badge = onTablet.getByTestId('conflicts-badge');
  await expect(badge).toHaveText('1 conflict', { timeout: 60_000 });
  await badge.click();
  await expect(onTablet.getByRole('heading', { name: 'Twee versies van dezelfde tekst' })).toBeVisible();
  const conflict = onTablet.getByTestId('conflict');
  await expect(conflict).toHaveCount(1);
  await expect(conflict.getByTestId('conflict-text').first()).toHaveText(laptopText);
  await expect(conflict.getByTestId('conflict-text').nth(1)).toHaveText(tabletText);
  await expect(conflict).toContainText('Op dit apparaat');
  await shoot(onTablet, 'sync-conflict-screen');
  await expectAccessible(onTablet);

  // Keep both: the combination, the second version marked, checked by the nurse, then saved.
  await conflict.getByRole('button', { name: 'Beide houden' }).click();
  const combined = conflict.getByRole('textbox', { name: 'Samengevoegde tekst' });
  await expect(combined).toHaveValue(new RegExp(`^${escape(laptopText)}\\n\\n--- Andere versie \\(.+\\) ---\\n${escape(tabletText)}$`));
  await shoot(onTablet, 'sync-conflict-keep-both');
  const merged = await combined.inputValue();
  await conflict.getByRole('button', { name: 'Samengevoegde tekst opslaan' }).click();
  await expect(onTablet.getByTestId('conflicts-empty')).toBeVisible();
  await syncNow(onTablet);

  // Both laptops converge on the merged text; no conflict is left anywhere.
  await syncNow(onLaptop);
  await expect(onLaptop.getByTestId('conflicts-badge')).toHaveCount(0);
  await expect(onTablet.getByTestId('conflicts-badge')).toHaveCount(0);
  await openDossier(onTablet, 'Berg', 'Berg, Johanna van der');
  await onLaptop.reload();
  for (const page of [onLaptop, onTablet]) {
    await expect(reportCard(page, 'Andere versie')).toHaveCount(1);
    await expect(reportCard(page, 'Andere versie').getByTestId('report-body')).toHaveText(merged);
  }

  // A locked report refuses the offline edit; the text waits on the tablet and becomes an addendum.
  proxy.setOnline(false);
  await expect(onTablet.getByText('Offline', { exact: true })).toBeVisible({ timeout: 30_000 });
  const card = reportCard(onLaptop, 'Andere versie');
  await card.getByRole('button', { name: 'Vastzetten' }).click();
  await onLaptop.getByRole('dialog', { name: 'Rapportage permanent vastzetten?' }).getByRole('button', { name: 'Ja, permanent vastzetten' }).click();
  await expect(card.getByTestId('locked-badge')).toHaveText('Vastgezet');
  await syncNow(onLaptop);
  const lateText = `${merged}\nNagekomen: dochter gebeld over de afspraak.`;
  await editReport(onTablet, 'Andere versie', lateText);
  proxy.setOnline(true);
  const refusedBadge = onTablet.getByTestId('refused-badge');
  await expect(refusedBadge).toHaveText('1 niet opgeslagen', { timeout: 60_000 });
  await refusedBadge.click();
  await expect(onTablet.getByRole('heading', { name: 'Niet opgeslagen wijzigingen' })).toBeVisible();
  const refused = onTablet.getByTestId('refused-change');
  await expect(refused).toContainText('al afgetekend of vastgezet');
  await expect(refused.getByTestId('refused-text')).toHaveText(lateText);
  await shoot(onTablet, 'sync-refused-edit');
  await expectAccessible(onTablet);
  await refused.getByRole('button', { name: 'Toevoegen als aanvulling' }).click();
  await expect(onTablet.getByTestId('refused-empty')).toBeVisible();
  await syncNow(onTablet);
  await syncNow(onLaptop);
  await onLaptop.reload();
  await expect(reportCard(onLaptop, 'Andere versie').first().getByTestId('addendum')).toContainText('Nagekomen: dochter gebeld');

  // Signing out online while a new report is still on its way (a slow link): "Eerst synchroniseren"
  // sends it and then signs out; the other laptop receives it.
  await openDossier(onTablet, 'Berg', 'Berg, Johanna van der');
  proxy.setDelayMs(2_000);
  const tabletComposer = onTablet.getByRole('region', { name: 'Nieuwe rapportage' });
  await tabletComposer.getByRole('textbox', { name: 'Rapportage' }).fill('Avondronde: mevrouw slaapt goed.');
  await tabletComposer.getByRole('button', { name: 'Rapportage opslaan' }).click();
  await expect(reportCard(onTablet, 'Avondronde')).toHaveCount(1);
  await onTablet.getByRole('button', { name: 'Afmelden' }).click();
  const onlineWarning = onTablet.getByRole('dialog', { name: 'Nog niet alles is verstuurd' });
  await expect(onlineWarning).toContainText('alleen op deze laptop');
  await expect(onlineWarning).not.toContainText('Je bent nu offline');
  await onlineWarning.getByRole('button', { name: 'Eerst synchroniseren' }).click();
  await expect(onTablet.getByRole('heading', { name: 'Ontgrendelen' })).toBeVisible({ timeout: 60_000 });
  proxy.setDelayMs(0);
  await syncNow(onLaptop);
  await onLaptop.reload();
  await expect(reportCard(onLaptop, 'Avondronde')).toHaveCount(1);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
