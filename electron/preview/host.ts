import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { contentSecurityPolicy, rendererSecurityHeaders } from '../../shared/security/csp.js';
import { MAX_MESSAGE_BYTES } from '../../shared/ipc/wire.js';
import type { Core } from '../core/core.js';
import { serveTransport, type Transport } from '../core/connection.js';
import type { Logger } from '../log/logger.js';
import { readRendererFile } from '../static/renderer-files.js';

export const IPC_PATH = '/ipc';

export interface PreviewHostOptions {
  core: Core;
  rendererDir: string;
  log: Logger;
  /** 0 picks a free port. The host only ever listens on 127.0.0.1. */
  port?: number;
}

export interface PreviewHost {
  /** The address to open, with the token; print it, never log it elsewhere. */
  url: string;
  origin: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves the built renderer on 127.0.0.1 and carries the IPC contract over a WebSocket.
 * A connection needs the random token of this run (given in the URL) and must come from the
 * page this host served (Origin check), so other local pages or programs cannot reach the core.
 */
export async function startPreviewHost(options: PreviewHostOptions): Promise<PreviewHost> {
  const token = randomBytes(32).toString('base64url');
  const server = createServer();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  await listen(server, options.port ?? 0);
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  const csp = contentSecurityPolicy({ extraConnectSrc: [`ws://127.0.0.1:${port}`] });
  const headers = rendererSecurityHeaders(csp);

  server.on('request', (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    void readRendererFile(options.rendererDir, request.url ?? '/').then(
      (file) => {
        if (!file) {
          response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
          response.end('Not found. Build the renderer first: npm run build:renderer');
          return;
        }
        response.writeHead(200, { ...headers, 'Content-Type': file.contentType });
        response.end(request.method === 'HEAD' ? undefined : file.body);
      },
      (error: unknown) => {
        options.log.error({ err: error }, 'serving a renderer file failed');
        response.writeHead(500).end();
      },
    );
  });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = checkUpgrade(request, token, origin);
    if (refusal) {
      options.log.warn({ reason: refusal.reason }, 'preview bridge connection refused');
      socket.end(`HTTP/1.1 ${refusal.status}\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${refusal.reason}\n`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => {
      serveTransport(webSocketTransport(ws), options.core.dispatch, options.core.events);
    });
  });

  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function checkUpgrade(
  request: IncomingMessage,
  token: string,
  origin: string,
): { status: string; reason: string } | null {
  const url = new URL(request.url ?? '/', origin);
  if (url.pathname !== IPC_PATH) return { status: '404 Not Found', reason: 'No such endpoint.' };
  if (request.headers.origin !== origin) {
    return { status: '403 Forbidden', reason: 'Connections are only accepted from the page this host serves.' };
  }
  const given = Buffer.from(url.searchParams.get('token') ?? '');
  const expected = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { status: '401 Unauthorized', reason: 'The token is missing or wrong. Open the URL the preview host printed.' };
  }
  return null;
}

function webSocketTransport(ws: WebSocket): Transport {
  return {
    send: (message) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    },
    onMessage: (receive) =>
      ws.on('message', (data, isBinary) => {
        if (isBinary) return receive(undefined);
        let parsed: unknown;
        try {
          parsed = JSON.parse(data.toString());
        } catch {
          parsed = undefined; // the dispatcher answers `invalid_request`
        }
        receive(parsed);
      }),
    onClose: (closed) => ws.on('close', closed),
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}
