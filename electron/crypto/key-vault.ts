import { existsSync, readFileSync } from 'node:fs';
import { StoreError } from '../store/store-error.js';
import { writeFileAtomic } from './atomic-file.js';
import { productionKdfParams, type KdfParams } from './kdf-params.js';
import { pwhashInWorker } from './pwhash-worker.js';
import type { Sodium } from './sodium.js';
import { afterFailure, mayTryUnlock, noFailures, type UnlockAttempts } from './unlock-throttle.js';

/**
 * The key hierarchy (SPEC §4): a random 256-bit database key, wrapped with secretbox
 * (XSalsa20-Poly1305) by a key derived from the user's password with Argon2id and a per-device
 * salt. The key file holds the wrapped key, the KDF parameters and the unlock counters; changing
 * the password re-wraps the same database key, so the database is never re-encrypted.
 */
interface KeyFile {
  format: 'thuisdossier-keyfile';
  version: 1;
  kdf: { algorithm: 'argon2id13'; opsLimit: number; memLimitBytes: number; salt: string };
  wrappedKey: { nonce: string; ciphertext: string };
  /**
   * The same database key wrapped under a random 256-bit recovery secret that the central service
   * keeps for this device, so a user who forgot the password can sign in online, get the secret,
   * and set a new password without losing unsynced work. Null until enabled.
   */
  recovery: { nonce: string; ciphertext: string } | null;
  unlock: UnlockAttempts;
  /** BLAKE2b of the rest: tells a damaged or edited key file apart from a wrong password. */
  checksum: string;
}

export const databaseKeyBytes = 32;

export class KeyVault {
  constructor(
    private readonly sodium: Sodium,
    readonly keyFilePath: string,
    private readonly kdfParams: KdfParams = productionKdfParams,
    private readonly now: () => number = Date.now,
  ) {}

  exists(): boolean {
    return existsSync(this.keyFilePath);
  }

  /** Makes a new random database key and writes it wrapped under `password`. Returns the key. */
  create(password: string): Uint8Array {
    checkPassword(password);
    if (this.exists()) throw new StoreError('conflict', 'Er bestaat al een sleutelbestand voor deze database');
    const key = this.sodium.randombytes_buf(databaseKeyBytes);
    this.write(this.wrap(key, password), noFailures);
    return key;
  }

  /** Unwraps the database key. Wrong password: 'wrong_password'; throttled: 'too_many_attempts'. */
  unwrap(password: string): Uint8Array {
    const file = this.read();
    const verdict = mayTryUnlock(file.unlock, this.now());
    if (!verdict.allowed) {
      if (verdict.reason === 'online_sign_in_required') {
        throw new StoreError('too_many_attempts', 'Te vaak een verkeerd wachtwoord. Meld je online aan om dit apparaat weer te ontgrendelen.');
      }
      const seconds = Math.ceil(verdict.retryAfterMs / 1000);
      throw new StoreError('too_many_attempts', `Te vaak een verkeerd wachtwoord. Probeer het over ${seconds} seconden opnieuw.`, {
        retryAfterSeconds: seconds,
      });
    }
    const key = this.tryUnwrap(file, password);
    if (!key) {
      const unlock = afterFailure(file.unlock, this.now());
      this.write(stripChecksum(file), unlock);
      const left = Math.max(0, 10 - unlock.failedAttempts);
      throw new StoreError(
        'wrong_password',
        left > 0 ? `Het wachtwoord klopt niet. Nog ${left} pogingen voordat online aanmelden nodig is.` : 'Het wachtwoord klopt niet. Meld je online aan om verder te gaan.',
      );
    }
    if (file.unlock.failedAttempts > 0) this.write(stripChecksum(file), noFailures);
    return key;
  }

  /** Re-wraps the database key under a new password; the old password stops working at once. */
  changePassword(oldPassword: string, newPassword: string): void {
    checkPassword(newPassword);
    const key = this.unwrap(oldPassword);
    try {
      this.write({ ...this.wrap(key, newPassword), recovery: this.read().recovery ?? null }, noFailures);
    } finally {
      this.sodium.memzero(key);
    }
  }

  /** After a successful online sign-in, the central service vouches for the user: counters reset. */
  resetFailedAttempts(): void {
    const file = this.read();
    this.write(stripChecksum(file), noFailures);
  }

  /** Online sign-in with a new password (set elsewhere): re-wrap under it, given the key the store holds open. */
  rewrapWithKey(key: Uint8Array, newPassword: string): void {
    checkPassword(newPassword);
    this.write({ ...this.wrap(key, newPassword), recovery: this.exists() ? (this.read().recovery ?? null) : null }, noFailures);
  }

  /** Adds (or replaces) the recovery slot: the database key wrapped under the service-held secret. */
  setRecoverySecret(key: Uint8Array, recoverySecret: Uint8Array): void {
    const s = this.sodium;
    if (recoverySecret.length !== s.crypto_secretbox_KEYBYTES) throw new StoreError('invalid_input', 'De herstelsleutel moet 32 bytes zijn');
    const file = this.read();
    const nonce = s.randombytes_buf(s.crypto_secretbox_NONCEBYTES);
    const recovery = { nonce: s.to_base64(nonce), ciphertext: s.to_base64(s.crypto_secretbox_easy(key, nonce, recoverySecret)) };
    this.write({ ...stripChecksum(file), recovery }, file.unlock);
  }

