import { syncPullResponseSchema } from '../../shared/api/sync.js';
import type { SignedLease } from '../../shared/licence/lease.js';
import { z } from 'zod';
import { syncLimits } from '../../shared/sync/limits.js';
import { historyEntrySchema } from '../../shared/sync/protocol.js';
import { isSyncTableName } from '../../shared/sync/tables.js';
import type { PullPage, ServedChange } from './pull.js';

/**
 * The pull answer as JSON text (the wire's syncPullResponseSchema). Checking a page of 5,000 rows
 * with zod and serialising it again cost the hub ~250 ms of CPU per page, more than reading it:
 * so zod checks everything but the rows' values and clocks (server, cursor, conflicts, purges,
 * history, lease), and the rows are written from their columns with values and clocks as the
 * JSON text the hub stored. That text was checked by zod when it came in (a push's mutation, or
 * the hub's own publishHubRow), so it is checked once, not on every pull; the device checks the
 * whole page again on its side.
 */
export function pullAnswerJson(page: PullPage, organisationId: string, lease: SignedLease): string {
  const { changes, ...envelope } = page;
  if (changes.length > syncLimits.pullLimitMax) throw new Error(`a pull page of ${changes.length} rows is over the limit`);
  const { changes: none, ...checked } = syncPullResponseSchema.parse({ ...envelope, changes: [], lease });
  void none;
  const organisation = JSON.stringify(organisationId);
  const rows = changes.map((change) => changeJson(change, organisation));
  return `{"changes":[${rows.join(',')}],${JSON.stringify(checked).slice(1)}`;
}

const historySchema = z.array(historyEntrySchema).max(syncLimits.historyPerChange);

/** One row change as JSON; its column values are checked cheaply (they are typed columns). */
function changeJson(change: ServedChange, organisation: string): string {
  if (!Number.isSafeInteger(change.seq) || change.seq < 0 || !isSyncTableName(change.table)) throw new Error(`a stored row has no valid seq or table: ${change.seq} ${change.table}`);
  const history = change.history ? `,"history":${JSON.stringify(historySchema.parse(change.history))}` : '';
  return (
    `{"seq":${change.seq},"table":"${change.table}","rowId":${JSON.stringify(change.rowId)},"organisationId":${organisation},` +
    `"clientId":${JSON.stringify(change.clientId)},"values":${change.valuesJson},"clocks":${change.clocksJson}${history}}`
  );
}
