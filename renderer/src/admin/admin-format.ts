/** Money and sizes as a Dutch reader expects them ("€ 119,00", "370 MB"). */
function locale(language: string): string {
  return language === 'en' ? 'en-GB' : 'nl-NL';
}

export function formatEuro(cents: number | null | undefined, language: string): string {
  if (cents === null || cents === undefined) return '';
  return new Intl.NumberFormat(locale(language), { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

const units = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

export function formatBytes(bytes: number, language: string): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = value >= 100 || unit === 0 ? 0 : 1;
  return `${new Intl.NumberFormat(locale(language), { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

/** A calendar date of the subscription rules ("2026-12-31") as "31 december 2026"; never shifted through a zone. */
export function formatCalendarDate(isoDate: string | null | undefined, language: string): string {
  if (!isoDate) return '';
  return new Intl.DateTimeFormat(locale(language), { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${isoDate}T12:00:00Z`));
}
