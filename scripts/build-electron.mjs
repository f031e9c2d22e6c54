// Bundles the Electron side into dist/electron: main and the core as CommonJS for Node,
// the preload as one CommonJS file (a sandboxed preload cannot load ES modules or other files).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node22', sourcemap: true, logLevel: 'warning' };
// Native and Electron modules stay outside the bundle; they are loaded at run time.
const external = ['electron', 'better-sqlite3-multiple-ciphers', 'pino', 'pino-pretty'];

await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs', external }),
  build({ ...common, entryPoints: ['electron/core/utility-entry.ts'], outfile: 'dist/electron/core.cjs', external }),
  build({ ...common, minify: true, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'] }),
]);
console.log('Built dist/electron/{main,core,preload}.cjs');
