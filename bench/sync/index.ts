import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { demoNurse, startCentralService } from '../../electron/sync/testing/central-service-process.js';
import { runDeviceProcess } from '../../electron/sync/testing/device-process.js';
import { signedInDevice, type TestDevice } from '../../electron/sync/testing/devices.js';
import { syncLimits } from '../../shared/sync/limits.js';
import type { BenchFigure } from '../types.js';
import { categories, pick, prng, reportBody } from '../store/dataset.js';
import { openTestDatabase, type TestDatabase } from '../../server/testing/databases.js';
import { HubDataset } from './hub-dataset.js';
import { pullEverything } from './hub-pull.js';

/**
 * Sync benchmark (issue 7), device against the REAL central service in its own process, over HTTP
 * on loopback, once per hub database (BENCH_SYNC_DATABASE: `pglite`, `postgres` or both, comma-
 * separated, default both; PostgreSQL at TEST_DATABASE_URL, in a database of its own dropped after), the device being its own process too (electron/sync/testing/sync-child.ts)
 * so its peak memory is its own. The dataset goes to the hub as pushes (hub-dataset.ts); then:
 * - initial sync of a new device: 2,000 dossiers with 200,000 reports (rows/s, peak RSS);
 * - upload of 10,000 mutations made offline (mutations/s of the push phase);
 * - incremental sync of 100 changes made on another device (ms of the whole run, in a device
 *   process that synced once before, as a running app has).
 * Targets from the issue (the peer, PouchDB 9 on this machine: 4,500 docs/s initial, 60 ms for 100
 * changes, 3,800 docs/s upload, 150–200 MB peak). BENCH_SYNC_CLIENTS / BENCH_SYNC_REPORTS shrink it.
 */
const clientCount = Number(process.env.BENCH_SYNC_CLIENTS ?? 2_000);
const reportCount = Number(process.env.BENCH_SYNC_REPORTS ?? 200_000);
const offlineMutations = Number(process.env.BENCH_SYNC_UPLOAD ?? 10_000);
const backends = (process.env.BENCH_SYNC_DATABASE ?? 'pglite,postgres').split(',').map((name) => name.trim());

export default async function syncBench(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  for (const backend of backends) {
    if (backend !== 'pglite' && backend !== 'postgres') throw new Error(`BENCH_SYNC_DATABASE: unknown database ${backend} (pglite, postgres)`);
    const label = backend === 'pglite' ? 'PGlite' : 'PostgreSQL';
    console.log(`  hub database: ${label}; load average at start ${loadavg().map((load) => load.toFixed(1)).join(' ')}`);
    const database = backend === 'postgres' ? await openTestDatabase('postgres') : null;
    try {
      const measured = await benchOn(database);
      figures.push(...measured.map((figure) => ({ ...figure, name: `${figure.name} [${label}]` })));
    } finally {
      await database?.dispose();
    }
    console.log(`  load average at end ${loadavg().map((load) => load.toFixed(1)).join(' ')}`);
  }
  return figures;
}

