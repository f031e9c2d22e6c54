import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideUpdateCheck, UPDATE_CHECK_INTERVAL_MS } from './check-schedule.js';
import { isAllowedFeedUrl, readUpdateFeedFile, resolveUpdateFeed, UPDATE_FEED_FILE } from './feed-config.js';
import { compareVersions } from './version.js';

describe('the update feed setting', () => {
  it('uses the build default when there is no settings file, as a folder URL', () => {
    expect(resolveUpdateFeed(null, 'https://updates.thuisdossier.nl/stable')).toEqual({ enabled: true, url: 'https://updates.thuisdossier.nl/stable/' });
  });

  it('lets the settings file point elsewhere or turn updates off', () => {
    expect(resolveUpdateFeed('{"url":"https://mirror.zorg.example/td/"}', 'https://updates.thuisdossier.nl/')).toEqual({
      enabled: true,
      url: 'https://mirror.zorg.example/td/',
    });
    expect(resolveUpdateFeed('{"enabled":false}', 'https://updates.thuisdossier.nl/')).toEqual({ enabled: false, reason: `turned off in ${UPDATE_FEED_FILE}` });
  });

  it('is off, with a reason, for a build without a feed', () => {
    expect(resolveUpdateFeed(null, undefined)).toEqual({ enabled: false, reason: 'this build has no update feed' });
  });

  it('refuses http:// (except on this machine), credentials, queries, other schemes and unknown fields, saying what is wrong', () => {
    expect(() => resolveUpdateFeed('{"url":"http://updates.thuisdossier.nl/"}', undefined)).toThrow(/update-feed.json is not valid: url: the update feed must be an https:\/\//);
    expect(() => resolveUpdateFeed(null, 'http://updates.thuisdossier.nl/')).toThrow(/built-in update feed is not allowed/);
    expect(() => resolveUpdateFeed('{"url":"https://u.example/", "channel":"beta"}', undefined)).toThrow(/Unrecognized key/);
    expect(() => resolveUpdateFeed('{url:', undefined)).toThrow('update-feed.json is not valid JSON; fix or remove it');
    expect(isAllowedFeedUrl('https://user:pw@u.example/')).toBe(false);
    expect(isAllowedFeedUrl('https://u.example/?token=1')).toBe(false);
    expect(isAllowedFeedUrl('file:///tmp/feed/')).toBe(false);
    expect(isAllowedFeedUrl('ftp://u.example/')).toBe(false);
    expect(isAllowedFeedUrl('http://127.0.0.1:8080/feed/')).toBe(true);
    expect(isAllowedFeedUrl('http://localhost/feed/')).toBe(true);
    expect(isAllowedFeedUrl('http://localhost.evil.example/feed/')).toBe(false);
  });

  it('reads the settings file from disk, and a missing file is no settings file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'td-feed-'));
    expect(await readUpdateFeedFile(path.join(dir, UPDATE_FEED_FILE))).toBeNull();
    writeFileSync(path.join(dir, UPDATE_FEED_FILE), '{"enabled":false}');
    expect(await readUpdateFeedFile(path.join(dir, UPDATE_FEED_FILE))).toBe('{"enabled":false}');
  });
});

describe('when to look for an update', () => {
  const base = { online: true, now: 10 * UPDATE_CHECK_INTERVAL_MS, lastCheckAt: null, checking: false, updateWaiting: false };

  it('checks when online and not checked recently', () => {
    expect(decideUpdateCheck(base)).toBe('check');
    expect(decideUpdateCheck({ ...base, lastCheckAt: base.now - UPDATE_CHECK_INTERVAL_MS })).toBe('check');
  });

  it('stays quiet offline, too soon after a check, during a check, and once an update waits for the next quit', () => {
    expect(decideUpdateCheck({ ...base, online: false })).toBe('offline');
    expect(decideUpdateCheck({ ...base, lastCheckAt: base.now - 60_000 })).toBe('too-soon');
    expect(decideUpdateCheck({ ...base, checking: true })).toBe('busy');
    expect(decideUpdateCheck({ ...base, updateWaiting: true, online: false })).toBe('update-waiting');
  });
});

describe('release versions', () => {
  it('orders them as semver does', () => {
    expect(compareVersions('1.4.0', '1.3.9')).toBe(1);
    expect(compareVersions('1.10.0', '1.9.0')).toBe(1);
    expect(compareVersions('1.4.0', '1.4.0')).toBe(0);
    expect(compareVersions('1.4.0-beta.2', '1.4.0')).toBe(-1);
    expect(compareVersions('1.4.0-beta.10', '1.4.0-beta.2')).toBe(1);
    expect(compareVersions('1.4.0-alpha', '1.4.0-beta')).toBe(-1);
    expect(compareVersions('1.4.0+build.7', '1.4.0')).toBe(0);
    expect(compareVersions('not-a-version', '0.0.1')).toBe(-1);
  });
});
