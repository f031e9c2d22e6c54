import { protocol } from 'electron';
import { rendererSecurityHeaders } from '../../shared/security/csp.js';
import { readRendererFile } from '../static/renderer-files.js';
import { APP_CONTENT_SECURITY_POLICY, APP_SCHEME } from './security-config.js';

/** Must run before `app.ready`: makes app:// a secure, standard origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer under app:// with the strict CSP on every response. */
export function serveAppScheme(rendererDir: string): void {
  const headers = rendererSecurityHeaders(APP_CONTENT_SECURITY_POLICY);
  protocol.handle(APP_SCHEME, async (request) => {
    const file = await readRendererFile(rendererDir, new URL(request.url).pathname);
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), { headers: { ...headers, 'Content-Type': file.contentType } });
  });
}
