import { and, eq, isNull } from 'drizzle-orm';
import type { Client } from '../../shared/domain/client.js';
import type { Actor } from './rights.js';
import { clients } from './schema.js';
import type { Scope } from './scope.js';
import { notFound } from './validate.js';

/**
 * Internal to the store: loads a client row for the other repositories and checks the actor's
 * dossier right on it (a refusal carries what the access log needs). Not on DossierSession: it
 * neither audits nor, for `load`, checks rights.
 */
export class ClientGuard {
  constructor(private readonly scope: Scope) {}

  /** For other repositories: the client row if the actor has `need` on it, else a logged refusal. */
  require(actor: Actor, clientId: string, need: 'read' | 'edit' | 'signOff', event: string, action: 'R' | 'U' | 'C' | 'D' | 'E'): Client {
    const refusal = { action, event, clientId, objectType: 'client', objectId: clientId };
    const client = this.load(clientId);
    // A missing dossier is reported like a forbidden one: no probing for which clients exist.
    if (!client || client.organisationId !== actor.organisationId) {
      this.scope.services.rights.requireDossier(actor, clientId, need, refusal);
      throw notFound('Deze cliënt');
    }
    this.scope.services.rights.requireDossier(actor, clientId, need, refusal);
    return client;
  }

  load(clientId: string): Client | undefined {
    return this.scope.services.orm
      .select()
      .from(clients)
      .where(and(eq(clients.id, clientId), isNull(clients.deletedAt)))
      .get() as Client | undefined;
  }
}
