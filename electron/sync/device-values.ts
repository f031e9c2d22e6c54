import type { KeyValueStorage } from '../licence/key-value-storage.js';
import { prepareCached, type SqliteDatabase } from '../store/database.js';

/**
 * Small values the sync engine and the licence keep in the encrypted store's `device_state`
 * (cursor, server identity, session token, the signed lease): readable only with the database key.
 * Keys are namespaced (`sync.*`, `licence.*`) so they never collide with the store's own.
 */
export class DeviceValues {
  constructor(private readonly db: () => SqliteDatabase) {}

  get(key: string): string | null {
    const value = prepareCached(this.db(), 'SELECT value FROM device_state WHERE key = ?').pluck().get(key) as string | undefined;
    return value ?? null;
  }

  /** Call inside the caller's transaction when the value must commit with other writes. */
  set(key: string, value: string): void {
    prepareCached(this.db(), 'INSERT INTO device_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  delete(key: string): void {
    prepareCached(this.db(), 'DELETE FROM device_state WHERE key = ?').run(key);
  }

  getJson<T>(key: string): T | null {
    const text = this.get(key);
    return text === null ? null : (JSON.parse(text) as T);
  }

  setJson(key: string, value: unknown): void {
    this.set(key, JSON.stringify(value));
  }

  /** The licence service's storage interface over the same table. */
  asKeyValueStorage(): KeyValueStorage {
    return {
      get: async (key) => this.get(key),
      set: async (key, value) => this.set(key, value),
      delete: async (key) => this.delete(key),
    };
  }
}

export const syncValueKeys = {
  sessionToken: 'sync.sessionToken',
  sessionExpiresAt: 'sync.sessionExpiresAt',
  cursor: 'sync.cursor',
  server: 'sync.server',
  lastSyncAt: 'sync.lastSyncAt',
  mixedEpochs: 'sync.mixedEpochs',
  accessLogUploadedThrough: 'sync.accessLogUploadedThrough',
} as const;
