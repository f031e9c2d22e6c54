import { z } from 'zod';
import { syncLimits } from './limits.js';

/**
 * A field value as the hub sees it: any JSON value, never interpreted. The hub compares two values
 * only for equality of their canonical JSON (which works as well for ciphertext in a future E2E
 * mode); content checks (BSN, postcodes, lengths of text) are the device's job.
 */
export type OpaqueValue = null | boolean | number | string | OpaqueValue[] | { [key: string]: OpaqueValue };

/**
 * Checks a value is plain JSON within the depth and size bounds, iteratively (a deeply nested
 * hostile payload must not overflow the stack). Returns a reason, or null when acceptable.
 */
export function opaqueValueProblem(value: unknown): string | null {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (depth > syncLimits.fieldValueDepth) return `nested deeper than ${syncLimits.fieldValueDepth}`;
    if (current === null || typeof current === 'boolean' || typeof current === 'string') continue;
    if (typeof current === 'number') {
      if (!Number.isFinite(current)) return 'not a finite number';
      continue;
    }
    if (Array.isArray(current)) {
      for (const item of current) stack.push({ value: item, depth: depth + 1 });
      continue;
    }
    if (typeof current === 'object' && Object.getPrototypeOf(current) === Object.prototype) {
      for (const item of Object.values(current)) stack.push({ value: item, depth: depth + 1 });
      continue;
    }
    return 'not a JSON value';
  }
  if (JSON.stringify(value).length > syncLimits.fieldValueJsonChars) return `larger than ${syncLimits.fieldValueJsonChars} characters`;
  return null;
}

export const opaqueValueSchema = z.custom<OpaqueValue>().superRefine((value, ctx) => {
  const problem = opaqueValueProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: `field value ${problem}` });
});

/**
 * Canonical JSON (object keys sorted) so that equal values compare equal whatever key order a
 * device serialised. Used for equality only, never to look inside a value.
 */
export function canonicalValue(value: OpaqueValue | undefined): string {
  if (value === undefined) return 'null';
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      return Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return item;
  });
}

export function sameValue(a: OpaqueValue | undefined, b: OpaqueValue | undefined): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (typeof a !== 'object' && typeof b !== 'object') return false;
  return canonicalValue(a) === canonicalValue(b);
}
