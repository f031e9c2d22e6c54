import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import { z } from 'zod';
import { i18next } from '../i18n/index.js';
import { translateDomainMessage } from './domain-messages.js';
import { emptyToNull } from './empty-to-null.js';

/**
 * A react-hook-form resolver from one of the domain's zod schemas: the form holds text (V), the
 * schema turns it into what the core accepts (O). Empty inputs become null first. The domain's
 * messages are Dutch; each is shown in the user's language (translateDomainMessage), looked up
 * when the form validates, so a language switch applies from the next check on. The cast bridges
 * the form's text types and the schema's input types, which differ only in "" versus null.
 */
export function domainResolver<V extends FieldValues, O>(schema: z.ZodType<O>): Resolver<V, unknown, O> {
  const preprocessed = z.preprocess(emptyToNull, schema);
  const resolve = zodResolver(preprocessed as unknown as z.ZodType<O, V>) as unknown as Resolver<V, unknown, O>;
  return async (values, context, options) => {
    const result = await resolve(values, context, options);
    return { ...result, errors: translateErrors(result.errors) } as typeof result;
  };
}

/** Every message in react-hook-form's (possibly nested) error tree, translated. */
function translateErrors<V extends FieldValues>(errors: FieldErrors<V>): FieldErrors<V> {
  const walk = (node: unknown): unknown => {
    if (node === null || typeof node !== 'object') return node;
    if (Array.isArray(node)) return node.map(walk);
    const entries = Object.entries(node as Record<string, unknown>).map(([key, value]) => {
      if (key === 'ref') return [key, value];
      if (key === 'message' && typeof value === 'string') return [key, translateDomainMessage(value, i18next.t.bind(i18next))];
      return [key, walk(value)];
    });
    return Object.fromEntries(entries);
  };
  return walk(errors) as FieldErrors<V>;
}
