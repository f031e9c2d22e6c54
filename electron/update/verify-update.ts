import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type sodium from 'libsodium-wrappers-sumo';
import { isAllowedFeedUrl } from './feed-config.js';
import { verifyManifest } from './manifest-signature.js';
import { compareVersions } from './version.js';

/**
 * Everything the app checks before an update may be installed, testable in plain Node:
 *  1. the platform's manifest and its `.sig` come from an allowed feed and the signature is by a
 *     key shipped in this app (`fetchSignedManifest`);
 *  2. what electron-updater offers is exactly what that signed manifest says — same version, every
 *     file's sha512 listed — before it is allowed to download (`checkOffer`); electron-updater then
 *     refuses a download whose sha512 differs from its (now vouched-for) manifest;
 *  3. the downloaded installer's own sha512 is one the signed manifest lists (`checkDownloadedFile`),
 *     before the app lets it install on quit.
 */
export type UpdateRefusal =
  | 'feed-not-allowed'
  | 'manifest-unavailable'
  | 'signature-missing'
  | 'signature-malformed'
  | 'signature-wrong-file'
  | 'unknown-key'
  | 'bad-signature'
  | 'manifest-unreadable'
  | 'version-mismatch'
  | 'not-newer'
  | 'file-not-signed';

export class UpdateVerificationError extends Error {
  constructor(
    readonly reason: UpdateRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'UpdateVerificationError';
  }
}

export interface SignedManifest {
  file: string;
  keyId: string;
  version: string;
  /** Every sha512 (base64, as electron-builder writes it) the signed manifest names. */
  sha512s: ReadonlySet<string>;
}

const MAX_MANIFEST_BYTES = 1024 * 1024;
const MAX_SIGNATURE_BYTES = 4096;

export async function fetchSignedManifest(options: {
  lib: typeof sodium;
  feedUrl: string;
  file: string;
  publicKeys: ReadonlyMap<string, Uint8Array>;
  timeoutMs?: number;
}): Promise<SignedManifest> {
  const { lib, feedUrl, file, publicKeys } = options;
  if (!isAllowedFeedUrl(feedUrl)) {
    throw new UpdateVerificationError('feed-not-allowed', `Update feed ${feedUrl} is not allowed: it must be https:// (http:// only for localhost).`);
  }
  const manifestUrl = new URL(file, feedUrl);
  const manifest = await download(manifestUrl, MAX_MANIFEST_BYTES, options.timeoutMs);
  if (manifest === 'missing') throw new UpdateVerificationError('manifest-unavailable', `The update feed has no ${file} (${manifestUrl.href}).`);
  const signatureUrl = new URL(`${file}.sig`, feedUrl);
  const signatureBytes = await download(signatureUrl, MAX_SIGNATURE_BYTES, options.timeoutMs);
  if (signatureBytes === 'missing') {
    throw new UpdateVerificationError('signature-missing', `The update feed has no signature for ${file} (${signatureUrl.href}); an unsigned update is never installed.`);
  }
  let envelope: unknown;
  try {
    envelope = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(signatureBytes));
  } catch {
    envelope = null;
  }
  const verdict = verifyManifest(lib, file, manifest, envelope, publicKeys);
  if (!verdict.ok) {
    const explain: Record<typeof verdict.reason, [UpdateRefusal, string]> = {
      malformed: ['signature-malformed', `${file}.sig is not a Thuisdossier update signature.`],
      'wrong-file': ['signature-wrong-file', `${file}.sig is a signature for another manifest.`],
      'unknown-key': ['unknown-key', `${file} is signed with a key this app does not trust.`],
      'bad-signature': ['bad-signature', `${file} does not match its signature: it was changed after the release was signed.`],
    };
    const [reason, text] = explain[verdict.reason];
    throw new UpdateVerificationError(reason, `${text} The update is not installed.`);
  }
  const facts = readManifestFacts(new TextDecoder().decode(manifest));
  if (!facts) throw new UpdateVerificationError('manifest-unreadable', `${file} is signed but names no version or no sha512.`);
  return { file, keyId: verdict.keyId, ...facts };
}

/** What electron-updater read from the feed (its UpdateInfo), against the signed manifest. */
export function checkOffer(signed: SignedManifest, offer: { version: string; sha512s: readonly string[] }, currentVersion: string): void {
  if (offer.version !== signed.version) {
    throw new UpdateVerificationError('version-mismatch', `The feed offers ${offer.version}, but the signed manifest is for ${signed.version}.`);
  }
  if (compareVersions(signed.version, currentVersion) <= 0) {
    throw new UpdateVerificationError('not-newer', `The signed manifest is for ${signed.version}, not newer than this app (${currentVersion}).`);
  }
  const unsigned = offer.sha512s.filter((hash) => !signed.sha512s.has(hash));
  if (offer.sha512s.length === 0 || unsigned.length > 0) {
    throw new UpdateVerificationError('file-not-signed', `The feed offers a file whose sha512 is not in the signed manifest for ${signed.version}.`);
  }
}

export async function checkDownloadedFile(signed: SignedManifest, filePath: string): Promise<void> {
  const hash = await sha512Base64(filePath);
  if (!signed.sha512s.has(hash)) {
    throw new UpdateVerificationError(
      'file-not-signed',
      `The downloaded installer (${filePath}) is not the one the signed manifest for ${signed.version} names; it was changed or replaced. It will not be installed.`,
    );
  }
}

export async function sha512Base64(filePath: string): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(filePath)) hash.update(chunk as Buffer);
  return hash.digest('base64');
}

/**
 * The two facts the app needs from the signed bytes, read line by line rather than with a YAML
 * library: the top-level `version:` and every `sha512:` value (base64 of 64 bytes) anywhere in it.
 * Only bytes that passed the signature check reach this, and an odd layout yields "unreadable".
 */
export function readManifestFacts(text: string): { version: string; sha512s: Set<string> } | null {
  let version: string | null = null;
  const sha512s = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const top = /^version:\s*['"]?([0-9A-Za-z.+-]+)['"]?\s*$/.exec(line);
    if (top?.[1]) version = top[1];
    const hash = /^\s*(?:-\s+)?sha512:\s*['"]?([A-Za-z0-9+/]{86}==)['"]?\s*$/.exec(line);
    if (hash?.[1]) sha512s.add(hash[1]);
  }
  return version && sha512s.size > 0 ? { version, sha512s } : null;
}

async function download(url: URL, maxBytes: number, timeoutMs = 15_000): Promise<Uint8Array | 'missing'> {
  let response: Response;
  try {
    // No redirects: a redirect could lead off the https feed.
    response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(timeoutMs), cache: 'no-store' });
  } catch (error) {
    throw new UpdateVerificationError('manifest-unavailable', `The update feed could not be reached (${url.origin}): ${(error as Error).message}.`);
  }
  if (response.status === 404) return 'missing';
  if (!response.ok) throw new UpdateVerificationError('manifest-unavailable', `The update feed answered ${response.status} for ${url.href}.`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > maxBytes) throw new UpdateVerificationError('manifest-unavailable', `${url.href} is larger than ${maxBytes} bytes.`);
  return bytes;
}
