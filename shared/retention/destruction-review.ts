import { isAfter, type IsoDate } from '../subscription/dates.js';
import type { KeepLongerReason } from './retention-audit.js';
import { entry, RemovalRuleError, requireAdministrator, requireState, type Actor, type RemovalCase, type Step } from './removal-case.js';

/**
 * After twenty years (retention-period.ts) a closed dossier is offered to an administrator, never
 * destroyed by itself: the administrator approves destruction, or keeps it longer with a reason
 * and a date (art. 7:454 lid 3), after which it is offered again.
 */
export function offerDestruction(input: { id: string; organisationId: string; clientId: string; offeredOn: IsoDate; at: string }): Step {
  const removal: RemovalCase = {
    id: input.id,
    organisationId: input.organisationId,
    kind: 'retention_ended',
    state: 'awaiting_decision',
    clientId: input.clientId,
    openedOn: input.offeredOn,
    deadline: null,
    reason: null,
    keepUntil: null,
    decidedBy: null,
    carriedOutOn: null,
    devicesToPurge: [],
    devicesPurged: [],
  };
  return { removal, audit: [entry(removal, input.at, 'destruction.offered', null)] };
}

export function approveDestruction(removal: RemovalCase, input: { by: Actor; at: string }): Step {
  requireAdministrator(input.by, 'een dossier laten vernietigen');
  requireState(removal, ['awaiting_decision'], 'vernietiging goedkeuren');
  return { removal: { ...removal, state: 'approved', decidedBy: input.by.userId }, audit: [entry(removal, input.at, 'destruction.approved', input.by.userId)] };
}

/** Keeps the dossier until `until` (inclusive); the retention rule offers it again the day after. */
export function keepLonger(removal: RemovalCase, input: { by: Actor; reason: KeepLongerReason; until: IsoDate; today: IsoDate; at: string }): Step {
  requireAdministrator(input.by, 'een dossier langer bewaren');
  requireState(removal, ['awaiting_decision'], 'langer bewaren');
  if (!isAfter(input.until, input.today)) throw new RemovalRuleError('conflict', 'Kies een datum in de toekomst tot wanneer het dossier bewaard blijft.');
  const next: RemovalCase = { ...removal, state: 'kept_longer', reason: input.reason, keepUntil: input.until, decidedBy: input.by.userId };
  return { removal: next, audit: [entry(removal, input.at, 'destruction.kept_longer', input.by.userId, { reason: input.reason, until: input.until })] };
}
