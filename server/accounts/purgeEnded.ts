import { and, eq, isNotNull, lt } from 'drizzle-orm';
import type { ServiceContext } from '../context.js';
import { organisations, signInDirectory } from '../db/schema/index.js';

/**
 * SPEC.md §3: when the agreement ends, accounts and data are deleted permanently. Devices first get
 * `graceDays` to learn it from a signed 'ended' lease (and wipe); then the organisation's rows go,
 * every tenant table by ON DELETE CASCADE from organisations.
 */
export async function purgeEndedOrganisations(context: ServiceContext, graceDays: number): Promise<string[]> {
  const before = new Date(context.now().getTime() - graceDays * 24 * 60 * 60 * 1000);
  const ended = await context.database.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(isNotNull(organisations.endedAt), lt(organisations.endedAt, before)));
  for (const { id } of ended) {
    await context.database.db.transaction(async (tx) => {
      await tx.delete(signInDirectory).where(eq(signInDirectory.organisationId, id));
      await tx.delete(organisations).where(eq(organisations.id, id));
    });
    context.log.info({ organisationId: id }, 'organisation purged after the end of its agreement');
  }
  return ended.map(({ id }) => id);
}
