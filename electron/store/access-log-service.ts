import { summariseAccess, type AccessLogEntry, type AccessSummary } from '../../shared/domain/access-log.js';
import type { ChainVerdict } from '../audit/access-log.js';
import { idSchema } from '../../shared/domain/common.js';
import type { ClientGuard } from './client-guard.js';
import type { Scope } from './scope.js';
import { validate } from './validate.js';

/** The access log as users see it: the per-client overview, export records, and the chain check. */
export class AccessLogService {
  constructor(
    private readonly scope: Scope,
    private readonly clients: ClientGuard,
  ) {}

  /**
   * "Who accessed this client's dossier" (Wabvpz): for administrators and for users with sign-off
   * rights on the dossier (the responsible practitioner), since the client asks the organisation.
   * Looking at the overview is itself logged.
   */
  forClient(clientId: string): AccessLogEntry[] {
    validate(idSchema, clientId);
    return this.scope.read((actor) => {
      const { rights, log } = this.scope.services;
      const refusal = { action: 'R' as const, event: 'accesslog.read', clientId, objectType: 'access-log', objectId: null };
      if (!rights.dossier(actor.userId, clientId).canSignOff) rights.requireAdministrator(actor, refusal);
      const entries = log.entriesForClient(clientId).filter((e) => e.organisationId === actor.organisationId);
      this.scope.audit(actor, 'R', 'accesslog.read', clientId, 'access-log', null, `${entries.length}`);
      return entries;
    });
  }

  /** The same overview grouped per person (who, how often, first and last access). */
  summaryForClient(clientId: string): AccessSummary[] {
    return summariseAccess(this.forClient(clientId));
  }

  /**
   * Called by the export feature before it writes a file: checks read rights on every dossier and
   * records one 'E' entry per client, all or nothing.
   */
  recordExport(clientIds: string[], format: 'docx' | 'xlsx' | 'zip'): void {
    for (const id of clientIds) validate(idSchema, id);
    this.scope.transact((actor) => {
      for (const clientId of clientIds) {
        this.clients.require(actor, clientId, 'read', `export.${format}`, 'E');
        this.scope.audit(actor, 'E', `export.${format}`, clientId, 'dossier', clientId);
      }
    });
  }

  /**
   * An export that was refused (licence blocked or expired, no right to the dossier): one 'E' entry
   * with outcome 'refused' and the reason, so attempts are on record too (NEN 7513). `clientId` is
   * the dossier asked for, or null for an export of all dossiers.
   */
  recordRefusedExport(clientId: string | null, format: 'docx' | 'xlsx' | 'zip', reason: string): void {
    if (clientId !== null) validate(idSchema, clientId);
    this.scope.transact((actor) => {
      this.scope.services.log.append({
        organisationId: actor.organisationId,
        userId: actor.userId,
        onBehalfOf: actor.onBehalfOf,
        action: 'E',
        event: `export.${format}`,
        clientId,
        objectType: clientId === null ? 'export' : 'dossier',
        objectId: clientId,
        outcome: 'refused',
        reason,
      });
    });
  }

  /** Checks the hash chain of the whole local log (administrators). */
  verifyChain(): ChainVerdict {
    return this.scope.read((actor) => {
      this.scope.services.rights.requireAdministrator(actor, { action: 'R', event: 'accesslog.verify', clientId: null, objectType: 'access-log', objectId: null });
      return this.scope.services.log.verifyChain();
    });
  }
}
