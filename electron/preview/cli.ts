import path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { createCore } from '../core/core.js';
import { readCoreConfig } from '../core/config.js';
import { createLogger } from '../log/logger.js';
import { startPreviewHost } from './host.js';

/**
 * `npm run preview`: the core in plain Node plus the built renderer on 127.0.0.1, for machines
 * without an Electron binary and for the end-to-end tests. Never a production path.
 */
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const rendererDir = path.join(root, 'dist/renderer');
if (!existsSync(path.join(rendererDir, 'index.html'))) {
  console.error('The renderer is not built yet. Run: npm run build:renderer');
  process.exit(1);
}
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
const log = createLogger('preview');
const config = readCoreConfig(process.env, 'preview', version);
const core = await createCore(config, log);
const host = await startPreviewHost({
  core,
  rendererDir,
  log,
  port: process.env.PREVIEW_PORT ? Number(process.env.PREVIEW_PORT) : 5780,
});

// The e2e tests read this line to find the URL; keep its shape.
console.log(`Thuisdossier preview: ${host.url}`);
console.log(`Data folder: ${config.dataDir}  ·  Central service: ${config.serverUrl}`);

const shutdown = async () => {
  await host.close();
  await core.close();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
