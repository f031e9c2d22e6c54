import type { IsoDate } from '../subscription/dates.js';
import type { LegalExceptionReason } from './retention-audit.js';
import { deletionDeadline, entry, requireAdministrator, requireState, type Actor, type RemovalCase, type Step } from './removal-case.js';

/**
 * A client's request to destroy their dossier (art. 7:455 BW). Anyone in the organisation who
 * receives it records it (the client should not have to find an administrator); from then the
 * month runs. Only an administrator can stop it, by recording a legal exception (art. 7:455 lid 2).
 */
export function recordDeletionRequest(input: { id: string; organisationId: string; clientId: string; receivedOn: IsoDate; recordedBy: Actor; at: string }): Step {
  const removal: RemovalCase = {
    id: input.id,
    organisationId: input.organisationId,
    kind: 'client_request',
    state: 'open',
    clientId: input.clientId,
    openedOn: input.receivedOn,
    deadline: deletionDeadline(input.receivedOn),
    reason: null,
    keepUntil: null,
    decidedBy: null,
    carriedOutOn: null,
    devicesToPurge: [],
    devicesPurged: [],
  };
  return { removal, audit: [entry(removal, input.at, 'deletion.requested', input.recordedBy.userId, { until: removal.deadline! })] };
}

/** An administrator records why the request is not carried out; the dossier stays. */
export function recordLegalException(removal: RemovalCase, input: { by: Actor; reason: LegalExceptionReason; at: string }): Step {
  requireAdministrator(input.by, 'een wettelijke uitzondering vastleggen');
  requireState(removal, ['open'], 'een uitzondering vastleggen');
  const next: RemovalCase = { ...removal, state: 'exception', reason: input.reason, decidedBy: input.by.userId };
  return { removal: next, audit: [entry(removal, input.at, 'deletion.exception_recorded', input.by.userId, { reason: input.reason })] };
}
