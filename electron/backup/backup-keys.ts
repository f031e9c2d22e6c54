import type { Sodium } from '../crypto/sodium.js';
import { canonicalHeader, type UnsignedBackupHeader } from './backup-format.js';

/**
 * The keys of one store's backups, all derived from the store's backup key (itself a subkey of the
 * database key): one for the stream, one for the header MAC, and a public key id.
 */
export interface BackupKeys {
  stream: Uint8Array;
  mac: Uint8Array;
  /** BLAKE2b-128 of a third subkey: names the key, reveals nothing of it. */
  keyId: string;
  wipe(): void;
}

export function deriveBackupKeys(sodium: Sodium, backupKey: Uint8Array): BackupKeys {
  const stream = sodium.crypto_kdf_derive_from_key(sodium.crypto_secretstream_xchacha20poly1305_KEYBYTES, 1, 'tdbkstrm', backupKey);
  const mac = sodium.crypto_kdf_derive_from_key(sodium.crypto_generichash_KEYBYTES, 2, 'tdbkhmac', backupKey);
  const idKey = sodium.crypto_kdf_derive_from_key(32, 3, 'tdbkkyid', backupKey);
  const keyId = sodium.crypto_generichash(16, idKey, null, 'hex');
  sodium.memzero(idKey);
  return {
    stream,
    mac,
    keyId,
    wipe() {
      sodium.memzero(stream);
      sodium.memzero(mac);
    },
  };
}

export function headerMac(sodium: Sodium, keys: BackupKeys, header: UnsignedBackupHeader): string {
  return sodium.crypto_generichash(32, sodium.from_string(canonicalHeader(header)), keys.mac, 'hex');
}

/** Constant-time comparison of two hex MACs. */
export function sameMac(sodium: Sodium, a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  return sodium.memcmp(sodium.from_hex(a), sodium.from_hex(b));
}
