import path from 'node:path';
import { app, net } from 'electron';
import { autoUpdater, BaseUpdater, type Logger } from 'electron-updater';
import { leaseCrypto } from '../../shared/licence/sign.js';
import { readUpdateFeedFile, resolveUpdateFeed, UPDATE_FEED_FILE } from '../update/feed-config.js';
import { manifestFileName } from '../update/manifest-signature.js';
import { parseUpdateKeys } from '../update/trusted-keys.js';
import { UpdateFlow, type UpdateRoundResult } from '../update/update-flow.js';

/**
 * Wires electron-updater to the checks of electron/update. electron-updater only looks and, once
 * the app has verified the signed manifest, downloads; it never installs on its own
 * (autoDownload and autoInstallOnAppQuit off). A verified update is installed when the user quits
 * normally — never while the app is in use. Offline, nothing happens.
 *
 * The feed and the trusted keys are baked in at build time (scripts/build-electron.mjs); a device's
 * `update-feed.json` in the user-data folder may point elsewhere or turn updates off.
 */
const FIRST_ROUND_DELAY_MS = 60_000; // not while the app is starting and the user unlocks
const ROUND_TICK_MS = 10 * 60_000; // the flow itself decides whether a tick becomes a check

const log: Logger = {
  info: (message?: unknown) => console.log(`[updates] ${String(message)}`),
  warn: (message?: unknown) => console.warn(`[updates] ${String(message)}`),
  error: (message?: unknown) => console.error(`[updates] ${String(message)}`),
};

export async function startUpdates(): Promise<void> {
  // Only an installed app has the app-update.yml electron-updater needs; development builds never update.
  if (!app.isPackaged) return;
  const feed = resolveUpdateFeed(
    await readUpdateFeedFile(path.join(app.getPath('userData'), UPDATE_FEED_FILE)),
    process.env.THUISDOSSIER_UPDATE_URL || undefined,
  );
  if (!feed.enabled) {
    log.info(`updates are off: ${feed.reason}`);
    return;
  }
  const lib = await leaseCrypto();
  const publicKeys = parseUpdateKeys(lib, process.env.THUISDOSSIER_UPDATE_PUBLIC_KEYS);
  if (publicKeys.size === 0) {
    log.warn('updates are off: this build trusts no release key, so no update could be verified');
    return;
  }

  autoUpdater.logger = log;
  autoUpdater.autoDownload = false;
  autoUpdater.allowDowngrade = false;
  autoUpdater.allowPrerelease = false;
  autoUpdater.disableWebInstaller = true;
  // Windows and Linux: the app installs a verified update itself at quit (below). macOS: Squirrel.Mac
  // installs at quit and checks the update's Apple code signature against this app's; the download
  // it installs has passed the signed-manifest check before it was started.
  autoUpdater.autoInstallOnAppQuit = process.platform === 'darwin';
  autoUpdater.setFeedURL({ provider: 'generic', url: feed.url });
  autoUpdater.on('error', (error: Error) => log.warn(`electron-updater: ${error.message}`));

  const flow = new UpdateFlow({
    lib,
    feedUrl: feed.url,
    manifestFile: manifestFileName(process.platform, process.arch),
    publicKeys,
    currentVersion: app.getVersion(),
    isOnline: () => net.isOnline(),
    updater: {
      async check() {
        const result = await autoUpdater.checkForUpdates();
        if (!result?.isUpdateAvailable) return null;
        return { version: result.updateInfo.version, sha512s: result.updateInfo.files.map((file) => file.sha512) };
      },
      async download() {
        const [file] = await autoUpdater.downloadUpdate();
        if (!file) throw new Error('electron-updater downloaded no file');
        return file;
      },
    },
  });

  const round = async () => report(await flow.runRound());
  setTimeout(() => void round(), FIRST_ROUND_DELAY_MS).unref();
  setInterval(() => void round(), ROUND_TICK_MS).unref();

  app.on('quit', (_event, exitCode) => {
    const pending = flow.pendingInstall();
    if (!pending || exitCode !== 0 || !(autoUpdater instanceof BaseUpdater)) return;
    log.info(`installing ${pending.version} now that Thuisdossier has closed`);
    autoUpdater.install(true, false);
  });
}

function report(result: UpdateRoundResult): void {
  switch (result.outcome) {
    case 'waiting-for-quit':
      log.info(`update ${result.version} is verified and installs when Thuisdossier is closed`);
      return;
    case 'refused':
      log.error(`update refused (${result.reason}): ${result.message}`);
      return;
    case 'failed':
      // Usually the network: offline is normal, the next round tries again.
      log.info(`no update check this time: ${result.message}`);
      return;
    default:
      return;
  }
}
