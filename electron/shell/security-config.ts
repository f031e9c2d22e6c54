/**
 * The shell's security settings as plain data and pure functions, so tests can read exactly what
 * the shell applies. No 'electron' import here: window.ts and main.ts hand these to Electron.
 * Each item maps to Electron's security checklist; docs/security.md names them.
 */
import { contentSecurityPolicy } from '../../shared/security/csp.js';

/** App content is served from this privileged custom scheme, never from file:// (checklist 18). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'thuisdossier';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The channel on which main hands the renderer its MessagePort to the core. */
export const CORE_PORT_CHANNEL = 'thuisdossier:core-port';

export const APP_CONTENT_SECURITY_POLICY = contentSecurityPolicy();

export interface SecureWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  experimentalFeatures: false;
  webviewTag: false;
  navigateOnDragDrop: false;
  safeDialogs: true;
  spellcheck: boolean;
  devTools: boolean;
}

export function secureWebPreferences(preload: string, options: { devTools: boolean }): SecureWebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
    devTools: options.devTools,
  };
}

/** True only for addresses inside the app itself; everything else is refused. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** `will-navigate` / `will-redirect`: the page may only move within the app. */
export function mayNavigate(url: string): boolean {
  return isAppUrl(url);
}

/** `setWindowOpenHandler`: no new windows, ever. */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/** Permission requests (camera, notifications, geolocation, …): all refused. */
export function permissionDecision(_permission: string): boolean {
  return false;
}

/** Main gives the core's port only to a frame that shows the app itself. */
export function isTrustedFrameUrl(url: string | undefined): boolean {
  return url !== undefined && isAppUrl(url);
}

/** Options of the BrowserWindow, apart from webPreferences. */
export const mainWindowOptions = {
  width: 1280,
  height: 820,
  minWidth: 960,
  minHeight: 640,
  show: false,
  title: 'Thuisdossier',
  backgroundColor: '#f8f9fa',
  autoHideMenuBar: true,
} as const;
