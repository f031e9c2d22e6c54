/**
 * Inputs give "" for an empty field; the domain schemas mean "not filled in" by null. Converting
 * first keeps an empty BSN from failing the 11-test, and trims nothing else: the schemas do that.
 */
export function emptyToNull(values: unknown): unknown {
  if (typeof values !== 'object' || values === null) return values;
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, typeof value === 'string' && value.trim() === '' ? null : value]));
}
