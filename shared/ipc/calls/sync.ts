import { z } from 'zod';
import { call } from '../define.js';
import { noInput } from './app.js';

/**
 * What the header shows about synchronisation. Until the sync engine lands, `pendingChanges` is
 * the outbox count and `lastSyncAt` stays null; the sync issue extends this with state and errors.
 */
export const syncStatusSchema = z.object({
  online: z.boolean(),
  pendingChanges: z.number().int().nonnegative(),
  lastSyncAt: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const syncCalls = {
  'sync.status': call(noInput, syncStatusSchema),
};
