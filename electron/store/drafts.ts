import { and, desc, eq } from 'drizzle-orm';
import { idSchema } from '../../shared/domain/common.js';
import { draftContentSchema, draftKeySchema, type Draft } from '../../shared/domain/draft.js';
import { drafts } from './schema.js';
import type { Scope } from './scope.js';
import { validate } from './validate.js';

/**
 * Continuous save of what a user is typing. Drafts are the user's own unsaved text: they are not
 * synced and not in the access log (the saved report is); a draft about a client still needs
 * edit access to that dossier, so it can never be a way around rights.
 */
export class DraftRepository {
  constructor(private readonly scope: Scope) {}

  save(key: string, content: string, clientId: string | null = null): Draft {
    validate(draftKeySchema, key);
    validate(draftContentSchema, content);
    if (clientId !== null) validate(idSchema, clientId);
    return this.scope.transact((actor) => {
      if (clientId) this.scope.services.rights.requireDossier(actor, clientId, 'edit', { action: 'U', event: 'draft.save', clientId, objectType: 'draft', objectId: null });
      const updatedAt = this.scope.services.now().toISOString();
      const row = { userId: actor.userId, key, clientId, content, updatedAt };
      this.scope.services.orm
        .insert(drafts)
        .values(row)
        .onConflictDoUpdate({ target: [drafts.userId, drafts.key], set: { content, clientId, updatedAt } })
        .run();
      return row;
    });
  }

  get(key: string): Draft | null {
    validate(draftKeySchema, key);
    return this.scope.read((actor) => {
      const row = this.scope.services.orm.select().from(drafts).where(and(eq(drafts.userId, actor.userId), eq(drafts.key, key))).get();
      return row ?? null;
    });
  }

  /** The user's drafts, newest first (for "you have unsaved text" on start). */
  list(): Draft[] {
    return this.scope.read((actor) => this.scope.services.orm.select().from(drafts).where(eq(drafts.userId, actor.userId)).orderBy(desc(drafts.updatedAt)).all());
  }

  discard(key: string): void {
    validate(draftKeySchema, key);
    this.scope.transact((actor) => {
      this.scope.services.orm.delete(drafts).where(and(eq(drafts.userId, actor.userId), eq(drafts.key, key))).run();
    });
  }
}
