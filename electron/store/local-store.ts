import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { AccessLogEntry } from '../../shared/domain/access-log.js';
import type { DocumentVault } from '../documents/document-vault.js';
import type { ChainVerdict } from '../audit/access-log.js';
import { KeyVault } from '../crypto/key-vault.js';
import { productionKdfParams, type KdfParams } from '../crypto/kdf-params.js';
import { loadSodium, type Sodium } from '../crypto/sodium.js';
import type { UnlockAttempts } from '../crypto/unlock-throttle.js';
import { openDatabase, type SqliteDatabase } from './database.js';
import { loadInBulk } from './bulk-load.js';
import { withDeferredSearchIndexing } from './deferred-search-index.js';
import { compactDatabase, mergeSearchIndexes, purgeDossier, wipeStoreFiles, withSecureDelete } from './maintenance.js';
import { Directory } from './directory.js';
import { applyMigrations, loadMigrations, type Migration } from './migrate.js';
import type { StoreServices } from './scope.js';
import { createStoreServices } from './services.js';
import { DossierSession } from './session.js';
import { isTamperSignal, StoreError, tamperedDatabase } from './store-error.js';

export interface LocalStoreOptions {
  /** The folder that holds thuisdossier.db, thuisdossier.key and documents/. */
  dir: string;
  /** Argon2id cost for new wraps; defaults to the production choice (see kdf-params.ts). */
  kdfParams?: KdfParams;
  maxDocumentBytes?: number;
  /** Page cache in MiB (default: half the database file, 32–256 MiB; see database.ts). */
  cacheMiB?: number;
  now?: () => Date;
  /** Tests only: a different migration list (e.g. the first N, to test upgrades). */
  migrations?: Migration[];
}

/** What a restore of a store that does not open gets: the backup key and the restored copy, nothing else. */
export interface RepairTools {
  backupKey(): Uint8Array;
  withDatabaseFile<T>(file: string, use: (db: SqliteDatabase) => T): T;
}

export const databaseFileName = 'thuisdossier.db';
export const keyFileName = 'thuisdossier.key';

/**
 * The device's encrypted store: lifecycle (create, unlock, lock, change password) and the way in
 * for a user (`session(userId)`). Locked, it holds no key and no open database.
 */
export class LocalStore {
  private services: StoreServices | null = null;
  private key: Uint8Array | null = null;
  private readonly vault: KeyVault;

  private constructor(
    private readonly sodium: Sodium,
    private readonly options: LocalStoreOptions,
  ) {
    this.vault = new KeyVault(sodium, path.join(options.dir, keyFileName), options.kdfParams ?? productionKdfParams, () => this.now().getTime());
  }

  /** A handle on the store in `dir`, locked. Use `exists()` to know whether it must be created first. */
  static async at(options: LocalStoreOptions): Promise<LocalStore> {
    return new LocalStore(await loadSodium(), options);
  }

  /** Whether this device has a store (it had an online sign-in before). */
  exists(): boolean {
    return this.vault.exists() && existsSync(this.databasePath);
  }

  /** First sign-in on this device: a new random database key, wrapped under `password`; leaves the store unlocked. */
  create(password: string): void {
    if (this.exists()) throw new StoreError('conflict', 'Op dit apparaat bestaat al een database.');
    if (existsSync(this.databasePath)) throw new StoreError('conflict', 'Er staat al een databasebestand zonder sleutel; verwijder het eerst bewust.');
    mkdirSync(this.options.dir, { recursive: true, mode: 0o700 });
    // A key file without a database is what a crash during an earlier create leaves: it guards nothing.
    if (this.vault.exists()) rmSync(this.vault.keyFilePath);
    const key = this.vault.create(password);
    this.openWith(key);
  }

  /** Opens the store with the password; when already open, still checks the password (and counts a wrong one). */
  unlock(password: string): void {
    if (this.services) {
      this.sodium.memzero(this.vault.unwrap(password));
      return;
    }
    if (!this.exists()) throw new StoreError('not_found', 'Er is op dit apparaat nog geen database; meld je eerst online aan.');
    this.openWith(this.vault.unwrap(password));
  }

  /** Closes the database and wipes the key bytes we hold (JS strings made from it cannot be wiped). */
  lock(): void {
    const services = this.services;
    this.services = null;
    if (services) {
      services.documents.wipe();
      try {
        services.db.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        // a failed checkpoint loses nothing: the WAL is replayed at the next open
      }
      services.db.close();
    }
    if (this.key) this.sodium.memzero(this.key);
    this.key = null;
  }

  isUnlocked(): boolean {
    return this.services !== null;
  }

  /** Re-wraps the database key; the database itself is not re-encrypted. */
  changePassword(oldPassword: string, newPassword: string): void {
    this.vault.changePassword(oldPassword, newPassword);
  }

  /** The sign-in flow calls this after a successful online sign-in: wrong-password counters reset. */
  resetUnlockAttempts(): void {
    this.vault.resetFailedAttempts();
  }

  /** After an online password reset: wrap the open store's key under the new password. */
  setPasswordAfterOnlineSignIn(newPassword: string): void {
    this.vault.rewrapWithKey(this.requireKey(), newPassword);
  }

