import { createServer } from 'node:net';
import { expect, type Page } from '@playwright/test';

/** The password of every demo user the embedded central service creates (README "Demo"). */
export const demoPassword = 'demo-wachtwoord-2026';

/** A port nobody uses now, so the test knows where the preview's embedded central service listens. */
export async function freePort(): Promise<number> {
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

/**
 * Signs a demo user in online on a fresh device, in Dutch, and waits for the client list (the
 * first sign-in runs the initial sync, which is slow on a busy machine).
 */
export async function signInAsDemoUser(page: Page, previewUrl: string, email: string): Promise<void> {
  await page.goto(previewUrl);
  await page.getByText('NL', { exact: true }).click();
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByRole('textbox', { name: 'Wachtwoord' }).fill(demoPassword);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.getByRole('heading', { name: 'Cliënten', level: 1 })).toBeVisible({ timeout: 60_000 });
}
