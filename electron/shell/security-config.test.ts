import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_CONTENT_SECURITY_POLICY,
  APP_ENTRY_URL,
  isTrustedFrameUrl,
  mayNavigate,
  permissionDecision,
  secureWebPreferences,
  windowOpenDecision,
} from './security-config.js';

const here = path.dirname(new URL(import.meta.url).pathname);
const source = (file: string) => readFileSync(path.join(here, file), 'utf8');

describe('the shell security settings', () => {
  it('isolates and sandboxes the renderer without Node', () => {
    const prefs = secureWebPreferences('/app/preload.cjs', { devTools: false });
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      devTools: false,
      preload: '/app/preload.cjs',
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });

  it('has a CSP without remote or inline scripts', () => {
    expect(APP_CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(APP_CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(APP_CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    expect(APP_CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
    expect(APP_CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(APP_CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });

  it('allows navigation only inside the app', () => {
    expect(mayNavigate(APP_ENTRY_URL)).toBe(true);
    expect(mayNavigate('app://thuisdossier/index.html#/dossiers')).toBe(true);
    for (const url of ['https://example.com', 'file:///etc/passwd', 'app://other/index.html', 'javascript:alert(1)', 'not a url']) {
      expect(mayNavigate(url)).toBe(false);
    }
  });

  it('denies new windows and every permission', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      expect(permissionDecision(permission)).toBe(false);
    }
  });

  it('hands the core port only to app frames', () => {
    expect(isTrustedFrameUrl(APP_ENTRY_URL)).toBe(true);
    expect(isTrustedFrameUrl('https://evil.example')).toBe(false);
    expect(isTrustedFrameUrl(undefined)).toBe(false);
  });

  it('is what the shell really uses', () => {
    const window = source('window.ts');
    expect(window).toContain('webPreferences: secureWebPreferences(');
    expect(window).toContain('if (!mayNavigate(url)) event.preventDefault()');
    expect(window).toContain('setWindowOpenHandler(() => windowOpenDecision())');
    expect(window).toContain("on('will-attach-webview', (event) => event.preventDefault())");
    expect(window).toContain('callback(permissionDecision(permission))');
    expect(source('app-protocol.ts')).toContain('rendererSecurityHeaders(APP_CONTENT_SECURITY_POLICY)');
    expect(source('core-process.ts')).toContain('if (!isTrustedFrameUrl(contents.getURL())) return;');
    const main = readFileSync(path.join(here, '../main.ts'), 'utf8');
    expect(main).toContain('app.enableSandbox()');
    expect(main).toContain('app.requestSingleInstanceLock()');
    expect(main).toContain("app.on('web-contents-created', (_event, contents) => guardWebContents(contents))");
  });
});
