import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { RemovalCaseView } from '../../shared/api/retention.js';
import {
  approveDestruction,
  carriedOutOnServer,
  dossiersDueForDestructionOffer,
  keepLonger,
  offerDestruction,
  purgedOnDevice,
  recordDeletionRequest,
  recordLegalException,
  RemovalRuleError,
  removalStatus,
  type Actor,
  type KeepLongerReason,
  type LegalExceptionReason,
  type RemovalCase,
} from '../../shared/retention/index.js';
import type { ServiceContext } from '../context.js';
import type { Tx } from '../db/database.js';
import { queryRows } from '../db/raw.js';
import type { Caller } from '../http/authenticate.js';
import { conflict, forbidden, notFound } from '../http/httpError.js';
import { amsterdamDate } from '../subscription/today.js';
import { loadRow } from '../sync/rowStore.js';
import { lockOrganisation, readHead, SequenceAllocator } from '../sync/sequence.js';
import { casesAwaitingDevice, caseView, listCases, loadCaseForUpdate, saveStep } from './caseStore.js';
import { closedDossierFacts } from './dossierFacts.js';
import { removeDossierFromHub } from './removeDossier.js';

/**
 * Retention and deletion on the server (SPEC §4, shared/retention/README.md "Wiring"): the pure
 * rules decide, this applies them in one transaction each, with the audit entries they return.
 */

const actorOf = (caller: Caller): Actor => ({ userId: caller.userId, role: caller.role });

async function ruled<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RemovalRuleError) throw error.code === 'forbidden' ? forbidden(error.message) : conflict(error.message);
    throw error;
  }
}

export async function removalCaseViews(context: ServiceContext, organisationId: string): Promise<RemovalCaseView[]> {
  const today = amsterdamDate(context.now());
  return (await listCases(context.database.db, organisationId)).map((stored) => caseView(stored, today));
}

/** A client's deletion request (art. 7:455): recorded now; carried out by an administrator within the month. */
export async function requestDeletion(context: ServiceContext, caller: Caller, input: { clientId: string; receivedOn: string }): Promise<RemovalCaseView> {
  const now = context.now();
  return ruled(() =>
    context.database.db.transaction(async (tx) => {
      const client = await loadRow(tx, caller.organisationId, 'clients', input.clientId);
      if (!client || client.deleted) throw notFound('Dossier');
      const step = recordDeletionRequest({ id: uuidv7(), organisationId: caller.organisationId, clientId: input.clientId, receivedOn: input.receivedOn, recordedBy: actorOf(caller), at: now.toISOString() });
      const [live] = await queryRows<{ id: string }>(
        tx,
        sql`SELECT id FROM removal_cases WHERE organisation_id = ${caller.organisationId} AND client_id = ${input.clientId} AND state IN ('open', 'awaiting_decision', 'approved') FOR UPDATE`,
      );
      if (live) throw conflict('There is already a removal case for this dossier.');
      await saveStep(tx, step, now);
      return caseView({ removal: step.removal, purgeSeq: null }, amsterdamDate(now));
    }),
  );
}

export async function recordException(context: ServiceContext, caller: Caller, caseId: string, reason: LegalExceptionReason): Promise<RemovalCaseView> {
  return decide(context, caller, caseId, (removal, at) => recordLegalException(removal, { by: actorOf(caller), reason, at }));
}

export async function keepCaseLonger(context: ServiceContext, caller: Caller, caseId: string, input: { reason: KeepLongerReason; until: string }): Promise<RemovalCaseView> {
  const today = amsterdamDate(context.now());
  return decide(context, caller, caseId, (removal, at) => keepLonger(removal, { by: actorOf(caller), reason: input.reason, until: input.until, today, at }));
}

/** Carries out an open deletion request: the dossier leaves the server now and every device at its next sync. */
export async function carryOutRequest(context: ServiceContext, caller: Caller, caseId: string): Promise<RemovalCaseView> {
  if (caller.role !== 'owner' && caller.role !== 'admin') throw forbidden('Only an administrator carries out a deletion.');
  return removeNow(context, caller.organisationId, caseId, (removal) => {
    if (removal.kind !== 'client_request') throw new RemovalRuleError('conflict', 'Een vernietigingsvoorstel wordt uitgevoerd door het goed te keuren.');
    return null;
  });
}

/** Approves a destruction offer and carries it out in the same transaction. */
export async function approveAndDestroy(context: ServiceContext, caller: Caller, caseId: string): Promise<RemovalCaseView> {
  return removeNow(context, caller.organisationId, caseId, (removal, at) => approveDestruction(removal, { by: actorOf(caller), at }));
}

