/** The calendar date in Europe/Amsterdam (the terms' dates are Dutch dates), 'YYYY-MM-DD'. */
const formatter = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

export function amsterdamDate(instant: Date): string {
  return formatter.format(instant);
}

const hourFormatter = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', hourCycle: 'h23' });

/** The instant a calendar day begins in Europe/Amsterdam (CET or CEST, whichever holds that day). */
export function amsterdamMidnight(date: string): Date {
  for (const offset of ['+01:00', '+02:00']) {
    const candidate = new Date(`${date}T00:00:00${offset}`);
    if (amsterdamDate(candidate) === date && hourFormatter.format(candidate) === '00') return candidate;
  }
  throw new RangeError(`no midnight found for ${date}`);
}
