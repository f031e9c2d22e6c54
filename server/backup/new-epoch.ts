import type { RunQuery } from './table-checksums.js';

/**
 * After a restore, every organisation's sync gets a new epoch (docs/sync.md, "Restore from a
 * backup"): the epoch the backup was taken in becomes `restored_from_epoch` and the newest
 * sequence in the backup `epoch_start_seq`. Devices see the change in their next pull, pull from
 * the start and re-offer what the restored hub lost. Returns the number of organisations.
 */
export async function startNewSyncEpoch(query: RunQuery): Promise<number> {
  const [table] = await query<{ present: boolean }>("SELECT to_regclass('public.sync_heads') IS NOT NULL AS present");
  if (!table?.present) return 0; // a backup from before the sync hub: nothing to announce
  const rows = await query<{ organisation_id: string }>(
    'UPDATE sync_heads SET restored_from_epoch = epoch, epoch = gen_random_uuid(), epoch_start_seq = head RETURNING organisation_id',
  );
  return rows.length;
}
