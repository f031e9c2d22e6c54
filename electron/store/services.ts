import { AccessLog } from '../audit/access-log.js';
import type { Sodium } from '../crypto/sodium.js';
import { DocumentVault, defaultMaxDocumentBytes } from '../documents/document-vault.js';
import type { SqliteDatabase } from './database.js';
import { DeviceState } from './device-state.js';
import { createOrm } from './orm.js';
import { Rights } from './rights.js';
import { RowWriter } from './row-writer.js';
import type { StoreServices } from './scope.js';

export interface ServiceOptions {
  sodium: Sodium;
  documentsDir: string;
  /** The database key; documents use a subkey of it. */
  databaseKey: Uint8Array;
  maxDocumentBytes?: number;
  now?: () => Date;
}

/**
 * Wires the services of an open, migrated connection. LocalStore is the only production caller;
 * the benchmark uses it to run the very same code over an unencrypted file for comparison.
 */
export function createStoreServices(db: SqliteDatabase, options: ServiceOptions): StoreServices {
  const now = options.now ?? (() => new Date());
  const device = db.transaction(() => new DeviceState(db)).immediate();
  const documents = new DocumentVault(options.sodium, options.documentsDir, options.databaseKey, options.maxDocumentBytes ?? defaultMaxDocumentBytes);
  documents.removeOrphans(new Set(db.prepare('SELECT id FROM documents').pluck().all() as string[]));
  return {
    db,
    orm: createOrm(db),
    device,
    writer: new RowWriter(db, device, now),
    log: new AccessLog(db, device.deviceId, now),
    rights: new Rights(db),
    documents,
    now,
  };
}
