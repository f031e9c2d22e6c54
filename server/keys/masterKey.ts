import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Sodium } from '../crypto/sodium.js';

/**
 * The master key behind ServerSecrets. Every instance of one deployment needs the same one:
 * env THUISDOSSIER_MASTER_KEY (base64url, 32 bytes), or <dataDir>/keys/master.key, made on first start.
 */
export function loadMasterKey(lib: Sodium, env: NodeJS.ProcessEnv, keysDir: string): Uint8Array {
  const variant = lib.base64_variants.URLSAFE_NO_PADDING;
  if (env.THUISDOSSIER_MASTER_KEY) return lib.from_base64(env.THUISDOSSIER_MASTER_KEY.trim(), variant);
  const file = path.join(keysDir, 'master.key');
  if (!existsSync(file)) {
    mkdirSync(keysDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, lib.to_base64(lib.crypto_kdf_keygen(), variant) + '\n', { mode: 0o600 });
  }
  return lib.from_base64(readFileSync(file, 'utf8').trim(), variant);
}
