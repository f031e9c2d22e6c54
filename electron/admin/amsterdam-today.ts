/** The calendar day in Europe/Amsterdam: the subscription rules count Dutch calendar days, not the laptop's zone. */
const formatter = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

export function amsterdamToday(now: Date = new Date()): string {
  return formatter.format(now);
}
