import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { leaseCrypto } from '../../shared/licence/sign.js';
import { signManifest, type UpdateSigningKey } from './manifest-signature.js';
import { makeRelease, serveFeed, sha512Of, type TestFeed } from './test-feed.js';
import { checkDownloadedFile, checkOffer, fetchSignedManifest, readManifestFacts, UpdateVerificationError } from './verify-update.js';

type Sodium = Awaited<ReturnType<typeof leaseCrypto>>;
let lib: Sodium;
let releaseKey: UpdateSigningKey;
let trusted: Map<string, Uint8Array>;
let feed: TestFeed | undefined;

beforeAll(async () => {
  lib = await leaseCrypto();
  const pair = lib.crypto_sign_keypair();
  releaseKey = { keyId: 'release-1', secretKey: pair.privateKey };
  trusted = new Map([['release-1', pair.publicKey]]);
});

afterEach(async () => {
  await feed?.close();
  if (feed) rmSync(feed.dir, { recursive: true, force: true });
  feed = undefined;
});

/** Signs the release's latest.yml the way `npm run release:sign` does, then serves the folder. */
async function signedFeed(version = '1.4.0', key = releaseKey) {
  const release = makeRelease(version);
  const manifest = readFileSync(path.join(release.dir, 'latest.yml'));
  writeFileSync(path.join(release.dir, 'latest.yml.sig'), JSON.stringify(signManifest(lib, 'latest.yml', manifest, key)));
  feed = await serveFeed(release.dir);
  return { ...release, feed };
}

async function refusal(promise: Promise<unknown>): Promise<UpdateVerificationError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UpdateVerificationError);
  return error as UpdateVerificationError;
}

describe('an update from a generic feed served over real HTTP', () => {
  it('passes every check when the release was signed and nothing was changed', async () => {
    const { feed, installer, installerBytes } = await signedFeed();
    const signed = await fetchSignedManifest({ lib, feedUrl: feed.url, file: 'latest.yml', publicKeys: trusted });
    expect(signed).toMatchObject({ version: '1.4.0', keyId: 'release-1', file: 'latest.yml' });
    expect([...signed.sha512s]).toEqual([sha512Of(installerBytes)]);
    expect(() => checkOffer(signed, { version: '1.4.0', sha512s: [sha512Of(installerBytes)] }, '1.3.2')).not.toThrow();
    await expect(checkDownloadedFile(signed, path.join(feed.dir, installer))).resolves.toBeUndefined();
    expect(feed.requests).toEqual(['latest.yml', 'latest.yml.sig']);
  });

  it('refuses an installer with one changed byte, naming the file', async () => {
    const { feed, installer, installerBytes } = await signedFeed();
    const signed = await fetchSignedManifest({ lib, feedUrl: feed.url, file: 'latest.yml', publicKeys: trusted });
    const tampered = Buffer.from(installerBytes);
    tampered[1000] = (tampered[1000] ?? 0) ^ 0x01;
    const downloaded = path.join(feed.dir, `downloaded-${installer}`);
    writeFileSync(downloaded, tampered);
    const error = await refusal(checkDownloadedFile(signed, downloaded));
    expect(error.reason).toBe('file-not-signed');
    expect(error.message).toContain('will not be installed');
  });

  it('refuses a latest.yml with one changed byte (e.g. a swapped sha512) as not matching its signature', async () => {
    const { feed, installerBytes } = await signedFeed();
    const manifestPath = path.join(feed.dir, 'latest.yml');
    const original = readFileSync(manifestPath, 'utf8');
    const realHash = sha512Of(installerBytes);
    const otherHash = sha512Of(Buffer.from('an installer the attacker built'));
    writeFileSync(manifestPath, original.replaceAll(realHash, otherHash));
    const error = await refusal(fetchSignedManifest({ lib, feedUrl: feed.url, file: 'latest.yml', publicKeys: trusted }));
    expect(error.reason).toBe('bad-signature');
    expect(error.message).toBe('latest.yml does not match its signature: it was changed after the release was signed. The update is not installed.');

    // A single flipped byte anywhere fails just the same.
    const bytes = Buffer.from(original);
    bytes[3] = (bytes[3] ?? 0) ^ 0x20;
    writeFileSync(manifestPath, bytes);
    expect((await refusal(fetchSignedManifest({ lib, feedUrl: feed.url, file: 'latest.yml', publicKeys: trusted }))).reason).toBe('bad-signature');
  });

  it('refuses a manifest signed with a key the app does not ship, and a forged signature under a trusted key id', async () => {
    const stranger = lib.crypto_sign_keypair();
    const { feed } = await signedFeed('1.4.0', { keyId: 'someone-else', secretKey: stranger.privateKey });
    const unknown = await refusal(fetchSignedManifest({ lib, feedUrl: feed.url, file: 'latest.yml', publicKeys: trusted }));
    expect(unknown.reason).toBe('unknown-key');
    expect(unknown.message).toContain('a key this app does not trust');

    const manifest = readFileSync(path.join(feed.dir, 'latest.yml'));
    const forged = signManifest(lib, 'latest.yml', manifest, { keyId: 'release-1', secretKey: stranger.privateKey });
    writeFileSync(path.join(feed.dir, 'latest.yml.sig'), JSON.stringify(forged));
    expect((await refusal(fetchSignedManifest({ lib, feedUrl: feed.url, file: 'latest.yml', publicKeys: trusted }))).reason).toBe('bad-signature');
  });

  it('refuses when the signature is missing, garbled, or made for another platform’s manifest', async () => {
    const { feed } = await signedFeed();
    const sigPath = path.join(feed.dir, 'latest.yml.sig');
    const good = readFileSync(sigPath, 'utf8');

    rmSync(sigPath);
    const missing = await refusal(fetchSignedManifest({ lib, feedUrl: feed.url, file: 'latest.yml', publicKeys: trusted }));
    expect(missing.reason).toBe('signature-missing');
    expect(missing.message).toContain('an unsigned update is never installed');

    writeFileSync(sigPath, 'not json');
    expect((await refusal(fetchSignedManifest({ lib, feedUrl: feed.url, file: 'latest.yml', publicKeys: trusted }))).reason).toBe('signature-malformed');

    writeFileSync(sigPath, good.replace('"file":"latest.yml"', '"file":"latest-mac.yml"'));
    expect((await refusal(fetchSignedManifest({ lib, feedUrl: feed.url, file: 'latest.yml', publicKeys: trusted }))).reason).toBe('signature-wrong-file');
  });

  it('refuses a plain http:// feed that is not on this machine, before any request', async () => {
    const error = await refusal(fetchSignedManifest({ lib, feedUrl: 'http://updates.thuisdossier.nl/feed/', file: 'latest.yml', publicKeys: trusted }));
    expect(error.reason).toBe('feed-not-allowed');
    expect(error.message).toContain('https://');
  });

  it('says so when the feed has no manifest or cannot be reached', async () => {
    const { feed } = await signedFeed();
    rmSync(path.join(feed.dir, 'latest.yml'));
    expect((await refusal(fetchSignedManifest({ lib, feedUrl: feed.url, file: 'latest.yml', publicKeys: trusted }))).reason).toBe('manifest-unavailable');
    const url = feed.url;
    await feed.close();
    const unreachable = await refusal(fetchSignedManifest({ lib, feedUrl: url, file: 'latest.yml', publicKeys: trusted, timeoutMs: 2000 }));
    expect(unreachable.reason).toBe('manifest-unavailable');
    expect(unreachable.message).toContain('could not be reached');
  });
});

