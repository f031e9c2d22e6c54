import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldValues, Resolver } from 'react-hook-form';
import { z } from 'zod';
import { emptyToNull } from './empty-to-null.js';

/**
 * A react-hook-form resolver from one of the domain's zod schemas: the form holds text (V), the
 * schema turns it into what the core accepts (O) with the domain's own Dutch messages. Empty
 * inputs become null first. The cast bridges the form's text types and the schema's input types,
 * which differ only in "" versus null.
 */
export function domainResolver<V extends FieldValues, O>(schema: z.ZodType<O>): Resolver<V, unknown, O> {
  const preprocessed = z.preprocess(emptyToNull, schema);
  return zodResolver(preprocessed as unknown as z.ZodType<O, V>) as unknown as Resolver<V, unknown, O>;
}
