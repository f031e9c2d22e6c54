import { eq } from 'drizzle-orm';
import { organisationInputSchema, type Organisation, type OrganisationInput } from '../../shared/domain/organisation.js';
import { userInputSchema, type User, type UserInput } from '../../shared/domain/user.js';
import { organisations, users } from './schema.js';
import type { StoreServices } from './scope.js';
import { validate } from './validate.js';
import { v7 as uuidv7 } from 'uuid';

/**
 * Organisations and users as the central service knows them. Written by the sign-in and sync
 * flows (the server is the authority on accounts), so these writes make no outbox entries and,
 * being no client data, no access-log entries.
 */
export class Directory {
  constructor(private readonly services: StoreServices) {}

  upsertOrganisation(input: OrganisationInput & { id: string }): Organisation {
    const data = validate(organisationInputSchema, input);
    const id = input.id;
    this.upsert(organisations, id, id, { name: data.name, autoLockMinutes: data.autoLockMinutes, requireTwoFactor: data.requireTwoFactor });
    return this.services.orm.select().from(organisations).where(eq(organisations.id, id)).get() as Organisation;
  }

  upsertUser(organisationId: string, input: UserInput): User {
    const data = validate(userInputSchema, input);
    const id = data.id ?? uuidv7();
    this.upsert(users, id, organisationId, { email: data.email, displayName: data.displayName, role: data.role, status: data.status });
    return this.services.orm.select().from(users).where(eq(users.id, id)).get() as User;
  }

  getOrganisation(organisationId: string): Organisation | undefined {
    return this.services.orm.select().from(organisations).where(eq(organisations.id, organisationId)).get() as Organisation | undefined;
  }

  getUser(userId: string): User | undefined {
    return this.services.orm.select().from(users).where(eq(users.id, userId)).get() as User | undefined;
  }

  listUsers(organisationId: string): User[] {
    return this.services.orm.select().from(users).where(eq(users.organisationId, organisationId)).all() as User[];
  }

  private upsert(table: typeof organisations | typeof users, id: string, organisationId: string, fields: Record<string, unknown>): void {
    const { orm, now } = this.services;
    const iso = now().toISOString();
    this.services.db
      .transaction(() => {
        const existing = orm.select({ id: table.id }).from(table).where(eq(table.id, id)).get();
        if (existing) orm.update(table).set({ ...fields, updatedAt: iso }).where(eq(table.id, id)).run();
        else orm.insert(table).values({ id, organisationId, fieldClocks: {}, serverSeq: null, createdAt: iso, updatedAt: iso, deletedAt: null, ...fields } as never).run();
      })
      .immediate();
  }
}
