import type sodium from 'libsodium-wrappers-sumo';
import { z } from 'zod';
import { signDetached, verifyDetached } from '../../shared/signing/detached.js';

/**
 * The release's own signature over an update manifest (electron-builder's latest.yml,
 * latest-linux.yml, latest-mac.yml). electron-updater checks the installer against the sha512 in
 * that manifest — integrity only, since the same feed serves both. This detached Ed25519
 * signature, made by the release pipeline with a key that never sits on the feed, is what makes the
 * manifest (and so every sha512 in it) authentic. It sits beside the manifest as `<manifest>.sig`.
 *
 * The signed bytes are the manifest's exact bytes, bound to its file name, so a signature for the
 * macOS manifest cannot be served as the Windows one.
 */
export const UPDATE_SIGNATURE_FORMAT = 'thuisdossier-update-signature/1';
const SIGNATURE_DOMAIN = 'thuisdossier-update-manifest/1';

export const updateSignatureSchema = z
  .object({
    format: z.literal(UPDATE_SIGNATURE_FORMAT),
    keyId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    file: z.string().regex(/^latest[A-Za-z0-9_-]*\.yml$/),
    signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/),
  })
  .strict();
export type UpdateSignature = z.infer<typeof updateSignatureSchema>;

export interface UpdateSigningKey {
  keyId: string;
  /** 64-byte libsodium Ed25519 secret key. */
  secretKey: Uint8Array;
}

export type ManifestVerification =
  | { ok: true; keyId: string }
  | { ok: false; reason: 'malformed' | 'wrong-file' | 'unknown-key' | 'bad-signature' };

export function signManifest(lib: typeof sodium, file: string, manifest: Uint8Array, key: UpdateSigningKey): UpdateSignature {
  return updateSignatureSchema.parse({
    format: UPDATE_SIGNATURE_FORMAT,
    keyId: key.keyId,
    file,
    signature: signDetached(lib, SIGNATURE_DOMAIN, message(file, manifest), key.secretKey),
  });
}

export function verifyManifest(
  lib: typeof sodium,
  file: string,
  manifest: Uint8Array,
  candidate: unknown,
  publicKeys: ReadonlyMap<string, Uint8Array>,
): ManifestVerification {
  const envelope = updateSignatureSchema.safeParse(candidate);
  if (!envelope.success) return { ok: false, reason: 'malformed' };
  if (envelope.data.file !== file) return { ok: false, reason: 'wrong-file' };
  const publicKey = publicKeys.get(envelope.data.keyId);
  if (!publicKey) return { ok: false, reason: 'unknown-key' };
  const checked = verifyDetached(lib, SIGNATURE_DOMAIN, message(file, manifest), envelope.data.signature, publicKey);
  return checked === 'valid' ? { ok: true, keyId: envelope.data.keyId } : { ok: false, reason: checked };
}

/** The manifest electron-updater reads on this platform (its GenericProvider's channel file). */
export function manifestFileName(platform: NodeJS.Platform, arch: string): string {
  if (platform === 'darwin') return 'latest-mac.yml';
  if (platform === 'linux') return arch === 'x64' ? 'latest-linux.yml' : `latest-linux-${arch}.yml`;
  return 'latest.yml';
}

function message(file: string, manifest: Uint8Array): Uint8Array {
  const head = new TextEncoder().encode(`${file}\n`);
  const bytes = new Uint8Array(head.length + manifest.length);
  bytes.set(head, 0);
  bytes.set(manifest, head.length);
  return bytes;
}
