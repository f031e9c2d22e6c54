// `npm run dist`: package the app with electron-builder (AppImage/deb, NSIS, dmg). Packaging needs
// the Electron program; where it cannot be downloaded, say so clearly instead of failing deep inside.
import { spawnSync } from 'node:child_process';
import { findElectronBinary } from './electron-binary.mjs';

const electron = findElectronBinary();
if (!electron.found) {
  console.error(
    [
      '',
      `Thuisdossier cannot be packaged here: ${electron.reason}.`,
      'electron-builder needs the Electron program for this platform, downloaded from the internet',
      '(or set ELECTRON_OVERRIDE_DIST_PATH to a folder holding it). The packaging configuration is',
      'build/electron-builder.json; its test (build/electron-builder.test.ts) runs in npm test.',
      '',
    ].join('\n'),
  );
  process.exit(1);
}
for (const [command, args] of [
  ['npm', ['run', 'build']],
  ['npx', ['electron-builder', '--config', 'build/electron-builder.json', ...process.argv.slice(2)]],
]) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
