import path from 'node:path';
import type { Page } from '@playwright/test';

const dir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../output/screenshots');

/** Saves a screenshot of the window (what the user sees) under e2e/output/screenshots (not committed) for review. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}
