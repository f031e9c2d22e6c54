import { and, eq, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../db/database.js';
import { queryRows } from '../db/raw.js';
import { devices } from '../db/schema/index.js';

/**
 * Retention of the mutation log (`sync_mutations`, docs/sync.md "Idempotency: how long the hub
 * remembers"). The log exists for one case: the hub applied a push but the device never stored
 * the answer (connection lost, app killed), so the device sends the same mutations again. The
 * device retries at its next run, before it pulls — a device's pull therefore proves that it
 * stored every answer given before it. An answer is dropped only when both hold:
 * - it is older than the window (`mutationLogWindowMs`), and
 * - its device pulled at least `pullMarginMs` after it was given, or the device can never push
 *   again (its registration is gone with its user). A revoked device keeps its answers: an
 *   administrator may allow it again before it ever heard of the revocation.
 * A device that stays away keeps its answers for as long as it stays away; what the log then
 * holds is at most that device's last unsettled pushes.
 */
export const mutationLogWindowMs = 30 * 24 * 60 * 60 * 1000;
/** Clock differences between hub instances (answer given by one, pull seen by another). */
export const pullMarginMs = 60 * 60 * 1000;
/** Rows per DELETE: short statements, no long-held locks. */
const batchRows = 5_000;
/** Lock class of the prune job per organisation ("MLOG"). */
const PRUNE_LOCK_CLASS = 0x4d_4c_4f_47;

/** A pull is written down at most this often per device (a sync of many pages is one write). */
export const notePullEveryMs = 60_000;

/**
 * Noted at the start of a pull of a device (never moved back), unless the one noted (`noted`, read
 * with the device's row) is less than a minute old: the stored time is then at most a minute before
 * the device's last pull, which only keeps answers longer — the rule needs a pull an hour after.
 */
export async function notePull(db: Queryable, device: { organisationId: string; userId: string; deviceId: string }, at: Date, noted: Date | null): Promise<void> {
  if (noted && at.getTime() - noted.getTime() >= 0 && at.getTime() - noted.getTime() < notePullEveryMs) return;
  await db
    .update(devices)
    .set({ lastPulledAt: at })
    .where(
      and(
        eq(devices.organisationId, device.organisationId),
        eq(devices.userId, device.userId),
        eq(devices.id, device.deviceId),
        sql`(${devices.lastPulledAt} IS NULL OR ${devices.lastPulledAt} < ${at})`,
      ),
    );
}

export interface PruneOutcome {
  organisations: number;
  /** Organisations another instance was pruning at the same moment (skipped, not waited for). */
  skipped: number;
  deleted: number;
}

/**
 * The prune job. Safe on several instances at once: per organisation a transaction takes a
 * try-lock, so one instance prunes it and the others skip it instead of waiting or deadlocking;
 * the DELETE itself only removes rows that match the rule, so running twice removes nothing more.
 */
export async function pruneMutationLog(db: Db, now: Date): Promise<PruneOutcome> {
  const cutoff = new Date(now.getTime() - mutationLogWindowMs);
  const organisations = await queryRows<{ organisation_id: string }>(
    db,
    sql`SELECT DISTINCT organisation_id FROM sync_mutations WHERE applied_at < ${cutoff}`,
  );
  const outcome: PruneOutcome = { organisations: organisations.length, skipped: 0, deleted: 0 };
  for (const { organisation_id: organisationId } of organisations) {
    for (;;) {
      const step = await db.transaction(async (tx) => {
        const [lock] = await queryRows<{ locked: boolean }>(tx, sql`SELECT pg_try_advisory_xact_lock(${PRUNE_LOCK_CLASS}::int, hashtext(${organisationId})) AS locked`);
        if (!lock?.locked) return null;
        const deleted = await queryRows<{ mutation_id: string }>(
          tx,
          sql`DELETE FROM sync_mutations WHERE organisation_id = ${organisationId} AND mutation_id IN (
                SELECT m.mutation_id FROM sync_mutations m
                LEFT JOIN devices d ON d.organisation_id = m.organisation_id AND d.user_id = m.user_id AND d.id = m.device_id
                WHERE m.organisation_id = ${organisationId} AND m.applied_at < ${cutoff}
                  AND (d.id IS NULL OR d.last_pulled_at > m.applied_at + ${`${pullMarginMs} milliseconds`}::interval)
                LIMIT ${batchRows})
              RETURNING mutation_id`,
        );
        return deleted.length;
      });
      if (step === null) {
        outcome.skipped += 1;
        break;
      }
      outcome.deleted += step;
      if (step < batchRows) break;
    }
  }
  return outcome;
}
