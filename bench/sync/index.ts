import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { demoNurse, startCentralService } from '../../electron/sync/testing/central-service-process.js';
import { runDeviceProcess } from '../../electron/sync/testing/device-process.js';
import { signedInDevice, type TestDevice } from '../../electron/sync/testing/devices.js';
import type { BenchFigure } from '../types.js';
import { categories, pick, prng, reportBody } from '../store/dataset.js';
import { HubDataset } from './hub-dataset.js';

/**
 * Sync benchmark (issue 7), device against the REAL central service in its own process (PGlite),
 * over HTTP on loopback, the device being its own process too (electron/sync/testing/sync-child.ts)
 * so its peak memory is its own. The dataset goes to the hub as pushes (hub-dataset.ts); then:
 * - initial sync of a new device: 2,000 dossiers with 200,000 reports (rows/s, peak RSS);
 * - upload of 10,000 mutations made offline (mutations/s of the push phase);
 * - incremental sync of 100 changes made on another device (ms of the whole run).
 * Targets from the issue (the peer, PouchDB 9 on this machine: 4,500 docs/s initial, 60 ms for 100
 * changes, 3,800 docs/s upload, 150–200 MB peak). BENCH_SYNC_CLIENTS / BENCH_SYNC_REPORTS shrink it.
 */
const clientCount = Number(process.env.BENCH_SYNC_CLIENTS ?? 2_000);
const reportCount = Number(process.env.BENCH_SYNC_REPORTS ?? 200_000);
const offlineMutations = Number(process.env.BENCH_SYNC_UPLOAD ?? 10_000);

export default async function syncBench(): Promise<BenchFigure[]> {
  const central = await startCentralService();
  const devices: TestDevice[] = [];
  try {
    const random = prng(7);
    // The dataset, pushed to the hub as a device would: the hub then holds it as production would.
    const seeder = await signedInDevice(central, demoNurse);
    devices.push(seeder);
    const dataset = new HubDataset(seeder, random);
    let t0 = performance.now();
    const { clientIds, mutations } = dataset.dossiers(clientCount);
    let pushed = await dataset.push(seeder.transport, mutations);
    pushed += await dataset.push(seeder.transport, dataset.reports(clientIds, reportCount));
    console.log(`  dataset on the hub: ${pushed} mutations (${clientCount} dossiers with access rows, ${reportCount} reports) in ${seconds(t0)} s`);

    // Initial sync of a new device of the same person.
    const fresh = await signedInDevice(central, demoNurse);
    devices.push(fresh);
    fresh.store.lock();
    const initial = await measuredRun(fresh, central.url);
    console.log(`  initial sync: ${initial.pulled} rows in ${Math.round(initial.ms)} ms, peak RSS ${Math.round(initial.maxRssMB)} MB`);

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
    let hubCpu = hubCpuMs(central.child.pid);
    const upload = await measuredRun(fresh, central.url);
    const uploadHubCpu = hubCpuMs(central.child.pid) - hubCpu;
    console.log(`  upload: ${upload.pushed} mutations, push phase ${Math.round(upload.pushMs)} ms, device CPU ${Math.round(upload.pushCpuMs)} ms (whole run ${Math.round(upload.ms)} ms, CPU ${Math.round(upload.cpuMs)} ms), ${upload.calls.length} requests; hub CPU ${uploadHubCpu} ms`);

    // 100 changes made on another device, pulled by this one: the everyday sync.
    await dataset.push(seeder.transport, dataset.edits(changedElsewhere));
    hubCpu = hubCpuMs(central.child.pid);
    const incremental = await measuredRun(fresh, central.url);
    const incrementalHubCpu = hubCpuMs(central.child.pid) - hubCpu;
    console.log(`  incremental: ${incremental.pulled} rows in ${Math.round(incremental.ms)} ms (device CPU ${Math.round(incremental.cpuMs)} ms, hub CPU ${incrementalHubCpu} ms), ${incremental.calls.length} requests: ${incremental.calls.join(', ')}`);

    return [
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
async function measuredRun(device: TestDevice, hubUrl: string): Promise<RunFigures> {
  const run = await runDeviceProcess({ dataDir: device.dataDir, hubUrl });
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

const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;
