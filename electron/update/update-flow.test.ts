import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { leaseCrypto } from '../../shared/licence/sign.js';
import { signManifest } from './manifest-signature.js';
import { makeRelease, serveFeed, type TestFeed } from './test-feed.js';
import { UpdateFlow, type UpdaterPort } from './update-flow.js';
import { compareVersions } from './version.js';
import { readManifestFacts } from './verify-update.js';

type Sodium = Awaited<ReturnType<typeof leaseCrypto>>;
let lib: Sodium;
let secretKey: Uint8Array;
let trusted: Map<string, Uint8Array>;
let feed: TestFeed | undefined;

beforeAll(async () => {
  lib = await leaseCrypto();
  const pair = lib.crypto_sign_keypair();
  secretKey = pair.privateKey;
  trusted = new Map([['release-1', pair.publicKey]]);
});
afterEach(async () => {
  await feed?.close();
  if (feed) rmSync(feed.dir, { recursive: true, force: true });
  feed = undefined;
});

/**
 * Plays electron-updater's part over real HTTP: reads latest.yml from the feed without any
 * signature check and downloads the installer it names. (electron-updater itself needs Electron,
 * which cannot run here.) Unlike electron-updater it does not check the sha512 on download, so the
 * app's own post-download check is what the swapped-installer test exercises.
 */
function feedReader(feedUrl: string, currentVersion: string): UpdaterPort & { downloads: number } {
  let installer = '';
  const port = {
    downloads: 0,
    async check() {
      const text = await (await fetch(new URL('latest.yml', feedUrl))).text();
      const facts = readManifestFacts(text);
      installer = /^path:\s*(\S+)/m.exec(text)?.[1] ?? '';
      if (!facts || compareVersions(facts.version, currentVersion) <= 0) return null;
      return { version: facts.version, sha512s: [...facts.sha512s] };
    },
    async download() {
      port.downloads += 1;
      const bytes = new Uint8Array(await (await fetch(new URL(installer, feedUrl))).arrayBuffer());
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'td-update-dl-')), installer);
      writeFileSync(file, bytes);
      return file;
    },
  };
  return port;
}

async function release(version: string, { sign = true } = {}) {
  const made = makeRelease(version);
  if (sign) {
    const manifest = readFileSync(path.join(made.dir, 'latest.yml'));
    writeFileSync(path.join(made.dir, 'latest.yml.sig'), JSON.stringify(signManifest(lib, 'latest.yml', manifest, { keyId: 'release-1', secretKey })));
  }
  feed = await serveFeed(made.dir);
  return { ...made, feed };
}

function flowFor(feedUrl: string, currentVersion: string, online = true) {
  const updater = feedReader(feedUrl, currentVersion);
  const flow = new UpdateFlow({ lib, feedUrl, manifestFile: 'latest.yml', publicKeys: trusted, currentVersion, updater, isOnline: () => online });
  return { flow, updater };
}

describe('an update round against a real feed', () => {
  it('downloads a signed, newer release and keeps it for the next quit; then looks no further', async () => {
    const { feed, installerBytes } = await release('1.4.0');
    const { flow, updater } = flowFor(feed.url, '1.3.0');
    expect(await flow.runRound()).toEqual({ outcome: 'waiting-for-quit', version: '1.4.0' });
    const pending = flow.pendingInstall();
    expect(pending?.version).toBe('1.4.0');
    expect(readFileSync(pending?.file ?? '')).toEqual(installerBytes);
    expect(updater.downloads).toBe(1);
    feed.requests.length = 0;
    expect(await flow.runRound()).toEqual({ outcome: 'update-waiting' });
    expect(feed.requests).toEqual([]);
  });

  it('never downloads an unsigned release', async () => {
    const { feed } = await release('1.4.0', { sign: false });
    const { flow, updater } = flowFor(feed.url, '1.3.0');
    const result = await flow.runRound();
    expect(result).toMatchObject({ outcome: 'refused', reason: 'signature-missing' });
    expect(updater.downloads).toBe(0);
    expect(flow.pendingInstall()).toBeNull();
  });

  it('does not keep an installer that was swapped on the feed after the release was signed', async () => {
    const { feed, installer, installerBytes } = await release('1.4.0');
    const swapped = Buffer.from(installerBytes);
    swapped[swapped.length - 1] = (swapped[swapped.length - 1] ?? 0) ^ 0xff;
    writeFileSync(path.join(feed.dir, installer), swapped);
    const { flow, updater } = flowFor(feed.url, '1.3.0');
    const result = await flow.runRound();
    expect(result).toMatchObject({ outcome: 'refused', reason: 'file-not-signed' });
    expect(updater.downloads).toBe(1);
    expect(flow.pendingInstall()).toBeNull();
  });

  it('asks the feed nothing while offline, and reports up to date when nothing is newer', async () => {
    const { feed } = await release('1.4.0');
    const offline = flowFor(feed.url, '1.3.0', false);
    expect(await offline.flow.runRound()).toEqual({ outcome: 'offline' });
    expect(feed.requests).toEqual([]);
    const current = flowFor(feed.url, '1.4.0');
    expect(await current.flow.runRound()).toEqual({ outcome: 'up-to-date' });
    expect(await current.flow.runRound()).toEqual({ outcome: 'too-soon' });
  });

  it('reports an unreachable feed as a failed round, not a crash', async () => {
    const { feed } = await release('1.4.0');
    const url = feed.url;
    await feed.close();
    const { flow } = flowFor(url, '1.3.0');
    const result = await flow.runRound();
    expect(result.outcome).toBe('failed');
  });
});
