/**
 * Word matching in JS with the same rules as the FTS5 tokenizer we configured (unicode61,
 * remove_diacritics 2): words are runs of letters and digits, compared without case and accents.
 * Used to search within one dossier, where scanning a few hundred report texts is faster than
 * asking FTS5 to seek a common word's long list once per report (measured 0.8 s p95 at 500k).
 */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const wordPattern = /[\p{L}\p{N}\p{M}]+/gu;

export interface WordQuery {
  /** Folded words; the last is matched as a prefix. */
  words: string[];
}

export function wordQuery(text: string): WordQuery | null {
  const words = (text.normalize('NFC').match(wordPattern) ?? []).slice(0, 12).map(foldWord).filter(Boolean);
  return words.length > 0 ? { words } : null;
}

/** Does `text` contain every query word (the last as a prefix)? Returns the matching word spans, or null. */
export function matchText(text: string, query: WordQuery): Array<{ start: number; end: number }> | null {
  const spans: Array<{ start: number; end: number; word: string }> = [];
  for (const match of text.matchAll(wordPattern)) spans.push({ start: match.index, end: match.index + match[0].length, word: foldWord(match[0]) });
  const last = query.words.length - 1;
  const hits: Array<{ start: number; end: number }> = [];
  for (let i = 0; i <= last; i++) {
    const wanted = query.words[i]!;
    const found = spans.filter((s) => (i === last ? s.word.startsWith(wanted) : s.word === wanted));
    if (found.length === 0) return null;
    hits.push(...found);
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** A piece of text around the first hit with the hits in [brackets], like FTS5 snippet(). */
export function snippetOf(text: string, hits: Array<{ start: number; end: number }>, maxChars = 120): string {
  const first = hits[0];
  if (!first) return text.slice(0, maxChars);
  const from = Math.max(0, first.start - Math.floor(maxChars / 3));
  const to = Math.min(text.length, from + maxChars);
  let out = from > 0 ? '…' : '';
  let cursor = from;
  for (const hit of hits) {
    if (hit.start < from || hit.end > to) continue;
    out += `${text.slice(cursor, hit.start)}[${text.slice(hit.start, hit.end)}]`;
    cursor = hit.end;
  }
  return out + text.slice(cursor, to) + (to < text.length ? '…' : '');
}