async function benchOn(database: TestDatabase | null): Promise<BenchFigure[]> {
  const central = await startCentralService(database?.url ? { databaseUrl: database.url } : {});
  const devices: TestDevice[] = [];
  try {
    const random = prng(7);
    // The dataset, pushed to the hub as a device would: the hub then holds it as production would.
    const seeder = await signedInDevice(central, demoNurse);
    devices.push(seeder);
    const dataset = new HubDataset(seeder, random);
    let t0 = performance.now();
    let hubCpu = hubCpuMs(central.child.pid);
    const { clientIds, mutations } = dataset.dossiers(clientCount);
    let pushed = await dataset.push(seeder.transport, mutations);
    pushed += await dataset.push(seeder.transport, dataset.reports(clientIds, reportCount));
    console.log(`  dataset on the hub: ${pushed} mutations (${clientCount} dossiers with access rows, ${reportCount} reports) in ${seconds(t0)} s, hub CPU ${hubCpuMs(central.child.pid) - hubCpu} ms`);

    // The hub alone serving those pages (nothing applied): its share of the initial sync.
    hubCpu = hubCpuMs(central.child.pid);
    const served = await pullEverything(central.url, seeder);
    const servedHubCpu = hubCpuMs(central.child.pid) - hubCpu;
    const medianPage = [...served.pageMs].sort((a, b) => a - b)[Math.floor(served.pageMs.length / 2)] ?? 0;
    console.log(
      `  hub alone serving an initial sync: ${served.rows} rows in ${served.pages} pages of ≤ ${syncLimits.pullPageRows}, ${Math.round(served.ms)} ms ` +
        `(median page ${Math.round(medianPage)} ms, ${Math.round(served.bytes / 1e6)} MB of JSON), hub CPU ${servedHubCpu} ms`,
    );

    // Initial sync of a new device of the same person.
    const fresh = await signedInDevice(central, demoNurse);
    devices.push(fresh);
    fresh.store.lock();
    hubCpu = hubCpuMs(central.child.pid);
    const initial = await measuredRun(fresh, central.url);
    const initialHubCpu = hubCpuMs(central.child.pid) - hubCpu;
    console.log(`  initial sync: ${initial.pulled} rows in ${Math.round(initial.ms)} ms (device CPU ${Math.round(initial.cpuMs)} ms, hub CPU ${initialHubCpu} ms), peak RSS ${Math.round(initial.maxRssMB)} MB, ${initial.calls.length} requests: ${summary(initial.calls)}`);

    // 10,000 offline mutations on that device: new reports and edits of existing ones.
    await fresh.restart();
    const me = fresh.store.session(fresh.userId);
    const recent = fresh.sync().db.prepare('SELECT id FROM reports ORDER BY id DESC LIMIT 2000').pluck().all() as string[];
    t0 = performance.now();
    // One transaction for all (a nurse's day offline is many small ones; this is only setup).
    fresh.store.loadInBulk(() => {
      for (let i = 0; i < offlineMutations; i++) {
        if (i % 2 === 0) me.reports.create({ clientId: pick(random, clientIds), occurredAt: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(), category: pick(random, categories), body: reportBody(random) });
        else me.reports.update(recent[i % recent.length]!, { category: pick(random, categories) });
      }
    });
    console.log(`  ${offlineMutations} offline mutations typed in ${seconds(t0)} s`);
    const changedElsewhere = fresh.sync().db.prepare('SELECT id, client_id AS clientId FROM reports ORDER BY id LIMIT 100').all() as Array<{ id: string; clientId: string }>;
    fresh.store.lock();
    hubCpu = hubCpuMs(central.child.pid);
    const upload = await measuredRun(fresh, central.url);
    const uploadHubCpu = hubCpuMs(central.child.pid) - hubCpu;
    console.log(`  upload: ${upload.pushed} mutations, push phase ${Math.round(upload.pushMs)} ms, device CPU ${Math.round(upload.pushCpuMs)} ms (whole run ${Math.round(upload.ms)} ms, CPU ${Math.round(upload.cpuMs)} ms), ${upload.calls.length} requests; hub CPU ${uploadHubCpu} ms`);

    // 100 changes made on another device, pulled by this one: the everyday sync of a running app,
    // whose process has synced before (modules loaded, schemas compiled; sync-child.ts WARM_FIRST).
    const incremental = await measuredRun(fresh, central.url, async () => {
      await dataset.push(seeder.transport, dataset.edits(changedElsewhere));
      hubCpu = hubCpuMs(central.child.pid);
    });
    const incrementalHubCpu = hubCpuMs(central.child.pid) - hubCpu;
    console.log(`  incremental: ${incremental.pulled} rows in ${Math.round(incremental.ms)} ms (device CPU ${Math.round(incremental.cpuMs)} ms, hub CPU ${incrementalHubCpu} ms), ${incremental.calls.length} requests: ${incremental.calls.join(', ')}`);

    return [
      { name: 'sync: hub alone serving an initial sync (pages not applied)', value: served.rows / (served.ms / 1000), unit: 'rows/s', target: 40_000, targetKind: 'min' },
      { name: `sync: initial sync (${clientCount} dossiers, ${reportCount} reports)`, value: initial.pulled / (initial.ms / 1000), unit: 'rows/s', target: 40_000, targetKind: 'min' },
      { name: 'sync: device peak RSS during initial sync', value: initial.maxRssMB, unit: 'MB', target: 200, targetKind: 'max' },
      { name: `sync: upload of ${offlineMutations} offline mutations`, value: upload.pushed / (upload.pushMs / 1000), unit: 'mutations/s', target: 20_000, targetKind: 'min' },
      { name: 'sync: incremental sync of 100 changes', value: incremental.ms, unit: 'ms', target: 50, targetKind: 'max' },
    ];
  } finally {
    for (const device of devices) {
      try {
        device.close();
      } catch {
        // already locked by a measured run
      }
    }
    await central.stop();
  }
}

interface RunFigures {
  pushed: number;
  pulled: number;
  ms: number;
  pushMs: number;
  maxRssMB: number;
  /** The device process's CPU time (user + system) of the run and of its push phase. */
  cpuMs: number;
  pushCpuMs: number;
  /** Every HTTP request of the run: `METHOD /path 12ms`. */
  calls: string[];
}

/** One sync in the device's own process; the device's store must be locked (closed) here. */
async function measuredRun(device: TestDevice, hubUrl: string, afterWarmUp?: () => Promise<void>): Promise<RunFigures> {
  const run = await runDeviceProcess({ dataDir: device.dataDir, hubUrl, ...(afterWarmUp ? { afterWarmUp } : {}) });
  const done = /done (\{.*\})/.exec(run.output);
  if (run.outcome !== 'done' || !done?.[1]) throw new Error(`sync run failed:\n${run.output}`);
  return JSON.parse(done[1]) as RunFigures;
}

/** The central service process's CPU time so far (user + system, Linux /proc; 0 elsewhere). */
function hubCpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in ticks of 10 ms
  } catch {
    return 0;
  }
}

/** `POST /v1/sync/pull ×41, 2,310 ms in all (median 52 ms)` per route, from the calls' `METHOD /path 12ms`. */
function summary(calls: string[]): string {
  const byRoute = new Map<string, number[]>();
  for (const call of calls) {
    const match = /^(\S+ \S+) (\d+)ms$/.exec(call);
    if (!match) continue;
    byRoute.set(match[1]!, [...(byRoute.get(match[1]!) ?? []), Number(match[2])]);
  }
  return [...byRoute]
    .map(([route, times]) => {
      const sorted = [...times].sort((a, b) => a - b);
      return `${route} ×${times.length}, ${times.reduce((sum, ms) => sum + ms, 0)} ms in all (median ${sorted[Math.floor(sorted.length / 2)]} ms)`;
    })
    .join('; ');
}

const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;