describe('what electron-updater offers, against the signed manifest', () => {
  const hash = sha512Of(Buffer.from('installer'));
  const signed = { file: 'latest.yml', keyId: 'release-1', version: '1.4.0', sha512s: new Set([hash]) };

  it('allows exactly the signed version and files', () => {
    expect(() => checkOffer(signed, { version: '1.4.0', sha512s: [hash] }, '1.3.9')).not.toThrow();
  });

  it('refuses another version, an unsigned file, an offer without files, and a replayed older release', () => {
    const reasonOf = (run: () => void) => {
      try {
        run();
      } catch (error) {
        return (error as UpdateVerificationError).reason;
      }
      return 'accepted';
    };
    expect(reasonOf(() => checkOffer(signed, { version: '1.5.0', sha512s: [hash] }, '1.3.9'))).toBe('version-mismatch');
    expect(reasonOf(() => checkOffer(signed, { version: '1.4.0', sha512s: [hash, sha512Of(Buffer.from('x'))] }, '1.3.9'))).toBe('file-not-signed');
    expect(reasonOf(() => checkOffer(signed, { version: '1.4.0', sha512s: [] }, '1.3.9'))).toBe('file-not-signed');
    expect(reasonOf(() => checkOffer(signed, { version: '1.4.0', sha512s: [hash] }, '1.4.0'))).toBe('not-newer');
    expect(reasonOf(() => checkOffer(signed, { version: '1.4.0', sha512s: [hash] }, '2.0.0-beta.1'))).toBe('not-newer');
  });
});

describe('reading the signed manifest', () => {
  it('finds the version and every sha512 of a macOS manifest with two files and release notes', () => {
    const zip = sha512Of(Buffer.from('zip'));
    const dmg = sha512Of(Buffer.from('dmg'));
    const facts = readManifestFacts(
      [
        "version: '2.0.1'",
        'files:',
        '  - url: Thuisdossier-2.0.1-mac.zip',
        `    sha512: ${zip}`,
        '    size: 10',
        '  - url: Thuisdossier-2.0.1.dmg',
        `    sha512: "${dmg}"`,
        'releaseNotes: |',
        '  version: 9.9.9 is not the version',
        `path: Thuisdossier-2.0.1-mac.zip`,
        `sha512: ${zip}`,
      ].join('\r\n'),
    );
    expect(facts).toEqual({ version: '2.0.1', sha512s: new Set([zip, dmg]) });
  });

  it('gives nothing for a manifest without a version or without hashes', () => {
    expect(readManifestFacts('files: []\n')).toBeNull();
    expect(readManifestFacts('version: 1.0.0\n')).toBeNull();
  });
});
