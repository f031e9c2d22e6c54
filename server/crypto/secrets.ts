import type { Sodium } from './sodium.js';

/**
 * Secrets derived from one 32-byte master key (crypto_kdf), shared by every instance:
 * - a secret-box key that seals TOTP secrets at rest (a database dump alone does not give 2FA away);
 * - a pepper for keyed hashes of recovery codes, invite tokens, session secrets and throttle keys.
 */
export interface ServerSecrets {
  seal(plaintext: string): string;
  /** Returns null when the box was not made with this key or was changed. */
  open(sealed: string): string | null;
  keyedHash(purpose: 'recovery' | 'invite' | 'session' | 'throttle' | 'operator', value: string): string;
}

const KDF_CONTEXT = 'tdserver'; // exactly 8 bytes, as crypto_kdf requires
const SEAL_KEY_ID = 1;
const PEPPER_KEY_ID = 2;

export function serverSecrets(lib: Sodium, masterKey: Uint8Array): ServerSecrets {
  if (masterKey.length !== lib.crypto_kdf_KEYBYTES) throw new Error(`the master key must be ${lib.crypto_kdf_KEYBYTES} bytes`);
  const sealKey = lib.crypto_kdf_derive_from_key(lib.crypto_secretbox_KEYBYTES, SEAL_KEY_ID, KDF_CONTEXT, masterKey);
  const pepper = lib.crypto_kdf_derive_from_key(lib.crypto_generichash_KEYBYTES, PEPPER_KEY_ID, KDF_CONTEXT, masterKey);
  const variant = lib.base64_variants.URLSAFE_NO_PADDING;
  return {
    seal(plaintext) {
      const nonce = lib.randombytes_buf(lib.crypto_secretbox_NONCEBYTES);
      const box = lib.crypto_secretbox_easy(lib.from_string(plaintext), nonce, sealKey);
      return `${lib.to_base64(nonce, variant)}.${lib.to_base64(box, variant)}`;
    },
    open(sealed) {
      const [nonce, box] = sealed.split('.');
      if (!nonce || !box) return null;
      try {
        return lib.to_string(lib.crypto_secretbox_open_easy(lib.from_base64(box, variant), lib.from_base64(nonce, variant), sealKey));
      } catch {
        return null;
      }
    },
    keyedHash(purpose, value) {
      return lib.to_hex(lib.crypto_generichash(32, lib.from_string(`${purpose}\u0000${value}`), pepper));
    },
  };
}