  /** Device registration: store the database key wrapped under the service-held recovery secret (32 bytes). */
  enableRecovery(recoverySecret: Uint8Array): void {
    this.vault.setRecoverySecret(this.requireKey(), recoverySecret);
  }

  /** Forgotten password, after an online sign-in: new password from the recovery secret; leaves the store unlocked. */
  recoverPassword(recoverySecret: Uint8Array, newPassword: string): void {
    if (this.services) throw new StoreError('conflict', 'De app is al ontgrendeld; wijzig het wachtwoord met changePassword.');
    this.openWith(this.vault.recoverWithSecret(recoverySecret, newPassword));
  }

  unlockAttempts(): UnlockAttempts {
    return this.vault.attempts();
  }

  /** All calls of one user; `onBehalfOf` records acting for someone else (NEN 7513 "namens"). */
  session(userId: string, options: { onBehalfOf?: string } = {}): DossierSession {
    return new DossierSession(this.requireServices(), userId, options.onBehalfOf ?? null);
  }

  /** Organisations and users as the central service sends them (sign-in and sync). */
  get directory(): Directory {
    return new Directory(this.requireServices());
  }

  get deviceId(): string {
    return this.requireServices().device.deviceId;
  }

  /** For the sync engine, inside a pull's transaction: the device clock moves past a pulled clock (HLC receive). */
  receiveClock(hlc: string): void {
    this.requireServices().device.receive(hlc, this.now().getTime());
  }

  /** Sets the series letters for new dossier numbers (from device registration: unique per organisation). */
  setDossierNumberSeries(series: string): void {
    if (!/^[0-9A-Z]{2,6}$/.test(series)) throw new StoreError('invalid_input', 'De reeks voor dossiernummers bestaat uit 2 tot 6 hoofdletters of cijfers.');
    const { db, device } = this.requireServices();
    db.transaction(() => device.setDossierSeries(series)).immediate();
  }

  /**
   * Full check: every page authenticated (quick_check reads them all) and the access-log chain.
   * Slow on a large database; for a background job or a support action, not for unlock.
   */
  verifyIntegrity(): { database: 'ok' | 'tampered'; accessLog: ChainVerdict } {
    const { db, log } = this.requireServices();
    let database: 'ok' | 'tampered' = 'ok';
    try {
      const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
      if (rows[0]?.quick_check !== 'ok') database = 'tampered';
    } catch (error) {
      if (!isTamperSignal(error)) throw error;
      database = 'tampered';
    }
    return { database, accessLog: database === 'ok' ? log.verifyChain() : { intact: false, brokenAtSeq: 0, problem: 'De database is beschadigd' } };
  }

  /**
   * For the initial sync or a restore: runs `load` in one transaction with per-row full-text
   * indexing suspended and rebuilds the search indexes once at the end (about 10× faster).
   */
  loadInBulk<T>(load: (db: SqliteDatabase) => T): T {
    const { db } = this.requireServices();
    return loadInBulk(db, () => load(db));
  }

  /**
   * For a batch of changes (a sync pull page): runs `work` in one transaction (or a savepoint of
   * the caller's) and indexes every row it touched for search in one go at the end, instead of
   * row by row (see deferred-search-index.ts: ~2× faster for 10k reports, both encrypted and plain).
   */
  withDeferredSearchIndexing<T>(work: (db: SqliteDatabase) => T): T {
    const { db } = this.requireServices();
    return withDeferredSearchIndexing(db, () => work(db));
  }

  /** Removes a dossier and its documents from this device (access lost or destroyed; called by the sync engine). */
  purgeDossier(clientId: string): void {
    const { db, documents } = this.requireServices();
    purgeDossier(db, documents, clientId);
  }

  /** Runs `work` with freed space overwritten: for destroying a dossier (shared/retention). */
  withSecureDelete<T>(work: () => T): T {
    return withSecureDelete(this.requireServices().db, work);
  }

  /** Drops the tokens of deleted rows from the search indexes for good (after destroying a dossier). */
  mergeSearchIndexes(): void {
    mergeSearchIndexes(this.requireServices().db);
  }

  /** VACUUM plus a rebuild of the search indexes (never a bare VACUUM: see migration 0001). */
  compact(): void {
    compactDatabase(this.requireServices().db);
  }

  /**
   * The agreement ended or the device is being handed in: locks and deletes the database, the
   * WAL, the key file and every document. The random database key is gone with the key file, so
   * even a recovered copy of the database file stays unreadable.
   */
  wipe(): void {
    this.lock();
    wipeStoreFiles({ database: this.databasePath, keyFile: this.vault.keyFilePath, documentsDir: path.join(this.options.dir, 'documents') });
  }

  /**
   * For the sync engine: advance the device clock past the HLCs of pulled changes (all of them,
   * or just the highest), inside the pull's transaction. See DeviceState.observe.
   */
  observeClock(remoteHlc: string): void {
    const { device, now } = this.requireServices();
    device.observe(remoteHlc, now().getTime());
  }

