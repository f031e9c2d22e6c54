/** The calendar date in Europe/Amsterdam (the terms' dates are Dutch dates), 'YYYY-MM-DD'. */
const formatter = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

export function amsterdamDate(instant: Date): string {
  return formatter.format(instant);
}
