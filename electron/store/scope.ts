import type { AccessAction } from '../../shared/domain/access-log.js';
import type { AccessLog } from '../audit/access-log.js';
import type { DocumentVault } from '../documents/document-vault.js';
import { prepareCached, type SqliteDatabase } from './database.js';
import type { DeviceState } from './device-state.js';
import type { Actor, Rights } from './rights.js';
import type { RowWriter } from './row-writer.js';
import type { Orm } from './orm.js';
import { isTamperSignal, StoreError, tamperedDatabase, type Refusal } from './store-error.js';

/** Everything an unlocked store holds; shared by all sessions on it. */
export interface StoreServices {
  db: SqliteDatabase;
  orm: Orm;
  device: DeviceState;
  writer: RowWriter;
  log: AccessLog;
  rights: Rights;
  documents: DocumentVault;
  now: () => Date;
}

/**
 * One user's way into the store. Every call runs in one IMMEDIATE transaction that loads the actor
 * (who must exist and be active), does the work, and writes the access-log entries. A refusal rolls
 * the work back and is then logged in a transaction of its own, so refusals are on record too.
 */
export class Scope {
  constructor(
    readonly services: StoreServices,
    readonly userId: string,
    readonly onBehalfOf: string | null,
  ) {}

  /** A call that changes data: committed with a full fsync (synchronous = FULL) before it returns. */
  transact<T>(fn: (actor: Actor) => T): T {
    return this.run(fn, 'FULL');
  }

  /**
   * A call that only reads client data; its only write is the access-log entry. Committed with
   * synchronous = NORMAL: the entry is in the WAL at once (safe against a crash or kill of the
   * app) and reaches the disk platter with the next change's fsync or checkpoint. An fsync per
   * read measured 5–25 ms here, the whole cost of a search; a data change always gets its own.
   */
  read<T>(fn: (actor: Actor) => T): T {
    return this.run(fn, 'NORMAL');
  }

  private run<T>(fn: (actor: Actor) => T, durability: 'FULL' | 'NORMAL'): T {
    const { db } = this.services;
    if (durability === 'NORMAL') db.pragma('synchronous = NORMAL');
    try {
      return this.runTransaction(fn);
    } finally {
      if (durability === 'NORMAL') db.pragma('synchronous = FULL');
    }
  }

  private runTransaction<T>(fn: (actor: Actor) => T): T {
    const { db } = this.services;
    let actor: (Actor & { status: string }) | undefined;
    try {
      return db
        .transaction(() => {
          actor = this.loadActor();
          if (actor.status !== 'active') {
            throw new StoreError('forbidden', 'Dit account is gepauzeerd. Neem contact op met je beheerder.', {
              refusal: { action: 'R', event: 'session.use', clientId: null, objectType: 'user', objectId: this.userId },
            });
          }
          return fn(actor);
        })
        .immediate();
    } catch (error) {
      const refusal = error instanceof StoreError ? error.extra.refusal : undefined;
      if (refusal && actor) this.logRefusal(actor, refusal, error as StoreError);
      throw translate(error);
    }
  }

  audit(actor: Actor, action: AccessAction, event: string, clientId: string | null, objectType: string, objectId: string | null, reason?: string): void {
    this.services.log.append({
      organisationId: actor.organisationId,
      userId: actor.userId,
      onBehalfOf: actor.onBehalfOf,
      action,
      event,
      clientId,
      objectType,
      objectId,
      outcome: 'success',
      reason: reason ?? null,
    });
  }

  private loadActor(): Actor & { status: string } {
    const row = prepareCached(this.services.db, 'SELECT organisation_id, role, status, display_name FROM users WHERE id = ? AND deleted_at IS NULL').get(this.userId) as
      | { organisation_id: string; role: Actor['role']; status: string; display_name: string }
      | undefined;
    if (!row) throw new StoreError('forbidden', 'Deze gebruiker is op dit apparaat niet bekend.');
    return { userId: this.userId, organisationId: row.organisation_id, role: row.role, displayName: row.display_name, onBehalfOf: this.onBehalfOf, status: row.status };
  }

  private logRefusal(actor: Actor, refusal: Refusal, error: StoreError): void {
    try {
      this.services.db
        .transaction(() =>
          this.services.log.append({
            organisationId: actor.organisationId,
            userId: actor.userId,
            onBehalfOf: actor.onBehalfOf,
            ...refusal,
            outcome: 'refused',
            reason: error.code,
          }),
        )
        .immediate();
    } catch {
      // The refusal itself stands; failing to log it must not turn it into a different error.
    }
  }
}

function translate(error: unknown): unknown {
  if (error instanceof StoreError) return error;
  if (isTamperSignal(error)) return tamperedDatabase(error);
  const code = (error as { code?: string } | null)?.code;
  if (code === 'SQLITE_FULL') return new StoreError('storage_full', 'De schijf is vol: de wijziging is niet opgeslagen. Maak ruimte vrij en probeer het opnieuw.', { cause: error });
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return new StoreError('conflict', 'Dit gegeven bestaat al.', { cause: error });
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return new StoreError('not_found', 'Een gegeven waarnaar verwezen wordt, bestaat niet.', { cause: error });
  return error;
}