async function decide(context: ServiceContext, caller: Caller, caseId: string, transition: (removal: RemovalCase, at: string) => ReturnType<typeof keepLonger>): Promise<RemovalCaseView> {
  const now = context.now();
  return ruled(() =>
    context.database.db.transaction(async (tx) => {
      const stored = await loadCaseForUpdate(tx, caller.organisationId, caseId);
      const step = transition(stored.removal, now.toISOString());
      await saveStep(tx, step, now);
      return caseView({ removal: step.removal, purgeSeq: stored.purgeSeq }, amsterdamDate(now));
    }),
  );
}

/**
 * One transaction under the organisation's sync lock: an optional first step (approval), then the
 * hub removes the dossier and queues the devices' purges; the case forgets the client.
 */
async function removeNow(
  context: ServiceContext,
  organisationId: string,
  caseId: string,
  first: (removal: RemovalCase, at: string) => ReturnType<typeof approveDestruction> | null,
): Promise<RemovalCaseView> {
  const now = context.now();
  const at = now.toISOString();
  const today = amsterdamDate(now);
  return ruled(() =>
    context.database.db.transaction(async (tx) => {
      await lockOrganisation(tx, organisationId);
      const stored = await loadCaseForUpdate(tx, organisationId, caseId);
      const approved = first(stored.removal, at);
      if (approved) await saveStep(tx, approved, now);
      const removal = approved?.removal ?? stored.removal;
      if (removal.clientId === null) throw conflict('This dossier was removed already.');
      const step = await carryOut(tx, removal, now);
      return caseView({ removal: step.removal, purgeSeq: null }, today);
    }),
  );
}

async function carryOut(tx: Tx, removal: RemovalCase, now: Date) {
  const sequence = new SequenceAllocator((await readHead(tx, removal.organisationId)).head);
  const hub = await removeDossierFromHub(tx, removal.organisationId, removal.clientId!, sequence);
  const step = carriedOutOnServer(removal, { on: amsterdamDate(now), at: now.toISOString(), devices: hub.devices, removedRecords: hub.removedRecords });
  await sequence.flush(tx, removal.organisationId);
  await saveStep(tx, step, now, sequence.head);
  return step;
}

/**
 * A device pulled with a cursor at or past the purges of a removal: it applied them (the device
 * stores its cursor in the transaction that applies a page). Confirms it on every such case.
 */
export async function confirmDevicePurges(context: ServiceContext, organisationId: string, deviceId: string, cursorSeq: number | null): Promise<void> {
  if (cursorSeq === null) return;
  const waiting = await casesAwaitingDevice(context.database.db, organisationId, deviceId);
  const due = waiting.filter((stored) => stored.purgeSeq !== null && cursorSeq >= stored.purgeSeq);
  if (due.length === 0) return;
  const now = context.now();
  await context.database.db.transaction(async (tx) => {
    for (const { removal } of due) {
      const current = await loadCaseForUpdate(tx, organisationId, removal.id);
      const step = purgedOnDevice(current.removal, { deviceId, at: now.toISOString() });
      if (step.audit.length > 0) await saveStep(tx, step, now);
    }
  });
}

export interface RetentionRun {
  offered: number;
  overdueRequests: number;
}

/**
 * The daily job: closed dossiers twenty years past their last change are offered to an
 * administrator (never destroyed by themselves), and overdue deletion requests are reported.
 * Safe on several instances at once: each organisation is handled under its sync lock, an
 * existing live case is never offered again, and the unique index on live cases backs that up.
 */
export async function runRetention(context: ServiceContext): Promise<RetentionRun> {
  const now = context.now();
  const today = amsterdamDate(now);
  const organisations = await queryRows<{ id: string }>(context.database.db, sql`SELECT id FROM organisations ORDER BY id`);
  const run: RetentionRun = { offered: 0, overdueRequests: 0 };
  for (const { id: organisationId } of organisations) {
    run.offered += await context.database.db.transaction(async (tx) => {
      await lockOrganisation(tx, organisationId);
      const facts = await closedDossierFacts(tx, organisationId);
      let offered = 0;
      for (const { dossier } of dossiersDueForDestructionOffer(facts, today)) {
        if (dossier.hasLiveCase) continue;
        const step = offerDestruction({ id: uuidv7(), organisationId, clientId: dossier.id, offeredOn: today, at: now.toISOString() });
        await saveStep(tx, step, now);
        offered += 1;
      }
      return offered;
    });
    for (const stored of await listCases(context.database.db, organisationId)) {
      if (removalStatus(stored.removal, today).overdue) run.overdueRequests += 1;
    }
  }
  if (run.overdueRequests > 0) context.log.warn({ overdueRequests: run.overdueRequests }, 'deletion requests past their deadline');
  return run;
}
