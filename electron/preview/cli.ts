import os from 'node:os';
import path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { createCore } from '../core/core.js';
import { readCoreConfig } from '../core/config.js';
import { createLogger } from '../log/logger.js';
import { startEmbeddedCentral, type EmbeddedCentral } from './embedded-central.js';
import { demoPassword, seedDemoDossiers } from './demo-dossiers.js';
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

// No central service configured: start the embedded one with the demo organisation and dossiers.
let central: EmbeddedCentral | null = null;
if (!process.env.THUISDOSSIER_SERVER_URL) {
  const dataDir = process.env.THUISDOSSIER_DATA_DIR ?? path.join(os.homedir(), '.thuisdossier-preview');
  process.env.THUISDOSSIER_DATA_DIR = dataDir;
  console.log('Starting the embedded central service (demo organisation)…');
  central = await startEmbeddedCentral({ repoRoot: root, dataDir, port: Number(process.env.THUISDOSSIER_CENTRAL_PORT ?? 0) });
  await seedDemoDossiers(central.url, central.leaseKeys, path.join(dataDir, 'central'));
  process.env.THUISDOSSIER_SERVER_URL = central.url;
  // Trust exactly the key of the service this process just started (never fetched from elsewhere).
  process.env.THUISDOSSIER_LEASE_PUBLIC_KEYS = central.leaseKeys;
}
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
if (central) {
  console.log(`Demo sign-in (password ${demoPassword}):`);
  for (const line of central.demoSignIn.filter((entry) => entry.includes('@'))) console.log(`  ${line}`);
}

const shutdown = async () => {
  await host.close();
  await core.close();
  await central?.stop();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
