/**
 * A device process for the fault tests (sync-faults.kill.test.ts): opens an existing device store,
 * runs ONE real sync against the central service, and exits. The test kills it with SIGKILL at a
 * random moment, or it kills itself at a numbered point of the protocol (KILL_AT_POINT): before a
 * push is sent, after the hub answered it (committed there, not yet stored here), after its
 * answers were stored, and the same for every pull page. Prints `syncing` when it starts to talk
 * to the hub and `done {…}` at the end.
 *
 * Environment: DATA_DIR, PASSWORD, HUB_URL, KILL_AT_POINT (optional), PUSH_BATCH, PULL_LIMIT,
 * WARM_FIRST=1 (one sync first, `warm` printed, the measured one after a line on stdin).
 */
import { performance } from 'node:perf_hooks';
import { interactiveKdfParams } from '../../crypto/kdf-params.js';
import { loadSodium } from '../../crypto/sodium.js';
import { readDeviceAccount } from '../../session/device-account.js';
import { LocalStore } from '../../store/index.js';
import { CentralApi } from '../central-api.js';
import { DeviceValues, syncValueKeys } from '../device-values.js';
import { SyncEngine } from '../sync-engine.js';
import { HttpSyncTransport, type SyncTransport } from '../sync-transport.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

async function main(): Promise<void> {
  const dir = env('DATA_DIR');
  const store = await LocalStore.at({ dir, kdfParams: interactiveKdfParams(await loadSodium()) });
  store.unlock(env('PASSWORD'));
  const account = readDeviceAccount(dir);
  if (!account?.deviceId) throw new Error('no device account');
  const values = new DeviceValues(() => store.connection);
  // Every HTTP request of the run with its time, for bench/sync's round-trip count.
  const calls: string[] = [];
  const timedFetch: typeof fetch = async (input, init) => {
    const t0 = performance.now();
    try {
      return await fetch(input, init);
    } finally {
      calls.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname} ${Math.round(performance.now() - t0)}ms`);
    }
  };
  const inner = new HttpSyncTransport(new CentralApi(env('HUB_URL'), timedFetch), () => values.get(syncValueKeys.sessionToken));
  const killAt = Number(process.env.KILL_AT_POINT ?? '0');
  let points = 0;
  const point = (name: string) => {
    points += 1;
    if (points !== killAt) return;
    process.stdout.write(`killed at ${name}\n`);
    process.kill(process.pid, 'SIGKILL');
  };
  const transport: SyncTransport = {
    push: async (request) => {
      point('push-send');
      const answer = await inner.push(request);
      point('push-answered');
      return answer;
    },
    pull: async (request) => {
      point('pull-send');
      const answer = await inner.pull(request);
      point('pull-answered');
      return answer;
    },
    uploadAccessLog: (request) => inner.uploadAccessLog(request),
    documents: inner.documents,
  };
  const clock = { started: 0, pushedAt: 0, cpuAtStart: 0, cpuAtPushed: 0 };
  // CPU time of this process (user + system, ms): on a loaded machine a steadier figure than wall time.
  const cpuMs = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  const engine = new SyncEngine({
    store,
    transport,
    deviceId: () => account.deviceId!,
    ...(process.env.PUSH_BATCH ? { pushBatch: Number(process.env.PUSH_BATCH) } : {}),
    // Unset: the engine's own page size (syncLimits.pullPageRows), as the app asks.
    ...(process.env.PULL_LIMIT ? { pullLimit: Number(process.env.PULL_LIMIT) } : {}),
    // Called after each batch's answers or page committed.
    onProgress: (progress) => {
      if (progress.phase === 'push') {
        clock.pushedAt = performance.now();
        clock.cpuAtPushed = cpuMs();
      }
      point(`${progress.phase}-stored`);
    },
  });
  if (process.env.WARM_FIRST === '1') {
    // The everyday sync of a running app: modules loaded, schemas compiled, the store's cache warm
    // from an earlier sync. One sync first, then the measured one when the parent says so (bench/sync).
    await engine.run();
    calls.length = 0;
    process.stdout.write('warm\n');
    await nextLine();
  }
  process.stdout.write('syncing\n');
  clock.started = performance.now();
  clock.pushedAt = clock.started;
  clock.cpuAtStart = cpuMs();
  clock.cpuAtPushed = clock.cpuAtStart;
  const report = await engine.run();
  const ms = performance.now() - clock.started;
  const cpu = cpuMs() - clock.cpuAtStart;
  store.lock();
  // Figures for bench/sync: the run's time, the push phase's, and this process's peak memory.
  const figures = { ms, pushMs: clock.pushedAt - clock.started, cpuMs: cpu, pushCpuMs: clock.cpuAtPushed - clock.cpuAtStart, maxRssMB: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(`done ${JSON.stringify({ pushed: report.pushed, pulled: report.pulled, rejected: report.rejected, conflicts: report.conflicts, points, ...figures, calls })}\n`);
}

/** Resolves at the next line on stdin. */
function nextLine(): Promise<void> {
  return new Promise((resolve) => {
    const onData = (chunk: Buffer) => {
      if (!chunk.toString().includes('\n')) return;
      process.stdin.off('data', onData);
      process.stdin.destroy(); // an open stdin would keep the process alive after the sync
      resolve();
    };
    process.stdin.on('data', onData);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`sync failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
