import { and, eq, isNull } from 'drizzle-orm';
import { dossierAccessGrantSchema, type DossierAccess, type DossierAccessGrant, type DossierRights } from '../../shared/domain/dossier-access.js';
import { idSchema } from '../../shared/domain/common.js';
import { clients, dossierAccess, users } from './schema.js';
import type { Scope } from './scope.js';
import { notFound, validate } from './validate.js';

/**
 * Who may open which dossier. Only owners and administrators grant or revoke; every change is an
 * access-log entry on the client it concerns (so the Wabvpz overview shows who was let in).
 */
export class DossierAccessRepository {
  constructor(private readonly scope: Scope) {}

  grant(input: DossierAccessGrant): DossierAccess {
    const data = validate(dossierAccessGrantSchema, input);
    return this.scope.transact((actor) => {
      const refusal = { action: 'U' as const, event: 'access.grant', clientId: data.clientId, objectType: 'dossier-access', objectId: data.userId };
      const { rights, orm, writer } = this.scope.services;
      rights.requireAdministrator(actor, refusal);
      const client = orm.select({ organisationId: clients.organisationId }).from(clients).where(and(eq(clients.id, data.clientId), isNull(clients.deletedAt))).get();
      if (!client || client.organisationId !== actor.organisationId) throw notFound('Deze cliënt');
      const user = orm.select({ organisationId: users.organisationId }).from(users).where(eq(users.id, data.userId)).get();
      if (!user || user.organisationId !== actor.organisationId) throw notFound('Deze gebruiker');
      const existing = orm.select().from(dossierAccess).where(and(eq(dossierAccess.clientId, data.clientId), eq(dossierAccess.userId, data.userId))).get();
      const fields = { ...data.rights };
      let id: string;
      if (existing) {
        id = existing.id;
        writer.update(dossierAccess, existing, existing.deletedAt ? { ...fields, deletedAt: null } : fields, data.clientId);
      } else {
        id = writer.insert(dossierAccess, actor.organisationId, { clientId: data.clientId, userId: data.userId, ...fields }, data.clientId).id;
      }
      this.scope.audit(actor, 'U', 'access.grant', data.clientId, 'dossier-access', data.userId, describe(data.rights));
      return orm.select().from(dossierAccess).where(eq(dossierAccess.id, id)).get() as DossierAccess;
    });
  }

  revoke(clientId: string, userId: string): void {
    this.grant({ clientId, userId, rights: { canRead: false, canEdit: false, canSignOff: false } });
  }

  /** Who has access to this dossier: administrators and anyone who may read it may see the list. */
  listForClient(clientId: string): DossierAccess[] {
    validate(idSchema, clientId);
    return this.scope.read((actor) => {
      const { rights, orm } = this.scope.services;
      const refusal = { action: 'R' as const, event: 'access.list', clientId, objectType: 'dossier-access', objectId: null };
      if (!rights.dossier(actor.userId, clientId).canRead) rights.requireAdministrator(actor, refusal);
      const rows = orm.select().from(dossierAccess).where(and(eq(dossierAccess.clientId, clientId), isNull(dossierAccess.deletedAt))).all() as DossierAccess[];
      return rows.filter((r) => r.organisationId === actor.organisationId && r.canRead);
    });
  }

  /** The acting user's own rights on a dossier (for the UI to show or hide actions). */
  myRights(clientId: string): DossierRights {
    validate(idSchema, clientId);
    return this.scope.read((actor) => this.scope.services.rights.dossier(actor.userId, clientId));
  }
}

function describe(rights: DossierRights): string {
  return [rights.canRead && 'lezen', rights.canEdit && 'wijzigen', rights.canSignOff && 'aftekenen'].filter(Boolean).join(',') || 'ingetrokken';
}
