import { expect, test } from '@playwright/test';
import { freePort, signInAsDemoUser, demoPassword } from './support/demo-service.js';
import { expectAccessible } from './support/accessibility.js';
import { startPreview, type RunningPreview } from './support/preview-host.js';
import { saveScreenshot } from './support/screenshots.js';

const operatorToken = 'e2e-operator-token-of-at-least-32-characters';
const day = 24 * 60 * 60 * 1000;

test.describe('notices from the service in the app', () => {
  let preview: RunningPreview;
  let centralUrl: string;
  test.beforeAll(async () => {
    // The embedded service starts PGlite and the demo first: slow on a busy machine.
    test.setTimeout(240_000);
    const port = await freePort();
    centralUrl = `http://127.0.0.1:${port}`;
    // The embedded demo service inherits the operator token, so the test publishes as service staff do.
    preview = await startPreview({ env: { THUISDOSSIER_SERVER_URL: '', THUISDOSSIER_CENTRAL_PORT: String(port), THUISDOSSIER_OPERATOR_TOKEN: operatorToken } });
  });
  test.afterAll(async () => {
    await preview?.stop();
  });

  async function publish(notice: object): Promise<string> {
    const response = await fetch(new URL('/v1/operator/notices', centralUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${operatorToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(notice),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { id: string }).id;
  }

  test('maintenance and new terms show above the screens after sign-in; "Gelezen" puts one away, also for the service', async ({ page }) => {
    test.setTimeout(180_000);
    // Friday evening, ten days ahead: 22:00–23:00 in Amsterdam (winter time, UTC+1).
    const date = new Date(Date.now() + 10 * day).toISOString().slice(0, 10);
    await publish({
      kind: 'maintenance',
      title: 'Onderhoud aan de centrale dienst',
      body: 'De centrale dienst krijgt een update. Synchroniseren en online aanmelden kunnen dan even niet.',
      startsAt: `${date}T21:00:00Z`,
      endsAt: `${date}T22:00:00Z`,
    });
    const termsId = await publish({
      kind: 'terms-change',
      title: 'Gewijzigde algemene voorwaarden',
      body: 'Artikel 12 (gegevensopslag) wordt verduidelijkt: back-ups blijven 30 dagen bewaard in plaats van 14.',
      effectiveOn: new Date(Date.now() + 60 * day).toISOString().slice(0, 10),
    });

    await signInAsDemoUser(page, preview.url, 'wijkverpleegkundige@demo.thuisdossier.nl');

    const notices = page.getByRole('region', { name: 'Berichten van Thuisdossier' });
    const maintenance = notices.getByRole('alert').filter({ hasText: 'Onderhoud aan de centrale dienst' });
    await expect(maintenance).toBeVisible({ timeout: 30_000 });
    await expect(maintenance).toContainText('22:00 tot 23:00');
    await expect(maintenance).toContainText('de app werkt zonder internet');
    const terms = notices.getByRole('alert').filter({ hasText: 'Gewijzigde algemene voorwaarden' });
    await expect(terms).toContainText('Geldt vanaf');
    await expect(terms).toContainText('artikel 15');
    await expectAccessible(page);
    await saveScreenshot(page, 'notices-banner');

    await terms.getByRole('button', { name: 'Markeer "Gewijzigde algemene voorwaarden" als gelezen' }).click();
    await expect(terms).toHaveCount(0);
    await expect(maintenance).toBeVisible();

    // The service heard it: the same user's list there says read.
    const signIn = await fetch(new URL('/v1/auth/sign-in', centralUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'wijkverpleegkundige@demo.thuisdossier.nl', password: demoPassword, device: { id: crypto.randomUUID(), name: 'e2e', platform: 'linux' } }),
    });
    const token = ((await signIn.json()) as { session: { token: string } }).session.token;
    const list = (await (await fetch(new URL('/v1/notices', centralUrl), { headers: { authorization: `Bearer ${token}` } })).json()) as { notices: Array<{ id: string; acknowledged: boolean }> };
    expect(list.notices.find((notice) => notice.id === termsId)?.acknowledged).toBe(true);

    // Kept on the device: after a reload (and without asking the service) it is still there.
    await page.reload();
    await expect(notices.getByRole('alert').filter({ hasText: 'Onderhoud aan de centrale dienst' })).toBeVisible({ timeout: 30_000 });
  });
});
