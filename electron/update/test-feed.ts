import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Test support: a real HTTP server on 127.0.0.1 serving a folder as an electron-builder generic
 * feed, and a release folder laid out as electron-builder writes it (installer + latest.yml).
 */
export interface TestFeed {
  url: string;
  dir: string;
  requests: string[];
  close(): Promise<void>;
}

export async function serveFeed(dir: string): Promise<TestFeed> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const name = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname).replace(/^\/feed\//, '');
    requests.push(name);
    if (name.includes('/') || name.startsWith('.')) {
      response.writeHead(400).end();
      return;
    }
    try {
      const body = readFileSync(path.join(dir, name));
      response.writeHead(200, { 'content-length': body.length }).end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/feed/`,
    dir,
    requests,
    // Idempotent: a test may stop the feed itself to play "unreachable".
    close: () => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve())),
  };
}

export function sha512Of(bytes: Uint8Array): string {
  return createHash('sha512').update(bytes).digest('base64');
}

/** A release folder: an installer of random bytes and the latest.yml electron-builder would write. */
export function makeRelease(version: string, manifestFile = 'latest.yml'): { dir: string; installer: string; installerBytes: Buffer } {
  const dir = mkdtempSync(path.join(tmpdir(), 'td-update-feed-'));
  mkdirSync(dir, { recursive: true });
  const installer = `Thuisdossier-Setup-${version}.exe`;
  const installerBytes = randomBytes(256 * 1024);
  writeFileSync(path.join(dir, installer), installerBytes);
  const hash = sha512Of(installerBytes);
  writeFileSync(
    path.join(dir, manifestFile),
    [
      `version: ${version}`,
      'files:',
      `  - url: ${installer}`,
      `    sha512: ${hash}`,
      `    size: ${installerBytes.length}`,
      `path: ${installer}`,
      `sha512: ${hash}`,
      "releaseDate: '2026-11-24T20:00:00.000Z'",
      '',
    ].join('\n'),
  );
  return { dir, installer, installerBytes };
}
