import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Sodium } from '../crypto/sodium.js';

/**
 * The key that encrypts the service's backups: env THUISDOSSIER_BACKUP_KEY (base64url, 32 bytes),
 * or <dataDir>/keys/backup.key, made on the first backup. Its own key, not the master key, so an
 * operator can keep a copy offline with the backups' storage and hand it to whoever restores.
 * Lose it and the backups are unreadable: docs/operations.md says where to keep it.
 */
export function loadBackupKey(lib: Sodium, env: NodeJS.ProcessEnv, keysDir: string): Uint8Array {
  const variant = lib.base64_variants.URLSAFE_NO_PADDING;
  const fromEnv = env.THUISDOSSIER_BACKUP_KEY?.trim();
  const key = fromEnv ? lib.from_base64(fromEnv, variant) : fromFile(lib, path.join(keysDir, 'backup.key'));
  if (key.length !== lib.crypto_secretstream_xchacha20poly1305_KEYBYTES) throw new Error('The backup key must be 32 bytes (base64url).');
  return key;
}

function fromFile(lib: Sodium, file: string): Uint8Array {
  const variant = lib.base64_variants.URLSAFE_NO_PADDING;
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, lib.to_base64(lib.crypto_secretstream_xchacha20poly1305_keygen(), variant) + '\n', { mode: 0o600, flag: 'wx' });
  }
  return lib.from_base64(readFileSync(file, 'utf8').trim(), variant);
}
