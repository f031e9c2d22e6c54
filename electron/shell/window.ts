import { BrowserWindow, session, type WebContents } from 'electron';
import {
  APP_ENTRY_URL,
  mainWindowOptions,
  mayNavigate,
  permissionDecision,
  secureWebPreferences,
  windowOpenDecision,
} from './security-config.js';

/** Applies the navigation, new-window and webview guards to any web contents the app creates. */
export function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!mayNavigate(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!mayNavigate(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => windowOpenDecision());
}

/** Refuses every permission request and check of the default session. */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(permissionDecision(permission)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => permissionDecision(permission));
}

export function createMainWindow(preloadPath: string, options: { devTools: boolean }): BrowserWindow {
  const window = new BrowserWindow({
    ...mainWindowOptions,
    webPreferences: secureWebPreferences(preloadPath, options),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
