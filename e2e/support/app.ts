import { expect, type Page } from '@playwright/test';

/** Opens the app from the preview host's URL and unlocks it with the device password. */
export async function openAndUnlock(page: Page, url: string, password: string): Promise<void> {
  await page.goto(url);
  // The core keeps its session across page loads: a second test in the same host may find it open.
  const unlockHeading = page.getByRole('heading', { name: 'Ontgrendelen' });
  const listHeading = page.getByRole('heading', { name: 'Cliënten', level: 1 });
  await expect(unlockHeading.or(listHeading)).toBeVisible();
  if (await unlockHeading.isVisible()) await unlock(page, password);
  await expect(page.getByRole('heading', { name: 'Cliënten', level: 1 })).toBeVisible();
}

export async function unlock(page: Page, password: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Ontgrendelen' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Wachtwoord' }).fill(password);
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
}

/** Opens a dossier from the client list by searching its name, as a nurse would. */
export async function openDossier(page: Page, search: string, linkName: string): Promise<void> {
  await page.getByRole('link', { name: 'Cliënten' }).first().click();
  await page.getByRole('searchbox', { name: 'Zoeken' }).fill(search);
  await page.getByRole('link', { name: linkName }).click();
  await expect(page.getByRole('tablist')).toBeVisible();
}
