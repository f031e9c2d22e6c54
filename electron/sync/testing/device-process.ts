import { spawn } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { cpuProfileArgs, demoPassword } from './central-service-process.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
// One folder per test process: several test files (and bench/sync) may build it at once.
const bundleDir = path.join(repoRoot, '.cache', `sync-device-${process.pid}`);
let bundled: Promise<string> | null = null;

/**
 * The device process as one bundled file (as the app ships its core), built once per test run:
 * it starts in about half the time tsx needs to compile the sources each time, which is what
 * lets a test kill it fifty times. The store's migrations sit next to it, where it looks for them.
 */
function deviceProcessScript(): Promise<string> {
  bundled ??= (async () => {
    const outfile = path.join(bundleDir, 'sync-child.mjs');
    await build({
      entryPoints: [path.join(repoRoot, 'electron/sync/testing/sync-child.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outfile,
      logLevel: 'warning',
    });
    cpSync(path.join(repoRoot, 'electron/store/migrations'), path.join(bundleDir, 'migrations'), { recursive: true });
    process.once('exit', () => rmSync(bundleDir, { recursive: true, force: true }));
    return outfile;
  })();
  return bundled;
}

export interface DeviceRun {
  /** `done`: the sync finished; `killed`: SIGKILL (ours or its own); `failed`: it stopped with an error (hub gone). */
  outcome: 'done' | 'killed' | 'failed';
  /** Where it was killed (a protocol point or `after N ms`), for the failure message. */
  where: string;
  output: string;
}

export interface DeviceRunOptions {
  dataDir: string;
  hubUrl: string;
  /** The child kills itself at this numbered protocol point (sync-child.ts). */
  killAtPoint?: number;
  /** We kill it this long after it started talking to the hub. */
  killAfterMs?: number;
  /** Called this long after it started talking to the hub (e.g. restart the hub). */
  meanwhile?: { afterMs: number; run: () => Promise<void> };
  pushBatch?: number;
  pullLimit?: number;
  /**
   * The child syncs once first (warm, as a running app is), then this runs (e.g. another device
   * makes changes), then the measured sync: the everyday sync rather than a process's first.
   */
  afterWarmUp?: () => Promise<void>;
}

/** Runs one sync in a separate device process (sync-child.ts) and waits for it to end, however it ends. */
export async function runDeviceProcess(options: DeviceRunOptions): Promise<DeviceRun> {
  const child = spawn(process.execPath, [...cpuProfileArgs(), await deviceProcessScript()], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATA_DIR: options.dataDir,
      PASSWORD: demoPassword,
      HUB_URL: options.hubUrl,
      KILL_AT_POINT: String(options.killAtPoint ?? 0),
      // Unset: the engine's own batch size (syncLimits.mutationsPerPush), as the app uses.
      PUSH_BATCH: options.pushBatch === undefined ? '' : String(options.pushBatch),
      PULL_LIMIT: options.pullLimit === undefined ? '' : String(options.pullLimit),
      WARM_FIRST: options.afterWarmUp ? '1' : '0',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  if (!options.afterWarmUp) child.stdin.end();
  let warmedUp: Promise<void> = Promise.resolve();
  let output = '';
  let where = '';
  let meanwhile: Promise<void> = Promise.resolve();
  child.stdout.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    output += text;
    if (text.includes('warm\n') && options.afterWarmUp) {
      warmedUp = options.afterWarmUp().then(
        () => void child.stdin.end('go\n'),
        (error: unknown) => {
          child.kill('SIGKILL'); // it would wait for the go forever
          throw error;
        },
      );
    }
    if (text.includes('syncing\n')) {
      if (options.killAfterMs !== undefined) {
        setTimeout(() => {
          if (child.exitCode === null && child.signalCode === null) {
            where = `after ${options.killAfterMs} ms`;
            child.kill('SIGKILL');
          }
        }, options.killAfterMs);
      }
      if (options.meanwhile) {
        const { afterMs, run } = options.meanwhile;
        meanwhile = new Promise((resolve, reject) => setTimeout(() => run().then(resolve, reject), afterMs));
      }
    }
    const killed = /killed at (\S+)/.exec(output);
    if (killed?.[1]) where = killed[1];
  });
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      Promise.all([meanwhile, warmedUp]).then(() => {
        if (signal === 'SIGKILL') resolve({ outcome: 'killed', where, output });
        else resolve({ outcome: code === 0 && output.includes('done ') ? 'done' : 'failed', where, output });
      }, reject);
    });
  });
}
