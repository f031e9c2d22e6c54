import { z } from 'zod';

/** NEN 7513 action codes: Create, Read, Update, Delete, Export. */
export const accessActions = ['C', 'R', 'U', 'D', 'E'] as const;
export const accessActionSchema = z.enum(accessActions);
export type AccessAction = z.infer<typeof accessActionSchema>;

export const accessOutcomeSchema = z.enum(['success', 'refused']);
export type AccessOutcome = z.infer<typeof accessOutcomeSchema>;

/** One line of the access log as the overview "who accessed this dossier" shows it. */
export const accessLogEntrySchema = z.object({
  seq: z.number().int(),
  id: z.string(),
  /** ISO 8601 in UTC, to the second, as NEN 7513 asks. */
  at: z.string(),
  organisationId: z.string(),
  userId: z.string(),
  userName: z.string().nullable(),
  onBehalfOf: z.string().nullable(),
  action: accessActionSchema,
  event: z.string(),
  clientId: z.string().nullable(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  outcome: accessOutcomeSchema,
  reason: z.string().nullable(),
  deviceId: z.string(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AccessLogEntry = z.infer<typeof accessLogEntrySchema>;

/** The Wabvpz overview in short: per person, what they did in this dossier and when (first/last). */
export const accessSummarySchema = z.object({
  userId: z.string(),
  userName: z.string().nullable(),
  counts: z.partialRecord(accessActionSchema, z.number().int()),
  refused: z.number().int(),
  firstAt: z.string(),
  lastAt: z.string(),
});
export type AccessSummary = z.infer<typeof accessSummarySchema>;

/** Pure: groups log entries per user, most recent access first. */
export function summariseAccess(entries: readonly AccessLogEntry[]): AccessSummary[] {
  const byUser = new Map<string, AccessSummary>();
  for (const entry of entries) {
    let summary = byUser.get(entry.userId);
    if (!summary) {
      summary = { userId: entry.userId, userName: entry.userName, counts: {}, refused: 0, firstAt: entry.at, lastAt: entry.at };
      byUser.set(entry.userId, summary);
    }
    if (entry.outcome === 'refused') summary.refused++;
    else summary.counts[entry.action] = (summary.counts[entry.action] ?? 0) + 1;
    if (entry.at < summary.firstAt) summary.firstAt = entry.at;
    if (entry.at > summary.lastAt) summary.lastAt = entry.at;
  }
  return [...byUser.values()].sort((a, b) => (a.lastAt < b.lastAt ? 1 : a.lastAt > b.lastAt ? -1 : 0));
}
