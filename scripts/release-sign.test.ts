import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { leaseCrypto } from '../shared/licence/sign.js';
import { makeRelease, serveFeed, type TestFeed } from '../electron/update/test-feed.js';
import { parseUpdateKeys } from '../electron/update/trusted-keys.js';
import { fetchSignedManifest, type UpdateVerificationError } from '../electron/update/verify-update.js';

type Sodium = Awaited<ReturnType<typeof leaseCrypto>>;
let lib: Sodium;
let feed: TestFeed | undefined;
const tsx = path.resolve('node_modules/.bin/tsx');

beforeAll(async () => {
  lib = await leaseCrypto();
});
afterEach(async () => {
  await feed?.close();
  feed = undefined;
});

function run(args: string[], env: Record<string, string> = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('THUISDOSSIER_UPDATE_')));
  const result = spawnSync(tsx, ['scripts/release-sign.ts', ...args], { env: { ...clean, ...env }, encoding: 'utf8', timeout: 60_000 });
  expect(result.error).toBeUndefined();
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function newKey(keyId = 'release-2026') {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'td-release-key-')), 'release.key');
  const made = run(['keygen', keyId, file]);
  expect(made.status).toBe(0);
  const secretLine = readFileSync(file, 'utf8').trim();
  const publicLine = /THUISDOSSIER_UPDATE_PUBLIC_KEYS=(\S+)/.exec(made.output)?.[1] ?? '';
  return { file, secretLine, secret: secretLine.split(':')[1] ?? '', publicLine, output: made.output };
}

describe('npm run release:keygen / release:sign', () => {
  it('makes a key only its owner can read, and never prints the secret', () => {
    const key = newKey();
    expect(statSync(key.file).mode & 0o777).toBe(0o600);
    expect(key.secret.length).toBeGreaterThan(80);
    expect(key.output).not.toContain(key.secret);
    expect(key.publicLine).toMatch(/^release-2026:[A-Za-z0-9_-]{43}$/);
    const again = run(['keygen', 'release-2026', key.file]);
    expect(again.status).toBe(1);
    expect(again.output).toContain('never overwritten');
  });

  it('signs latest.yml so that the app, with the printed public key, accepts it from a real feed', async () => {
    const key = newKey();
    // Made before the feed runs: newKey blocks this process (spawnSync) for seconds, long enough
    // for the feed to close the kept-alive connection that the next fetch would then reuse.
    const other = newKey('release-2026');
    const release = makeRelease('2.1.0');
    const signed = run(['sign', release.dir], { THUISDOSSIER_UPDATE_SIGNING_KEY_FILE: key.file, THUISDOSSIER_UPDATE_PUBLIC_KEYS: key.publicLine });
    expect(signed.status).toBe(0);
    expect(signed.output).toContain('Signed latest.yml → latest.yml.sig');
    expect(signed.output).not.toContain(key.secret);

    feed = await serveFeed(release.dir);
    const manifest = await fetchSignedManifest({ lib, feedUrl: feed.url, file: 'latest.yml', publicKeys: parseUpdateKeys(lib, key.publicLine) });
    expect(manifest.version).toBe('2.1.0');

    // And an app built with another key refuses the very same release.
    const refused = await fetchSignedManifest({ lib, feedUrl: feed.url, file: 'latest.yml', publicKeys: parseUpdateKeys(lib, other.publicLine) }).catch((error: unknown) => error);
    expect((refused as UpdateVerificationError).reason).toBe('bad-signature');
  });

  it('takes the key from the environment too, and refuses a key the build does not trust', () => {
    const key = newKey();
    const other = newKey('release-2027');
    const release = makeRelease('2.1.0');
    const fromEnv = run(['sign', release.dir], { THUISDOSSIER_UPDATE_SIGNING_KEY: key.secretLine });
    expect(fromEnv.status).toBe(0);
    const untrusted = run(['sign', release.dir], { THUISDOSSIER_UPDATE_SIGNING_KEY: key.secretLine, THUISDOSSIER_UPDATE_PUBLIC_KEYS: other.publicLine });
    expect(untrusted.status).toBe(1);
    expect(untrusted.output).toContain('is not one of THUISDOSSIER_UPDATE_PUBLIC_KEYS');
    expect(untrusted.output).not.toContain(key.secret);
  });

  it('explains a missing or broken key, and a folder without manifests, without echoing the key', () => {
    const release = makeRelease('2.1.0');
    const none = run(['sign', release.dir]);
    expect(none.status).toBe(1);
    expect(none.output).toContain('No signing key');
    const broken = 'release-2026:AAAAsecretAAAAlooking';
    const bad = run(['sign', release.dir], { THUISDOSSIER_UPDATE_SIGNING_KEY: broken });
    expect(bad.status).toBe(1);
    expect(bad.output).toContain('The signing key is not valid');
    expect(bad.output).not.toContain('AAAAsecret');
    const key = newKey();
    const empty = run(['sign', mkdtempSync(path.join(tmpdir(), 'td-empty-'))], { THUISDOSSIER_UPDATE_SIGNING_KEY_FILE: key.file });
    expect(empty.status).toBe(1);
    expect(empty.output).toContain('No latest*.yml');
  });
});
