import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createCore, type Core } from '../core/core.js';
import { createLogger } from '../log/logger.js';
import { startPreviewHost, type PreviewHost } from './host.js';

const log = createLogger('test', 'silent');
let core: Core;
let host: PreviewHost;
let rendererDir: string;

beforeAll(async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'td-preview-'));
  rendererDir = path.join(root, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Thuisdossier</title>');
  writeFileSync(path.join(root, 'secret.txt'), 'outside the renderer');
  core = await createCore(
    { dataDir: path.join(root, 'data'), serverUrl: 'http://127.0.0.1:9', host: 'test', version: '0.0.0' },
    log,
  );
  host = await startPreviewHost({ core, rendererDir, log, port: 0 });
});

afterAll(async () => {
  await host.close();
  await core.close();
});

function token(): string {
  return new URL(host.url).searchParams.get('token') ?? '';
}

function connect(query: string, origin = host.origin): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ipc${query}`, { origin });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
    ws.once('error', reject);
  });
}

function nextMessage(ws: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(data.toString()))));
}

describe('the preview host', () => {
  it('serves the renderer with a strict CSP', async () => {
    const response = await fetch(host.origin + '/');
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`ws://127.0.0.1:${host.port}`);
    expect(await response.text()).toContain('Thuisdossier');
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const attempt of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const response = await fetch(host.origin + attempt);
      expect(await response.text()).not.toContain('outside the renderer');
    }
  });

  it('refuses a bridge connection without the token', async () => {
    await expect(connect('')).rejects.toThrow('HTTP 401');
  });

  it('refuses a bridge connection with a wrong token', async () => {
    await expect(connect('?token=' + 'A'.repeat(token().length))).rejects.toThrow('HTTP 401');
  });

  it('refuses a bridge connection from another origin, even with the token', async () => {
    await expect(connect(`?token=${token()}`, 'http://evil.example')).rejects.toThrow('HTTP 403');
  });

  it('answers contract calls over the bridge and survives malformed messages', async () => {
    const ws = await connect(`?token=${token()}`);
    ws.send('this is not json');
    expect(await nextMessage(ws)).toMatchObject({ kind: 'response', id: null, result: { ok: false, error: { code: 'invalid_request' } } });

    ws.send(JSON.stringify({ kind: 'request', id: 2, method: 'no.such', input: {} }));
    expect(await nextMessage(ws)).toMatchObject({ id: 2, result: { ok: false, error: { code: 'unknown_method' } } });

    ws.send(JSON.stringify({ kind: 'request', id: 3, method: 'session.unlock', input: { password: ['x'] } }));
    expect(await nextMessage(ws)).toMatchObject({ id: 3, result: { ok: false, error: { code: 'invalid_input' } } });

    ws.send(JSON.stringify({ kind: 'request', id: 4, method: 'app.info', input: {} }));
    expect(await nextMessage(ws)).toMatchObject({ id: 4, result: { ok: true, value: { name: 'Thuisdossier', host: 'test' } } });
    ws.close();

    // A fresh connection still works: nothing above took the host down.
    const again = await connect(`?token=${token()}`);
    again.send(JSON.stringify({ kind: 'request', id: 1, method: 'app.info', input: {} }));
    expect(await nextMessage(again)).toMatchObject({ id: 1, result: { ok: true } });
    again.close();
  });
});
