import { and, eq, isNull } from 'drizzle-orm';
import { idSchema } from '../../shared/domain/common.js';
import { contactCreateSchema, contactUpdateSchema, type Contact, type ContactCreate, type ContactUpdate } from '../../shared/domain/contact.js';
import type { ClientGuard } from './client-guard.js';
import type { Actor } from './rights.js';
import { contacts } from './schema.js';
import type { Scope } from './scope.js';
import { notFound, validate } from './validate.js';

/** Related persons of a client: read with dossier read access, changed with edit access. */
export class ContactRepository {
  constructor(
    private readonly scope: Scope,
    private readonly clients: ClientGuard,
  ) {}

  create(input: ContactCreate): Contact {
    const data = validate(contactCreateSchema, input);
    return this.scope.transact((actor) => {
      this.clients.require(actor, data.clientId, 'edit', 'contact.create', 'C');
      const { id: requestedId, ...fields } = data;
      const { id } = this.scope.services.writer.insert(contacts, actor.organisationId, fields, data.clientId, requestedId);
      this.scope.audit(actor, 'C', 'contact.create', data.clientId, 'contact', id);
      return this.load(id)!;
    });
  }

  list(clientId: string): Contact[] {
    validate(idSchema, clientId);
    return this.scope.read((actor) => {
      this.clients.require(actor, clientId, 'read', 'contact.list', 'R');
      const rows = this.scope.services.orm.select().from(contacts).where(and(eq(contacts.clientId, clientId), isNull(contacts.deletedAt))).orderBy(contacts.name).all() as Contact[];
      this.scope.audit(actor, 'R', 'contact.list', clientId, 'contact-list', null, `${rows.length}`);
      return rows;
    });
  }

  update(contactId: string, patch: ContactUpdate): Contact {
    validate(idSchema, contactId);
    const data = validate(contactUpdateSchema, patch);
    return this.scope.transact((actor) => {
      const contact = this.require(actor, contactId, 'contact.update', 'U');
      const { changes } = this.scope.services.writer.update(contacts, contact, data, contact.clientId);
      if (Object.keys(changes).length > 0) this.scope.audit(actor, 'U', 'contact.update', contact.clientId, 'contact', contact.id, Object.keys(changes).join(','));
      return this.load(contactId)!;
    });
  }

  delete(contactId: string): void {
    validate(idSchema, contactId);
    this.scope.transact((actor) => {
      const contact = this.require(actor, contactId, 'contact.delete', 'D');
      this.scope.services.writer.softDelete(contacts, contact, contact.clientId);
      this.scope.audit(actor, 'D', 'contact.delete', contact.clientId, 'contact', contact.id);
    });
  }

  private require(actor: Actor, contactId: string, event: string, action: 'U' | 'D'): Contact {
    const contact = this.load(contactId);
    if (!contact || contact.organisationId !== actor.organisationId) throw notFound('Dit contact');
    this.clients.require(actor, contact.clientId, 'edit', event, action);
    return contact;
  }

  private load(id: string): Contact | undefined {
    return this.scope.services.orm.select().from(contacts).where(and(eq(contacts.id, id), isNull(contacts.deletedAt))).get() as Contact | undefined;
  }
}