  /**
   * Forgotten password: after an online sign-in the service hands over the device's recovery
   * secret; the key is unwrapped with it, re-wrapped under the new password, counters reset.
   */
  recoverWithSecret(recoverySecret: Uint8Array, newPassword: string): Uint8Array {
    checkPassword(newPassword);
    const s = this.sodium;
    const file = this.read();
    if (!file.recovery) throw new StoreError('not_found', 'Voor dit apparaat is geen herstel ingesteld; de lokale gegevens moeten opnieuw worden gesynchroniseerd.');
    let key: Uint8Array;
    try {
      key = s.crypto_secretbox_open_easy(s.from_base64(file.recovery.ciphertext), s.from_base64(file.recovery.nonce), recoverySecret);
    } catch {
      throw new StoreError('wrong_password', 'De herstelsleutel van de centrale dienst past niet bij dit apparaat.');
    }
    this.write({ ...this.wrap(key, newPassword), recovery: file.recovery }, noFailures);
    return key;
  }

  attempts(): UnlockAttempts {
    return this.read().unlock;
  }

  private wrap(key: Uint8Array, password: string): Omit<KeyFile, 'checksum' | 'unlock' | 'recovery'> {
    const s = this.sodium;
    const salt = s.randombytes_buf(s.crypto_pwhash_SALTBYTES);
    const kek = this.derive(password, salt, this.kdfParams);
    const nonce = s.randombytes_buf(s.crypto_secretbox_NONCEBYTES);
    const ciphertext = s.crypto_secretbox_easy(key, nonce, kek);
    s.memzero(kek);
    return {
      format: 'thuisdossier-keyfile',
      version: 1,
      kdf: { algorithm: 'argon2id13', opsLimit: this.kdfParams.opsLimit, memLimitBytes: this.kdfParams.memLimitBytes, salt: s.to_base64(salt) },
      wrappedKey: { nonce: s.to_base64(nonce), ciphertext: s.to_base64(ciphertext) },
    };
  }

  private tryUnwrap(file: KeyFile, password: string): Uint8Array | null {
    const s = this.sodium;
    const kek = this.derive(password, s.from_base64(file.kdf.salt), { opsLimit: file.kdf.opsLimit, memLimitBytes: file.kdf.memLimitBytes });
    try {
      return s.crypto_secretbox_open_easy(s.from_base64(file.wrappedKey.ciphertext), s.from_base64(file.wrappedKey.nonce), kek);
    } catch {
      return null; // authentication failed: with an intact file (checksum ok), that means a wrong password
    } finally {
      s.memzero(kek);
    }
  }

  private derive(password: string, salt: Uint8Array, params: KdfParams): Uint8Array {
    const s = this.sodium;
    // In a worker, so Argon2id's memory is not held by this process afterwards (pwhash-worker.ts).
    const inWorker = pwhashInWorker(databaseKeyBytes, password, salt, params);
    if (inWorker) return inWorker;
    return s.crypto_pwhash(databaseKeyBytes, password, salt, params.opsLimit, params.memLimitBytes, s.crypto_pwhash_ALG_ARGON2ID13);
  }

  private read(): KeyFile {
    let parsed: KeyFile;
    try {
      parsed = JSON.parse(readFileSync(this.keyFilePath, 'utf8')) as KeyFile;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new StoreError('not_found', 'Er is op dit apparaat nog geen versleutelde database; meld je eerst online aan.');
      }
      throw tamperedKeyFile(error);
    }
    if (parsed?.format !== 'thuisdossier-keyfile' || parsed.version !== 1 || typeof parsed.checksum !== 'string') throw tamperedKeyFile();
    if (parsed.checksum !== this.checksum(stripChecksum(parsed))) throw tamperedKeyFile();
    if (parsed.kdf.opsLimit < 1 || parsed.kdf.memLimitBytes < 8192) throw tamperedKeyFile();
    return parsed;
  }

  private write(body: Omit<KeyFile, 'checksum' | 'unlock' | 'recovery'> & { recovery?: KeyFile['recovery'] }, unlock: UnlockAttempts): void {
    const withUnlock = { format: body.format, version: body.version, kdf: body.kdf, wrappedKey: body.wrappedKey, recovery: body.recovery ?? null, unlock };
    const file: KeyFile = { ...withUnlock, checksum: this.checksum(withUnlock) };
    writeFileAtomic(this.keyFilePath, JSON.stringify(file, null, 2));
  }

  private checksum(body: Omit<KeyFile, 'checksum'>): string {
    const canonical = JSON.stringify([body.format, body.version, body.kdf, body.wrappedKey, body.recovery, body.unlock]);
    return this.sodium.crypto_generichash(32, this.sodium.from_string(canonical), null, 'hex');
  }
}

function stripChecksum(file: KeyFile): Omit<KeyFile, 'checksum'> {
  return { format: file.format, version: file.version, kdf: file.kdf, wrappedKey: file.wrappedKey, recovery: file.recovery ?? null, unlock: file.unlock };
}

function checkPassword(password: string): void {
  if (password.length < 8) throw new StoreError('invalid_input', 'Een wachtwoord heeft minstens 8 tekens', { issues: [{ path: 'password', message: 'Minstens 8 tekens' }] });
}

function tamperedKeyFile(cause?: unknown): StoreError {
  return new StoreError('tampered', 'Het sleutelbestand is beschadigd of gewijzigd. Meld je online aan om dit apparaat opnieuw in te richten.', { cause });
}
