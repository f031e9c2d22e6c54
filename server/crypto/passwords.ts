import type { Sodium } from './sodium.js';

/**
 * Argon2id password hashing (libsodium crypto_pwhash_str). The limits are injectable: production
 * uses INTERACTIVE (64 MiB, 2 passes; about 0.2 s here), tests use MIN so suites stay fast.
 */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(storedHash: string, password: string): Promise<boolean>;
  /**
   * Spends the same effort as a real verification, for an e-mail address without an account, so
   * the answer's timing does not tell whether the account exists.
   */
  verifyNothing(password: string): Promise<void>;
  needsRehash(storedHash: string): boolean;
}

export interface PasswordLimits {
  opsLimit: number;
  memLimit: number;
}

export function interactiveLimits(lib: Sodium): PasswordLimits {
  return { opsLimit: lib.crypto_pwhash_OPSLIMIT_INTERACTIVE, memLimit: lib.crypto_pwhash_MEMLIMIT_INTERACTIVE };
}

export function minimalLimits(lib: Sodium): PasswordLimits {
  return { opsLimit: lib.crypto_pwhash_OPSLIMIT_MIN, memLimit: lib.crypto_pwhash_MEMLIMIT_MIN };
}

export function sodiumPasswordHasher(lib: Sodium, limits: PasswordLimits): PasswordHasher {
  const dummyHash = lib.crypto_pwhash_str(lib.to_base64(lib.randombytes_buf(24)), limits.opsLimit, limits.memLimit);
  const verify = (storedHash: string, password: string): boolean => {
    try {
      return lib.crypto_pwhash_str_verify(storedHash, password);
    } catch {
      return false; // a corrupt stored hash is a failed sign-in, not a crash
    }
  };
  return {
    hash: async (password) => lib.crypto_pwhash_str(password, limits.opsLimit, limits.memLimit),
    verify: async (storedHash, password) => verify(storedHash, password),
    verifyNothing: async (password) => {
      verify(dummyHash, password);
    },
    needsRehash: (storedHash) => lib.crypto_pwhash_str_needs_rehash(storedHash, limits.opsLimit, limits.memLimit),
  };
}
