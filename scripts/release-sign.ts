// Signs a release's update manifests (latest.yml, latest-linux*.yml, latest-mac.yml) with the
// release's Ed25519 key, writing `<manifest>.sig` beside each, to be published with them.
//
//   npm run release:keygen -- <keyId> <secret key file>     once: a new release key (file mode 0600)
//   npm run release:sign -- <folder with the manifests>     every release (electron-builder's output)
//
// The key comes from THUISDOSSIER_UPDATE_SIGNING_KEY (`keyId:base64url secret`) or from the file
// named by THUISDOSSIER_UPDATE_SIGNING_KEY_FILE (same content). The secret is never printed; only
// the public key, so it can be compared with the THUISDOSSIER_UPDATE_PUBLIC_KEYS the app was built with.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodeKey, leaseCrypto } from '../shared/licence/sign.js';
import { signManifest, verifyManifest, type UpdateSigningKey } from '../electron/update/manifest-signature.js';
import { parseUpdateKeys, UPDATE_KEYS_VARIABLE } from '../electron/update/trusted-keys.js';

type Sodium = Awaited<ReturnType<typeof leaseCrypto>>;

class UsageError extends Error {}

function readSigningKey(lib: Sodium): UpdateSigningKey {
  const file = process.env.THUISDOSSIER_UPDATE_SIGNING_KEY_FILE;
  const spec = (file ? readFileSync(file, 'utf8') : process.env.THUISDOSSIER_UPDATE_SIGNING_KEY ?? '').trim();
  if (!spec) throw new UsageError('No signing key: set THUISDOSSIER_UPDATE_SIGNING_KEY_FILE (or THUISDOSSIER_UPDATE_SIGNING_KEY) to the release key made by npm run release:keygen.');
  const at = spec.indexOf(':');
  const keyId = spec.slice(0, at);
  let secret: Uint8Array | null;
  try {
    secret = lib.from_base64(spec.slice(at + 1), lib.base64_variants.URLSAFE_NO_PADDING);
  } catch {
    secret = null;
  }
  // Deliberately no detail in the message: it must never echo any part of the secret.
  if (at < 1 || !/^[A-Za-z0-9_-]{1,64}$/.test(keyId) || !secret || secret.length !== lib.crypto_sign_SECRETKEYBYTES) {
    throw new UsageError('The signing key is not valid: it must be keyId:base64url of a 64-byte Ed25519 secret key, as npm run release:keygen writes it.');
  }
  return { keyId, secretKey: secret };
}

function publicKeyOf(lib: Sodium, key: UpdateSigningKey): Uint8Array {
  return lib.crypto_sign_ed25519_sk_to_pk(key.secretKey);
}

function keygen(lib: Sodium, keyId: string | undefined, file: string | undefined): void {
  if (!keyId || !/^[A-Za-z0-9_-]{1,64}$/.test(keyId) || !file) throw new UsageError('Usage: npm run release:keygen -- <keyId> <secret key file>');
  if (existsSync(file)) throw new UsageError(`${file} exists already; a release key is never overwritten.`);
  const pair = lib.crypto_sign_keypair();
  writeFileSync(file, `${keyId}:${encodeKey(lib, pair.privateKey)}\n`, { mode: 0o600, flag: 'wx' });
  console.log(`Wrote the secret release key to ${file} (mode 0600). Keep it off the update server.`);
  console.log(`Build the app with ${UPDATE_KEYS_VARIABLE}=${keyId}:${encodeKey(lib, pair.publicKey)}`);
}

function sign(lib: Sodium, folder: string | undefined): void {
  if (!folder) throw new UsageError('Usage: npm run release:sign -- <folder with latest*.yml>');
  const key = readSigningKey(lib);
  const publicKey = publicKeyOf(lib, key);
  const published = process.env[UPDATE_KEYS_VARIABLE];
  // When the build's trusted keys are known, refuse to sign with a key the app would not accept.
  if (published && !lib.memcmp(parseUpdateKeys(lib, published).get(key.keyId) ?? new Uint8Array(32), publicKey)) {
    throw new UsageError(`The signing key ${key.keyId} is not one of ${UPDATE_KEYS_VARIABLE}; the app would refuse this release.`);
  }
  const manifests = readdirSync(folder).filter((name) => /^latest[A-Za-z0-9_-]*\.yml$/.test(name)).sort();
  if (manifests.length === 0) throw new UsageError(`No latest*.yml in ${folder}: run electron-builder first (npm run dist).`);
  for (const file of manifests) {
    const manifest = readFileSync(path.join(folder, file));
    const signature = signManifest(lib, file, manifest, key);
    // Checked with the public key before it is written: a bad signature never reaches the feed.
    const check = verifyManifest(lib, file, manifest, signature, new Map([[key.keyId, publicKey]]));
    if (!check.ok) throw new Error(`Signing ${file} produced a signature that does not verify (${check.reason}).`);
    writeFileSync(path.join(folder, `${file}.sig`), `${JSON.stringify(signature)}\n`);
    console.log(`Signed ${file} → ${file}.sig`);
  }
  console.log(`Key ${key.keyId}, public key ${encodeKey(lib, publicKey)}. Publish the .sig files with the manifests and installers.`);
}

try {
  const lib = await leaseCrypto();
  const [command, ...args] = process.argv.slice(2);
  if (command === 'keygen') keygen(lib, args[0], args[1]);
  else if (command === 'sign') sign(lib, args[0]);
  else throw new UsageError('Usage: release-sign.ts keygen <keyId> <file> | sign <folder>');
} catch (error) {
  console.error(error instanceof UsageError ? error.message : `release signing failed: ${(error as Error).message}`);
  process.exit(1);
}
