import { expect, test, type Locator, type Page } from '@playwright/test';
import { fromLocalInput } from '../renderer/src/format/dates.js';
import { expectAccessible } from './support/accessibility.js';
import { openAndUnlock } from './support/app.js';
import { demoClients } from './support/demo-clients.js';
import { provisionDevice, type ProvisionedDevice } from './support/provision-device.js';
import { startPreview, type RunningPreview } from './support/preview-host.js';
import { saveScreenshot } from './support/screenshots.js';

/** "2026-11-24" of today in Amsterdam, shifted by whole days. */
function amsterdamDay(offsetDays: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  return new Date(Date.parse(`${parts}T12:00:00Z`) + offsetDays * 86_400_000).toISOString().slice(0, 10);
}
const weekdayToday = (new Date(`${amsterdamDay(0)}T12:00:00Z`).getUTCDay() + 6) % 7; // 0 = Monday
// Wednesdays of next and last week: in the future and in the past whatever today is.
const nextWednesday = amsterdamDay(7 - weekdayToday + 2);
const lastWednesday = amsterdamDay(-weekdayToday - 7 + 2);
const lastFriday = amsterdamDay(-weekdayToday - 7 + 4);
const at = (day: string, time: string) => fromLocalInput(`${day}T${time}`)!;
const dutch = (day: string) => day.split('-').reverse().join('-');

let device: ProvisionedDevice;
let preview: RunningPreview;
test.beforeAll(async () => {
  device = await provisionDevice({
    clients: demoClients,
    appointments: [
      { title: 'Huisbezoek wondzorg', startsAt: at(nextWednesday, '09:30'), endsAt: at(nextWednesday, '10:15'), clientIndexes: [0] },
      { title: 'Medicatie controle', startsAt: at(lastWednesday, '14:00'), endsAt: at(lastWednesday, '15:00'), clientIndexes: [1] },
      { title: 'Evaluatiegesprek', startsAt: at(lastFriday, '10:00'), endsAt: at(lastFriday, '11:00'), clientIndexes: [1] },
    ],
  });
  preview = await startPreview({ dataDir: device.dataDir });
});
test.afterAll(async () => {
  await preview.stop();
});

async function openAgenda(page: Page): Promise<void> {
  await openAndUnlock(page, preview.url, device.password);
  await page.getByRole('link', { name: 'Agenda' }).click();
  await expect(page.getByRole('heading', { name: 'Agenda', level: 1 })).toBeVisible();
}

const appointment = (page: Page, title: string) => page.locator('.td-appointment').filter({ hasText: title });

/** Drags with the mouse, in small steps as a hand does, so FullCalendar sees a real drag. */
async function drag(page: Page, from: { x: number; y: number }, dy: number): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x, from.y + dy / 2, { steps: 8 });
  await page.mouse.move(from.x, from.y + dy, { steps: 8 });
  await page.mouse.up();
}

/** Pixels per minute in the week grid, measured from an event of known length. */
async function pixelsPerMinute(event: Locator, minutes: number): Promise<number> {
  const box = (await event.boundingBox())!;
  return box.height / minutes;
}

async function detailsTimes(page: Page, title: string): Promise<{ start: string; end: string }> {
  await appointment(page, title).click();
  const details = page.getByRole('dialog', { name: 'Afspraak' });
  const times = { start: await details.getByRole('textbox', { name: 'Begin' }).inputValue(), end: await details.getByRole('textbox', { name: 'Einde' }).inputValue() };
  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();
  return times;
}

test('drag an appointment to a later time and stretch it; the new times are stored', async ({ page }) => {
  await openAgenda(page);
  await page.getByRole('button', { name: /volgende/i }).click();
  const visit = appointment(page, 'Huisbezoek wondzorg');
  await expect(visit).toContainText('09:30');
  const perMinute = await pixelsPerMinute(visit, 45);

  // Move 09:30–10:15 down by an hour and a half: 11:00–11:45.
  const box = (await visit.boundingBox())!;
  await drag(page, { x: box.x + box.width / 2, y: box.y + 6 }, 90 * perMinute);
  await expect(page.getByText(/Afspraak verplaatst naar .* 11:00/)).toBeVisible();
  await expect(visit).toContainText('11:00');

  // Stretch its end by half an hour: 11:00–12:15.
  const moved = (await visit.boundingBox())!;
  await page.mouse.move(moved.x + moved.width / 2, moved.y + moved.height / 2);
  await drag(page, { x: moved.x + moved.width / 2, y: moved.y + moved.height - 2 }, 30 * perMinute);
  await expect(visit).toContainText('11:00–12:15');
  await visit.hover();
  await expect(visit).toHaveAttribute('title', /^11:00–12:15 · Huisbezoek wondzorg/);
  await saveScreenshot(page, 'agenda-moved');

  // After a reload the times come from the encrypted store, not from the calendar's memory.
  await page.reload();
  await openAgenda(page);
  await page.getByRole('button', { name: /volgende/i }).click();
  await expect(appointment(page, 'Huisbezoek wondzorg')).toContainText('11:00');
  expect(await detailsTimes(page, 'Huisbezoek wondzorg')).toEqual({ start: `${dutch(nextWednesday)} 11:00`, end: `${dutch(nextWednesday)} 12:15` });
});

test('lock the past up to a chosen day; a locked appointment refuses a move and says why', async ({ page }) => {
  await openAgenda(page);
  await page.getByRole('button', { name: 'Verleden vastleggen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Afspraken in het verleden vastleggen?' });
  const through = dialog.getByRole('textbox', { name: 'Vastleggen t/m' });
  await expect(through).toHaveValue(dutch(amsterdamDay(-1)));
  await through.fill(dutch(lastWednesday));
  await through.press('Tab');
  await expectAccessible(page);
  await saveScreenshot(page, 'agenda-lock-past');
  await dialog.getByRole('button', { name: `Vastleggen t/m ${dutch(lastWednesday)}` }).click();
  // Wednesday's visit is locked; Friday's, after the chosen day, is not.
  await expect(page.getByText('1 afspraak vastgelegd')).toBeVisible();

  await page.getByRole('button', { name: /vorige/i }).click();
  const locked = appointment(page, 'Medicatie controle');
  await expect(locked).toContainText('14:00');
  const perMinute = await pixelsPerMinute(locked, 60);
  const box = (await locked.boundingBox())!;
  await drag(page, { x: box.x + box.width / 2, y: box.y + 6 }, 60 * perMinute);
  await expect(page.getByText('Deze afspraak ligt vast en blijft staan. Is hij anders gelopen? Schrijf dat in een rapportage bij de cliënt.')).toBeVisible();
  await expect(locked).toContainText('14:00–15:00');
  await saveScreenshot(page, 'agenda-locked-refused');

  // The appointment after the chosen day still moves.
  const open = appointment(page, 'Evaluatiegesprek');
  const openBox = (await open.boundingBox())!;
  await drag(page, { x: openBox.x + openBox.width / 2, y: openBox.y + 6 }, 60 * perMinute);
  await expect(page.getByText(/Afspraak verplaatst naar .* 11:00/)).toBeVisible();
  await expect(open).toContainText('11:00–12:00');
});
