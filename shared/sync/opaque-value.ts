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
  // Most field values are short strings, numbers, booleans or null: checked without the walk and
  // without serialising them (a pull page checks ~15 of them per row; the walk and the
  // JSON.stringify were most of the hub's response check and of the device's page check).
  if (value === null || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : 'not a finite number';
  if (typeof value === 'string') return stringTooLarge(value) ? `larger than ${syncLimits.fieldValueJsonChars} characters` : null;
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

/** JSON text of a string is its length plus quotes at least, and at most 6 characters per character (\\uXXXX). */
function stringTooLarge(value: string): boolean {
  const limit = syncLimits.fieldValueJsonChars;
  if (value.length * 6 + 2 <= limit) return false;
  if (value.length + 2 > limit) return true;
  return JSON.stringify(value).length > limit;
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
