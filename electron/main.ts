import path from 'node:path';
import { app } from 'electron';
import { registerAppScheme, serveAppScheme } from './shell/app-protocol.js';
import { connectRendererToCore, startCoreProcess } from './shell/core-process.js';
import { startUpdates } from './shell/updater.js';
import { createMainWindow, denyAllPermissions, guardWebContents } from './shell/window.js';

/**
 * The Electron main process: windows, lifecycle, OS integration. Nothing else. The services run
 * in the core utility process; the renderer talks to it over a MessagePort.
 */
const distDir = __dirname; // dist/electron, next to preload.cjs and core.mjs

app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

  void app.whenReady().then(() => {
    denyAllPermissions();
    serveAppScheme(path.join(distDir, '../renderer'));
    const core = startCoreProcess(path.join(distDir, 'core.mjs'), {
      ...process.env,
      THUISDOSSIER_VERSION: app.getVersion(),
      THUISDOSSIER_DATA_DIR: process.env.THUISDOSSIER_DATA_DIR ?? path.join(app.getPath('userData'), 'data'),
    });
    const window = createMainWindow(path.join(distDir, 'preload.cjs'), { devTools: !app.isPackaged });
    connectRendererToCore(core, window.webContents);

    app.on('second-instance', () => {
      if (window.isMinimized()) window.restore();
      window.focus();
    });
    core.on('exit', (code) => {
      if (code !== 0) console.error(`Thuisdossier core stopped unexpectedly (exit ${code}).`);
    });
    // A broken update setting must not stop the app: it is reported and the app runs without updates.
    startUpdates().catch((error: unknown) => console.error(`[updates] not started: ${(error as Error).message}`));
  });

  app.on('window-all-closed', () => app.quit());
}
