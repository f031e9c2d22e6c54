import { normaliseBsn } from '../../shared/domain/bsn.js';

/** What a client search box query is most likely to mean; decides which index answers it. */
export type ClientQuery =
  | { kind: 'all' }
  | { kind: 'bsn'; bsn: string }
  | { kind: 'postcode'; prefix: string }
  | { kind: 'dossierNumber'; prefix: string }
  | { kind: 'name'; match: string };

/**
 * "111222333" → BSN; "1234", "1234 a", "1234AB" → postcode prefix; anything with a dash and digits
 * ("K7Q2-00042", "k7q2-") → dossier number prefix; otherwise a name (prefix match per word).
 */
export function parseClientQuery(raw: string): ClientQuery {
  const query = raw.trim();
  if (query === '') return { kind: 'all' };
  const compact = query.replace(/[\s.]/g, '');
  if (/^\d{8,9}$/.test(compact)) return { kind: 'bsn', bsn: normaliseBsn(compact) };
  const postcode = /^([1-9]\d{3})\s*([a-z]{0,2})$/i.exec(query);
  if (postcode) return { kind: 'postcode', prefix: postcode[2] ? `${postcode[1]} ${postcode[2].toUpperCase()}` : postcode[1]! };
  if (/^[0-9a-z]{4}-\d*$/i.test(query)) return { kind: 'dossierNumber', prefix: query.toUpperCase() };
  const match = ftsPrefixQuery(query);
  return match ? { kind: 'name', match } : { kind: 'all' };
}

/**
 * Builds an FTS5 query from free text without letting the user write FTS syntax: every word
 * becomes a quoted string (quotes doubled), all words must match, the last one as a prefix
 * because people search while typing. Returns null when nothing searchable is left.
 */
export function ftsPrefixQuery(text: string, lastAsPrefix = true): string | null {
  const words = text.normalize('NFC').match(/[\p{L}\p{N}]+/gu)?.slice(0, 12) ?? [];
  if (words.length === 0) return null;
  return words.map((w, i) => `"${w.replace(/"/g, '""')}"${lastAsPrefix && i === words.length - 1 ? '*' : ''}`).join(' ');
}

/** Escapes LIKE wildcards so a prefix is matched literally (used with ESCAPE '\'). */
export function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
