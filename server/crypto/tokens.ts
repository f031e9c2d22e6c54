import type { Sodium } from './sodium.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** 256 random bits, base64url. */
export function randomSecret(lib: Sodium, bytes = 32): string {
  return lib.to_base64(lib.randombytes_buf(bytes), lib.base64_variants.URLSAFE_NO_PADDING);
}

/**
 * A session token names its organisation and session, so any instance (and, on Citus, the right
 * shard) finds the row by primary key; the secret part is compared by its keyed hash only.
 */
export interface SessionTokenParts {
  organisationId: string;
  sessionId: string;
  secret: string;
}

export function formatSessionToken(parts: SessionTokenParts): string {
  return `td1.${parts.organisationId}.${parts.sessionId}.${parts.secret}`;
}

export function parseSessionToken(token: string): SessionTokenParts | null {
  const pieces = token.split('.');
  if (pieces.length !== 4 || pieces[0] !== 'td1') return null;
  const [, organisationId, sessionId, secret] = pieces as [string, string, string, string];
  if (!UUID.test(organisationId) || !UUID.test(sessionId) || !/^[A-Za-z0-9_-]{43}$/.test(secret)) return null;
  return { organisationId, sessionId, secret };
}

/** Recovery codes: 15 base32 characters (75 bits), shown as three groups of five. */
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export function randomRecoveryCode(lib: Sodium): string {
  const bytes = lib.randombytes_buf(15);
  return Array.from(bytes, (byte) => BASE32[byte % 32]).join('');
}

export function displayRecoveryCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5, 10)}-${code.slice(10, 15)}`.toLowerCase();
}

/** Constant-time comparison of two hex digests of equal length. */
export function sameDigest(lib: Sodium, a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  return lib.memcmp(lib.from_hex(a), lib.from_hex(b));
}
