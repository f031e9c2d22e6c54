import { z } from 'zod';
import { call } from '../define.js';
import { noInput } from './app.js';

/** Why sync stopped, each with what the person can do (docs/sync.md "On the device: what the user sees"). */
export const syncProblemSchema = z.object({
  code: z.enum(['unreachable', 'session_expired', 'device_revoked', 'licence', 'clock_wrong', 'other_server', 'server_error']),
  /** English, for logs; the renderer shows `sync.problem.<code>` with the advice. */
  message: z.string(),
  /** When the next automatic attempt is (back-off), if one is planned. */
  retryAt: z.string().nullable(),
});
export type SyncProblem = z.infer<typeof syncProblemSchema>;

export const syncProgressSchema = z.object({
  phase: z.enum(['push', 'pull', 'access-log']),
  pushed: z.number().int().nonnegative(),
  pulled: z.number().int().nonnegative(),
  /** 0–1 when known, else null (an indeterminate bar). */
  fraction: z.number().min(0).max(1).nullable(),
  secondsLeft: z.number().nonnegative().nullable(),
});
export type SyncProgress = z.infer<typeof syncProgressSchema>;

/**
 * What the header shows about synchronisation. `pendingChanges` is the outbox count (changes not
 * yet uploaded), `lastSyncAt` the last pull that reached the end.
 */
export const syncStatusSchema = z.object({
  online: z.boolean(),
  pendingChanges: z.number().int().nonnegative(),
  lastSyncAt: z.string().nullable(),
  state: z.enum(['idle', 'syncing', 'offline', 'error']).default('idle'),
  progress: syncProgressSchema.nullable().default(null),
  problem: syncProblemSchema.nullable().default(null),
  /** Open narrative conflicts (both versions kept) waiting for a person. */
  openConflicts: z.number().int().nonnegative().default(0),
  /** Changes the central service refused whose text waits on this device (e.g. "add as addendum"). */
  refusedChanges: z.number().int().nonnegative().default(0),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/** A change the central service refused, with its text, kept on this device until handled. */
export const refusedChangeSchema = z.object({
  mutationId: z.string(),
  table: z.string(),
  rowId: z.string(),
  clientId: z.string().nullable(),
  /** The dossier's name when it is still on this device (the refused-changes screen shows it). */
  clientName: z.string().nullable().default(null),
  reason: z.string(),
  /** add_addendum · review_and_redo · contact_administrator · fix_clock · report_problem */
  action: z.string(),
  message: z.string(),
  rejectedAt: z.string(),
  /** The values the person typed, per field (the report text is `body`). */
  values: z.record(z.string(), z.unknown()),
});
export type RefusedChange = z.infer<typeof refusedChangeSchema>;

export const syncCalls = {
  'sync.status': call(noInput, syncStatusSchema),
  /** Sync now (the "sync now" button, and the sign-out warning's offer). */
  'sync.now': call(noInput, syncStatusSchema),
  'sync.refusedChanges': call(noInput, z.object({ items: z.array(refusedChangeSchema) })),
  /** The person dealt with a refused change (added it as an addendum, or let it go); it stays recorded. */
  'sync.markRefusedHandled': call(z.object({ mutationId: z.string().max(64) }).strict(), z.object({ ok: z.literal(true) })),
};

export const syncEvents = {
  'sync.changed': syncStatusSchema,
};
