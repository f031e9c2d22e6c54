/**
 * Delay before the next attempt after `failures` failed syncs in a row: exponential from 5 s,
 * capped at 15 minutes, with "full jitter" so devices of a team that lost the network together do
 * not all come back at the same second.
 */
export function backoffMs(failures: number, random: () => number = Math.random): number {
  if (failures <= 0) return 0;
  const ceiling = Math.min(15 * 60_000, 5_000 * 2 ** Math.min(failures - 1, 20));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
