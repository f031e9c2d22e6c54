import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { settings } from './schema.js';
import type { Scope } from './scope.js';
import { validate } from './validate.js';

const settingKeySchema = z.string().regex(/^[a-z][\w.]{0,99}$/, 'Ongeldige naam voor een instelling');
/** Settings are small JSON values; 64 KiB is far beyond any real one. */
const settingValueSchema = z.unknown().refine((v) => v !== undefined && JSON.stringify(v).length <= 65_536, 'Deze instelling is te groot');

/** Organisation settings (key → JSON value), synced. Everyone reads them; administrators change them. */
export class SettingsRepository {
  constructor(private readonly scope: Scope) {}

  get<T = unknown>(key: string): T | null {
    validate(settingKeySchema, key);
    return this.scope.read((actor) => {
      const row = this.scope.services.orm
        .select({ value: settings.value })
        .from(settings)
        .where(and(eq(settings.organisationId, actor.organisationId), eq(settings.key, key), isNull(settings.deletedAt)))
        .get();
      return (row?.value as T | undefined) ?? null;
    });
  }

  set(key: string, value: unknown): void {
    validate(settingKeySchema, key);
    validate(settingValueSchema, value);
    this.scope.transact((actor) => {
      this.scope.services.rights.requireAdministrator(actor, { action: 'U', event: 'settings.update', clientId: null, objectType: 'setting', objectId: key });
      const { orm, writer } = this.scope.services;
      const existing = orm.select().from(settings).where(and(eq(settings.organisationId, actor.organisationId), eq(settings.key, key))).get();
      if (existing) writer.update(settings, existing, { value, deletedAt: null }, null);
      else writer.insert(settings, actor.organisationId, { key, value }, null);
    });
  }
}
