/**
 * Size bounds of every sync message. The hub refuses anything larger with reason `too_large` (or a
 * zod issue naming the path) before it touches the database; the device splits its work to fit.
 * Chosen with room for the largest legitimate payload: a 100,000-character report body is at most
 * 400 kB of UTF-8, and about 540 kB once encrypted and base64-encoded in a future E2E mode.
 */
export const syncLimits = {
  /**
   * Mutations in one push request. 2,000 rather than 500: a long offline day goes up in a quarter of
   * the round trips and device commits (bench/sync upload, 25 Nov 2026); a request too large for the
   * body limit is halved by the device (413).
   */
  mutationsPerPush: 2_000,
  /** Changed fields in one mutation (the widest table has 18 user fields, plus the tombstone). */
  fieldsPerMutation: 64,
  /** Characters of one field value once serialised as JSON. */
  fieldValueJsonChars: 1_000_000,
  /** Nesting depth of one field value (arrays of ids are depth 2). */
  fieldValueDepth: 8,
  /** Conflict ids a mutation may resolve at once. */
  resolvesPerMutation: 16,
  /** Characters of a field name. */
  fieldNameChars: 64,
  /** Rows per pull page the device may ask for; the hub may send fewer. */
  pullLimitMax: 5_000,
  /**
   * Rows per pull page the device asks for. Why not the maximum: a page is held three times while
   * it is applied (the JSON text, the parsed rows, the checked rows), and the young objects of a
   * 5,000-row page pushed the device's peak RSS during an initial sync to 192 MB on 200 dossiers /
   * 20,000 reports (222 MB on 2,000 / 200,000; target 200). Pages of 2,000: 153 MB, the same CPU
   * per row (the hub's time per page is nearly all per row: median 116 ms against 231 ms).
   */
  pullPageRows: 2_000,
  /** History entries attached to one pulled row version. */
  historyPerChange: 64,
  /** Conflicts and purges in one pull page. */
  conflictsPerPull: 1_000,
  purgesPerPull: 1_000,
  /** Bytes of one document chunk (the last chunk of a document may be shorter). */
  chunkBytes: 1024 * 1024,
  /** Chunks of one document: 1,024 × 1 MiB = 1 GiB, far above any scanned letter or photo. */
  chunksPerDocument: 1_024,
  /** Access-log entries in one upload batch. */
  accessLogPerUpload: 1_000,
  /** Characters of free text in a rejection message (English, for logs; the UI shows the reason code). */
  messageChars: 500,
  /** Suggested HTTP body limit for a push: mutations × a few large fields, well under memory limits. */
  pushBodyBytes: 16 * 1024 * 1024,
} as const;
