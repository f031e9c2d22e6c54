import { chmodSync, existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { isTamperSignal, StoreError, tamperedDatabase } from './store-error.js';

export type SqliteDatabase = Database.Database;

export interface OpenDatabaseOptions {
  /**
   * The raw 256-bit page key, or null for an unencrypted database (benchmarks and tests only).
   * Raw ("x'…'") so that SQLite3MultipleCiphers skips its own PBKDF2: our key already comes from
   * Argon2id, and a second KDF would only slow down unlock.
   */
  key: Uint8Array | null;
  /**
   * Page cache in MiB. SQLite's default 2 MiB makes nearly every read a page miss, and with
   * encryption a miss means decrypting the page again: the cache is the main lever on the
   * encrypted/plain ratio. Default: half the file size, between 32 and 256 MiB (measured at 500k
   * reports / 400 MB: opening a dossier 1.76× plain with 64 MiB, 1.08× with 256 MiB).
   */
  cacheMiB?: number;
  readonly?: boolean;
  /** Page size for a NEW file in bytes (benchmarks compare sizes); an existing file keeps its own. */
  pageSize?: number;
}

/**
 * Opens (or creates) the database file with ChaCha20-Poly1305 page encryption and the pragmas
 * every connection must have. Raises 'tampered' when a page fails authentication.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions): SqliteDatabase {
  const db = new Database(file, { readonly: options.readonly ?? false });
  try {
    if (options.key) {
      if (options.key.length !== 32) throw new StoreError('internal', 'De databasesleutel moet 32 bytes zijn');
      // chacha20 is the library default; naming it protects against a changed default in a later build.
      db.pragma("cipher = 'chacha20'");
      // The hex string cannot be wiped from the JS heap; it lives until garbage collection.
      const rows = db.pragma(`key = "x'${Buffer.from(options.key).toString('hex')}'"`) as Array<{ ok?: string }>;
      if (rows[0]?.ok !== 'ok') throw new StoreError('internal', 'De database kon niet worden ontsleuteld');
    }
    // 4 KiB pages for a new file (a no-op for an existing one). Opening a dossier reads its reports
    // from pages scattered over the file, and every page read from disk is decrypted whole: smaller
    // pages decrypt less per report. Measured (bench/store, 500k reports) against 8 KiB: opening a
    // dossier 1.27× plain instead of 1.76×, a batch insert 1.15× instead of 1.83×. Must precede WAL.
    if (!options.readonly) db.pragma(`page_size = ${options.pageSize ?? 4096}`);
    // The first read authenticates page 1: with a verified key, a failure here means a changed file.
    db.prepare('SELECT count(*) AS n FROM sqlite_master').get();
    // Temporary tables and sort spills would be written unencrypted: keep them in memory.
    db.pragma('temp_store = MEMORY');
    if (!options.readonly) db.pragma('journal_mode = WAL');
    // FULL: in WAL mode every commit is fsynced, so a report that was saved survives a power cut too.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma(`cache_size = ${-1024 * (options.cacheMiB ?? defaultCacheMiB(file))}`);
    db.pragma('trusted_schema = OFF');
    // Owner-only, like the key file: encrypted or not, other accounts on the laptop have no business here.
    if (!options.readonly && process.platform !== 'win32' && file !== ':memory:') chmodSync(file, 0o600);
    return db;
  } catch (error) {
    db.close();
    if (isTamperSignal(error)) throw tamperedDatabase(error);
    throw error;
  }
}

export function defaultCacheMiB(file: string): number {
  const bytes = file === ':memory:' || !existsSync(file) ? 0 : statSync(file).size;
  return Math.min(256, Math.max(32, Math.ceil(bytes / 2 / (1024 * 1024))));
}

const statementCache = new WeakMap<SqliteDatabase, Map<string, Database.Statement<unknown[]>>>();

/** Prepares a statement once per connection: compiling SQL costs more than running a short query. */
export function prepareCached(db: SqliteDatabase, sql: string): Database.Statement<unknown[]> {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare<unknown[]>(sql)));
  return statement;
}
