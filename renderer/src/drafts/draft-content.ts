/**
 * A form's draft holds only the fields the user changed, compared with what the form started
 * from (empty for a new item, the stored values for an edit). So "nothing changed" is "" (no
 * draft), and a restored draft lays the typed fields over a fresh start: a new appointment drafted
 * earlier keeps its title and notes, but takes the time slot just clicked if its times were not
 * touched.
 */
export function changedFieldsDraft<T extends object>(values: T, baseline: T): string {
  const changed = Object.entries(values).filter(([field, value]) => !sameValue(value, (baseline as Record<string, unknown>)[field]));
  return changed.length === 0 ? '' : JSON.stringify(Object.fromEntries(changed));
}

/**
 * The baseline with a stored draft laid over it. Only fields the form still has, with a value of
 * the same shape (a list for a list, a plain value for a plain value), are taken: a draft written
 * by an older version of the app cannot put an object into a text field. The form's own checks
 * still run on save. A draft that is not JSON leaves the baseline as it is.
 */
export function restoreChangedFields<T extends object>(content: string, baseline: T): T {
  let stored: unknown;
  try {
    stored = JSON.parse(content);
  } catch {
    return baseline;
  }
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return baseline;
  const restored = { ...baseline } as Record<string, unknown>;
  for (const [field, value] of Object.entries(stored as Record<string, unknown>)) {
    if (field in baseline && sameKind(value, (baseline as Record<string, unknown>)[field])) restored[field] = value;
  }
  return restored as T;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A list of ids for a list; a plain value (text, number, yes/no, none) for a plain value, as a number field may be empty (''). */
function sameKind(value: unknown, model: unknown): boolean {
  if (Array.isArray(model)) return Array.isArray(value) && value.every((item) => typeof item === 'string');
  return !Array.isArray(model) && isPlain(value) && isPlain(model);
}

function isPlain(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}