  /** For the access-log upload: entries after `afterSeq`, oldest first, with their hashes. */
  accessLogAfter(afterSeq: number, limit = 1000): AccessLogEntry[] {
    return this.requireServices().log.entriesAfter(afterSeq, limit);
  }

  /** The folder that holds the database, the key file and documents/. */
  get dir(): string {
    return this.options.dir;
  }

  /**
   * The key of device backups (electron/backup): a crypto_kdf subkey of the database key, distinct
   * from the documents' one ("tddocmnt"), so backups need no key management of their own and a
   * backup only ever opens with the key of the store that made it. The caller wipes it.
   */
  backupKey(): Uint8Array {
    return this.deriveBackupKey(this.requireKey());
  }

  private deriveBackupKey(key: Uint8Array): Uint8Array {
    return this.sodium.crypto_kdf_derive_from_key(this.sodium.crypto_kdf_KEYBYTES, 1, 'tdbackup', key);
  }

  /**
   * For a restore: opens another database file (a restored copy) with this store's key, brings it
   * to this app's schema (so a backup from a newer app is refused before anything is replaced),
   * runs `use` on it and closes it. The key never leaves the store. 'tampered' when a page fails.
   */
  withDatabaseFile<T>(file: string, use: (db: SqliteDatabase) => T): T {
    return this.withFileUnder(this.requireKey(), file, use);
  }

  /**
   * A restore when the database no longer opens (tampered, or lost): the password unwraps the key
   * (counted like an unlock attempt) without opening the database; `repair` gets what a restore
   * needs and swaps the files; then the store opens on them. If they do not open, `rollBack` puts
   * the old files back and the store stays locked.
   */
  unlockWithRepair(password: string, repair: (tools: RepairTools) => void, rollBack: () => void): void {
    if (this.services) throw new StoreError('conflict', 'De app is al ontgrendeld; herstel de back-up vanuit de instellingen.');
    const key = this.vault.unwrap(password);
    try {
      repair({
        backupKey: () => this.deriveBackupKey(key),
        withDatabaseFile: (file, use) => this.withFileUnder(key, file, use),
      });
    } catch (error) {
      this.sodium.memzero(key);
      throw error;
    }
    try {
      this.openWith(key);
    } catch (error) {
      rollBack();
      throw error;
    }
  }

  private withFileUnder<T>(key: Uint8Array, file: string, use: (db: SqliteDatabase) => T): T {
    const db = openDatabase(file, { key });
    try {
      applyMigrations(db, this.options.migrations ?? loadMigrations());
      return use(db);
    } catch (error) {
      if (isTamperSignal(error)) throw tamperedDatabase(error);
      throw error;
    } finally {
      db.close();
    }
  }

  /**
   * For a restore: closes the database, lets `replace` swap the files on disk, and reopens with the
   * same key (a backup restores only into the store whose key made it). If `replace` throws it must
   * have put the old files back; if the new files do not open, `rollBack` must put the old ones
   * back. Either way the old data is reopened and the error rethrown.
   */
  reopenAfter(replace: () => void, rollBack: () => void): void {
    const current = this.requireKey();
    const key = Uint8Array.from(current);
    const spare = Uint8Array.from(current);
    this.lock();
    try {
      try {
        replace();
      } catch (error) {
        this.openWith(key);
        throw error;
      }
      try {
        this.openWith(key);
      } catch (error) {
        rollBack();
        this.openWith(Uint8Array.from(spare));
        throw error;
      }
    } finally {
      this.sodium.memzero(spare);
    }
  }

  /** For the sync engine (issue 7) and benchmarks: the open connection. Not for the UI. */
  get connection(): SqliteDatabase {
    return this.requireServices().db;
  }

  /** For the sync engine's document transfers (electron/sync/document-*.ts): the encrypted files. Not for the UI. */
  get documentFiles(): DocumentVault {
    return this.requireServices().documents;
  }

  private openWith(key: Uint8Array): void {
    let db: SqliteDatabase | null = null;
    try {
      db = openDatabase(this.databasePath, { key, cacheMiB: this.options.cacheMiB });
      applyMigrations(db, this.options.migrations ?? loadMigrations());
      this.services = createStoreServices(db, {
        sodium: this.sodium,
        documentsDir: path.join(this.options.dir, 'documents'),
        databaseKey: key,
        maxDocumentBytes: this.options.maxDocumentBytes,
        now: this.options.now,
      });
      this.key = key;
    } catch (error) {
      db?.close();
      this.sodium.memzero(key);
      if (isTamperSignal(error)) throw tamperedDatabase(error);
      throw error;
    }
  }

  private requireServices(): StoreServices {
    if (!this.services) throw new StoreError('locked', 'De app is vergrendeld; ontgrendel met je wachtwoord.');
    return this.services;
  }

  private requireKey(): Uint8Array {
    if (!this.key) throw new StoreError('locked', 'De app is vergrendeld; ontgrendel met je wachtwoord.');
    return this.key;
  }

  private now(): Date {
    return (this.options.now ?? (() => new Date()))();
  }

  private get databasePath(): string {
    return path.join(this.options.dir, databaseFileName);
  }
}
