import type sodium from 'libsodium-wrappers-sumo';

/**
 * Domain-separated Ed25519 detached signatures, shared by every kind of signed statement the app
 * trusts (licence leases, update manifests). The signed message is `domain + "\n" + bytes`, so a
 * signature made for one kind of statement can never be replayed as another made with the same key.
 * Pure: no Node built-ins.
 */
type Sodium = typeof sodium;

export function signDetached(lib: Sodium, domain: string, message: Uint8Array | string, secretKey: Uint8Array): string {
  const signature = lib.crypto_sign_detached(domainSeparated(lib, domain, message), secretKey);
  return lib.to_base64(signature, lib.base64_variants.URLSAFE_NO_PADDING);
}

/** True only for a well-formed signature by `publicKey` over exactly these bytes in this domain. */
export function verifyDetached(
  lib: Sodium,
  domain: string,
  message: Uint8Array | string,
  signatureBase64url: string,
  publicKey: Uint8Array,
): 'valid' | 'malformed' | 'bad-signature' {
  let signature: Uint8Array;
  try {
    signature = lib.from_base64(signatureBase64url, lib.base64_variants.URLSAFE_NO_PADDING);
  } catch {
    return 'malformed';
  }
  if (signature.length !== lib.crypto_sign_BYTES) return 'malformed';
  try {
    return lib.crypto_sign_verify_detached(signature, domainSeparated(lib, domain, message), publicKey) ? 'valid' : 'bad-signature';
  } catch {
    return 'bad-signature';
  }
}

function domainSeparated(lib: Sodium, domain: string, message: Uint8Array | string): Uint8Array {
  const prefix = lib.from_string(`${domain}\n`);
  const body = typeof message === 'string' ? lib.from_string(message) : message;
  const bytes = new Uint8Array(prefix.length + body.length);
  bytes.set(prefix, 0);
  bytes.set(body, prefix.length);
  return bytes;
}
