import type { z } from 'zod';
import { StoreError } from './store-error.js';

/** Validates input at the store boundary (the IPC layer validates too; the store never trusts it). */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw StoreError.fromZod(result.error);
  return result.data;
}

export function notFound(what: string): StoreError {
  return new StoreError('not_found', `${what} bestaat niet of is verwijderd.`);
}
