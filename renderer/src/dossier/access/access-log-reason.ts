import type { TFunction } from 'i18next';
import type { AccessLogEntry } from '../../../../shared/domain/access-log.js';

/**
 * The access log keeps a short machine note per line (electron/store: a count, the changed field
 * names, an error code, rights as "lezen,wijzigen", an id). The log itself never changes, so the
 * overview puts that note in the reader's words here: a nurse reads "3 getoond" or "Geen toegang",
 * never "3", "forbidden" or a record id. A note it cannot put in words is left out.
 */
export function accessLogReason(line: Pick<AccessLogEntry, 'event' | 'outcome' | 'reason'>, t: TFunction): string | null {
  const reason = line.reason;
  if (!reason) return null;
  if (line.outcome === 'refused') return known(t, `accessLog.refusals.${reason}`);
  if (/^\d+$/.test(reason)) return t('accessLog.reasonCount', { count: Number(reason) });
  if (line.event === 'access.grant') return rights(t, reason.split(','));
  // "<user id>:rw" — who is named elsewhere; the rights are what the line is about.
  if (line.event === 'report.access') return rights(t, reportRights(reason.slice(reason.lastIndexOf(':') + 1)));
  if (line.event === 'document.read' && reason === 'naar bestand') return t('accessLog.reasonToFile');
  const fieldNamespace = updatedFieldLabels[line.event];
  if (fieldNamespace) {
    const labels = reason.split(',').map((field) => known(t, `${fieldNamespace}.${field}`)).filter((label) => label !== null);
    return labels.length > 0 ? t('accessLog.reasonFields', { fields: labels.join(', ') }) : null;
  }
  return null;
}

/** Where the labels of each kind of record's fields are, for "which fields changed". */
const updatedFieldLabels: Record<string, string> = {
  'client.update': 'client',
  'contact.update': 'contacts',
  'report.update': 'reports',
  'time.update': 'time',
};

const rightWords: Record<string, string> = { lezen: 'access.read', wijzigen: 'access.edit', aftekenen: 'access.signOff', ingetrokken: 'accessLog.rightsWithdrawn' };

function reportRights(code: string): string[] {
  if (code === 'ingetrokken') return [code];
  return [code.includes('r') && 'lezen', code.includes('w') && 'wijzigen'].filter((word) => word !== false);
}

function rights(t: TFunction, words: string[]): string | null {
  const labels = words.map((word) => (rightWords[word] ? t(rightWords[word]) : null)).filter((label) => label !== null);
  return labels.length > 0 ? labels.join(', ') : null;
}

/** The text under a key, or null when there is none. */
function known(t: TFunction, key: string): string | null {
  const text: unknown = t(key, { defaultValue: '' });
  return typeof text === 'string' && text !== '' ? text : null;
}
