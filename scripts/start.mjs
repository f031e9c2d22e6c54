// `npm start`: build and open the real Electron app. Where the Electron program cannot be had
// (no internet to download it), stop at once with a message that says what to do instead.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { findElectronBinary } from './electron-binary.mjs';

const require = createRequire(import.meta.url);
const run = (command, args) => {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

let electron = findElectronBinary();
if (!electron.found && !process.env.ELECTRON_OVERRIDE_DIST_PATH) {
  // A normal laptop downloads Electron once; give it a bounded time, never hang.
  const installer = path.join(path.dirname(require.resolve('electron/package.json')), 'install.js');
  console.log('Electron wordt eenmalig gedownload… / Downloading Electron once…');
  const attempt = spawnSync(process.execPath, [installer], { encoding: 'utf8', timeout: 120_000 });
  electron = findElectronBinary();
  if (!electron.found) {
    const firstLine = `${attempt.stderr ?? ''}`.split('\n').find((line) => line.trim() !== '') ?? 'timed out';
    console.error(`Download failed: ${firstLine.trim()}`);
  }
}
if (!electron.found) {
  console.error(
    [
      '',
      `Thuisdossier cannot open the desktop app here: ${electron.reason}.`,
      'Electron could not be downloaded (no internet access to its download server?).',
      '',
      'To use the app on this machine, run instead:',
      '    npm run preview',
      'which serves the same app in your browser at http://127.0.0.1:5780 .',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

run('npm', ['run', 'build']);
// The native SQLite module must match Electron's ABI. It is rebuilt into dist/native so the copy
// under node_modules keeps working for the tests and the preview host (plain Node).
run(process.execPath, ['scripts/rebuild-native-for-electron.mjs']);
const child = spawn(electron.path, ['.'], {
  stdio: 'inherit',
  env: { ...process.env, THUISDOSSIER_NATIVE_BINDING: path.resolve('dist/native/better_sqlite3.node') },
});
child.on('exit', (code) => process.exit(code ?? 0));
