import { z } from 'zod';
import { syncLimits } from './limits.js';

/** A field name: the domain (camelCase) names of shared/domain and the store's outbox. */
export const fieldNamePattern = /^[a-z][A-Za-z0-9]*$/;

export const fieldNameSchema = z.string().max(syncLimits.fieldNameChars).regex(fieldNamePattern, 'not a field name');

/**
 * A field → value map with at most `fieldsPerMutation` keys (z.record alone has no bound).
 *
 * Why not z.record alone: a pull page carries two such maps per row (values and clocks, ~12
 * entries each), and z.record's per-entry checks cost ~30 µs a row, most of the device's check of
 * a page and more than writing the row. A plain loop with the same rules (`valueOk` must accept
 * exactly what `valueSchema` accepts, or less) lets a valid map through; a map the loop refuses
 * gets z.record's own verdict and its detailed issues, so the schema never accepts more than
 * z.record would (field-map.test.ts compares the two on random maps).
 */
export function fieldMap<T extends z.ZodType>(valueSchema: T, valueOk: (value: unknown) => boolean) {
  const detailed = z.record(fieldNameSchema, valueSchema).refine((map) => Object.keys(map).length <= syncLimits.fieldsPerMutation, {
    message: `more than ${syncLimits.fieldsPerMutation} fields`,
  });
  return z.custom<z.output<typeof detailed>>().superRefine((value, ctx) => {
    if (isFieldMapOf(value, valueOk)) return;
    const verdict = detailed.safeParse(value);
    if (verdict.success) return;
    for (const issue of verdict.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  });
}

/** The loop behind `fieldMap`: true only for a map z.record with the field-count bound accepts. */
export function isFieldMapOf(value: unknown, valueOk: (value: unknown) => boolean): boolean {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;
  const map = value as Record<string, unknown>;
  const keys = Object.keys(map);
  if (keys.length > syncLimits.fieldsPerMutation) return false;
  for (const key of keys) {
    if (key.length > syncLimits.fieldNameChars || !fieldNamePattern.test(key) || !valueOk(map[key])) return false;
  }
  return true;
}
