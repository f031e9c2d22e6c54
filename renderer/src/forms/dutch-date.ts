/**
 * Typed Dutch dates: "14-09-1947", "14-9-1947", "14.09.1947", "14/9/1947", optionally with a time
 * "14-09-2026 10:30". Returns Mantine's value format ("YYYY-MM-DD" or "YYYY-MM-DD HH:mm:ss"), or
 * null when it is not a real date (31-02 is refused, not rolled over).
 */
export function parseDutchDate(text: string, withTime = false): string | null {
  const match = /^\s*(\d{1,2})[-./](\d{1,2})[-./](\d{4})(?:\s+(\d{1,2})[:.](\d{2}))?\s*$/.exec(text);
  if (!match) return null;
  const [, d, m, y, h, mi] = match;
  const day = Number(d);
  const month = Number(m);
  const year = Number(y);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  const date = `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!withTime) return date;
  const hour = Number(h ?? '0');
  const minute = Number(mi ?? '0');
  if (hour > 23 || minute > 59) return null;
  return `${date} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00`;
}
