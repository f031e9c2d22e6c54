import { clientCreateSchema, clientUpdateSchema, type Client, type ClientCreate, type ClientUpdate } from '../../shared/domain/client.js';
import { idSchema } from '../../shared/domain/common.js';
import type { Actor } from './rights.js';
import { clients, dossierAccess } from './schema.js';
import type { ClientGuard } from './client-guard.js';
import type { Scope } from './scope.js';
import { notFound, validate } from './validate.js';

/** Crockford base32 without I, L, O, U: readable over the phone, no 0/O mix-ups. */
const seriesAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * Client dossiers. Creating one gives its creator read and edit access (a practitioner who
 * registers a client can continue at once); sign-off rights come from an administrator.
 */
export class ClientRepository {
  constructor(
    private readonly scope: Scope,
    private readonly guard: ClientGuard,
  ) {}

  create(input: ClientCreate): Client {
    const data = validate(clientCreateSchema, input);
    return this.scope.transact((actor) => {
      const { writer } = this.scope.services;
      const { id: requestedId, ...fields } = data;
      const dossierNumber = this.nextDossierNumber(actor);
      const { id } = writer.insert(clients, actor.organisationId, { ...fields, dossierNumber }, null, requestedId);
      writer.insert(dossierAccess, actor.organisationId, { clientId: id, userId: actor.userId, canRead: true, canEdit: true, canSignOff: false }, id);
      this.scope.audit(actor, 'C', 'client.create', id, 'client', id);
      return this.guard.load(id)!;
    });
  }

  get(clientId: string): Client {
    validate(idSchema, clientId);
    return this.scope.read((actor) => {
      const client = this.guard.require(actor, clientId, 'read', 'client.read', 'R');
      this.scope.audit(actor, 'R', 'client.read', clientId, 'client', clientId);
      return client;
    });
  }

  update(clientId: string, patch: ClientUpdate): Client {
    validate(idSchema, clientId);
    const data = validate(clientUpdateSchema, patch);
    return this.scope.transact((actor) => {
      const current = this.guard.require(actor, clientId, 'edit', 'client.update', 'U');
      const { changes } = this.scope.services.writer.update(clients, current, data, clientId);
      if (Object.keys(changes).length > 0) this.scope.audit(actor, 'U', 'client.update', clientId, 'client', clientId, Object.keys(changes).join(','));
      return this.guard.load(clientId)!;
    });
  }

  /**
   * Soft delete, administrators only: the dossier leaves every list at once and the delete syncs;
   * the retention rules (WGBO: 20 years) decide on the server when it is really erased.
   */
  delete(clientId: string): void {
    validate(idSchema, clientId);
    this.scope.transact((actor) => {
      const refusal = { action: 'D' as const, event: 'client.delete', clientId, objectType: 'client', objectId: clientId };
      this.scope.services.rights.requireAdministrator(actor, refusal);
      const current = this.guard.load(clientId);
      if (!current || current.organisationId !== actor.organisationId) throw notFound('Deze cliënt');
      this.scope.services.writer.softDelete(clients, current, clientId);
      this.scope.audit(actor, 'D', 'client.delete', clientId, 'client', clientId);
    });
  }

  /** "<series>-<number>", e.g. "K7Q2-00042": unique per organisation without asking the server (see README in index.ts). */
  private nextDossierNumber(actor: Actor): string {
    const { device, db } = this.scope.services;
    const series = device.dossierSeries(() => randomSeries());
    const exists = db.prepare('SELECT 1 FROM clients WHERE organisation_id = ? AND dossier_number = ?').pluck();
    for (;;) {
      const candidate = `${series}-${String(device.nextCounter(`dossier:${actor.organisationId}`)).padStart(5, '0')}`;
      if (!exists.get(actor.organisationId, candidate)) return candidate;
    }
  }
}

function randomSeries(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  return Array.from(bytes, (b) => seriesAlphabet[b % 32]).join('');
}
