/**
 * Dates and times as a Dutch practitioner reads them: day-month-year, 24-hour clock, always in
 * Europe/Amsterdam (SPEC: dates and times in Europe/Amsterdam), whatever the laptop's own zone.
 */
export const TIME_ZONE = 'Europe/Amsterdam';

function locale(language: string): string {
  return language === 'en' ? 'en-GB' : 'nl-NL';
}

/** "1941-03-12" → "12-03-1941" (a calendar date has no zone; never shift it through one). */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return y && m && d ? `${d}-${m}-${y}` : isoDate;
}

export function formatDateTime(iso: string | null | undefined, language = 'nl'): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale(language), {
    timeZone: TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })
    .format(new Date(iso))
    .replace(',', '');
}

/** "dinsdag 24 november 2026" style, for timeline group headings. */
export function formatLongDate(iso: string, language = 'nl'): string {
  const text = new Intl.DateTimeFormat(locale(language), { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
  // A heading starts with a capital; the month stays lower case, as Dutch writes it.
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function formatTime(iso: string, language = 'nl'): string {
  return new Intl.DateTimeFormat(locale(language), { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/** Wall-clock parts of an instant in Amsterdam. */
function amsterdamParts(date: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

/** An instant as the value of an <input type="datetime-local">, in Amsterdam time. */
export function toLocalInput(iso: string): string {
  const p = amsterdamParts(new Date(iso));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** The calendar date (Amsterdam) of an instant: "2026-11-24". */
export function toIsoDate(iso: string): string {
  const p = amsterdamParts(new Date(iso));
  return `${p.year}-${p.month}-${p.day}`;
}

/**
 * "2026-11-24T10:30" meant in Amsterdam → ISO instant. The offset is found by asking what wall
 * time a first guess shows and correcting by the difference (twice covers DST changes).
 */
export function fromLocalInput(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wanted = Date.UTC(y, mo - 1, d, h, mi);
  let guess = wanted;
  for (let i = 0; i < 2; i++) {
    const p = amsterdamParts(new Date(guess));
    const shown = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
    guess += wanted - shown;
  }
  return new Date(guess).toISOString();
}

export function nowLocalInput(): string {
  return toLocalInput(new Date().toISOString());
}

/** A count with the language's thousands separator: 10.000 in Dutch, 10,000 in English. */
export function formatCount(count: number, language = 'nl'): string {
  return new Intl.NumberFormat(locale(language)).format(count);
}

export function formatBytes(bytes: number, language = 'nl'): string {
  const n = new Intl.NumberFormat(locale(language), { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${n.format(bytes / 1024)} kB`;
  return `${n.format(bytes / (1024 * 1024))} MB`;
}
