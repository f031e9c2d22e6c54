import { z } from 'zod';

/** Units of a time registration or allocation (SPEC §1), as the municipality messages name them. */
export const units = ['minuut', 'uur', 'dagdeel', 'etmaal', 'week', 'stuks', 'euro'] as const;
export const unitSchema = z.enum(units, { error: 'Kies een eenheid: minuut, uur, dagdeel, etmaal, week, stuks of euro' });
export type Unit = z.infer<typeof unitSchema>;

export const unitLabels: Record<Unit, string> = {
  minuut: 'minuten',
  uur: 'uren',
  dagdeel: 'dagdelen',
  etmaal: 'etmalen',
  week: 'weken',
  stuks: 'stuks',
  euro: 'euro',
};

/** Euro amounts are counted in cents, time in whole units: no floating-point money. */
export function amountProblem(unit: Unit, amount: number): string | null {
  if (!Number.isFinite(amount) || amount <= 0) return 'Het aantal moet groter zijn dan 0';
  if (!Number.isInteger(amount)) {
    return unit === 'euro' ? 'Een bedrag in euro wordt in centen vastgelegd (een heel getal)' : 'Het aantal moet een heel getal zijn';
  }
  return null;
}
