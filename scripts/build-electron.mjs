// Bundles the Electron side into dist/electron: main and the core as CommonJS for Node,
// the preload as one CommonJS file (a sandboxed preload cannot load ES modules or other files).
import { cpSync } from 'node:fs';
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node22', sourcemap: true, logLevel: 'warning' };
// Native and Electron modules stay outside the bundle; they are loaded at run time.
const external = ['electron', 'better-sqlite3-multiple-ciphers', 'pino', 'pino-pretty'];

// The update feed and the release keys the app trusts are baked into the main process at build
// time (electron/shell/updater.ts): an installed app cannot be pointed at other keys by its
// environment. Empty when unset: such a build never updates.
const updateDefines = {
  'process.env.THUISDOSSIER_UPDATE_URL': JSON.stringify(process.env.THUISDOSSIER_UPDATE_URL ?? ''),
  'process.env.THUISDOSSIER_UPDATE_PUBLIC_KEYS': JSON.stringify(process.env.THUISDOSSIER_UPDATE_PUBLIC_KEYS ?? ''),
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs', external, define: updateDefines }),
  // The core is an ES module: the store finds its migrations next to it through import.meta.url.
  build({
    ...common,
    format: 'esm',
    entryPoints: ['electron/core/utility-entry.ts'],
    outfile: 'dist/electron/core.mjs',
    external,
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  }),
  build({ ...common, minify: true, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'] }),
]);
cpSync('electron/store/migrations', 'dist/electron/migrations', { recursive: true });
console.log('Built dist/electron/{main.cjs,core.mjs,preload.cjs} and copied the store migrations');
