import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { e2eLeaseKeysFile } from './provision-device.js';

export interface RunningPreview {
  url: string;
  dataDir: string;
  process: ChildProcess;
  /** Ends the host the hard way (SIGKILL), as a crash or a killed app would. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

/**
 * Starts the real preview host (the core in plain Node) as its own process, on a free port,
 * with its own data folder, and reads the URL with its one-time token from its output.
 */
export async function startPreview(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<RunningPreview> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'td-e2e-'));
  // A provisioned device (provision-device.ts) trusts the key that signed its lease.
  const leaseKeysFile = path.join(dataDir, e2eLeaseKeysFile);
  const leaseKeys = existsSync(leaseKeysFile) ? { THUISDOSSIER_LEASE_PUBLIC_KEYS: readFileSync(leaseKeysFile, 'utf8') } : {};
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/preview/cli.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PREVIEW_PORT: '0',
      THUISDOSSIER_DATA_DIR: dataDir,
      THUISDOSSIER_SERVER_URL: process.env.THUISDOSSIER_SERVER_URL ?? 'http://127.0.0.1:9',
      THUISDOSSIER_LOG_LEVEL: 'warn',
      ...leaseKeys,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    // With the embedded central service (its own process, PGlite, demo dossiers) a loaded machine needs more than a minute.
    const timer = setTimeout(() => reject(new Error(`The preview host did not start:\n${output}`)), 180_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Thuisdossier preview: (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`The preview host exited (${code}):\n${output}`)));
  });
  const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    dataDir,
    process: child,
    kill: async () => {
      child.kill('SIGKILL');
      await ended;
    },
    stop: async () => {
      child.kill('SIGTERM');
      await ended;
    },
  };
}
