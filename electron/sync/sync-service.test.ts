import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../shared/ipc/calls/sync.js';
import { SimHub } from '../../shared/sync/simulation/sim-hub.js';
import { createLogger } from '../log/logger.js';
import { writeDeviceAccount } from '../session/device-account.js';
import { createFixture, sampleClient, type Fixture } from '../store/test-support.js';
import { backoffMs } from './backoff.js';
import { CentralApi, CentralApiError } from './central-api.js';
import { SyncService } from './sync-service.js';
import type { SyncTransport } from './sync-transport.js';
import { simHubTransport } from './testing/sim-hub-transport.js';

const fixtures: Fixture[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const fixture of fixtures.splice(0)) fixture.cleanup();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function service(transport: SyncTransport, online = { value: true }) {
  const fixture = await createFixture();
  fixtures.push(fixture);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'td-sync-service-'));
  dirs.push(dataDir);
  writeDeviceAccount(dataDir, { userId: fixture.nurseId, organisationId: fixture.organisationId, email: 'fatima@wijkzorg.nl', displayName: 'Fatima', deviceId: '0190b8a4-7c3e-7000-8000-0000000d0002' });
  const statuses: SyncStatus[] = [];
  const sync = new SyncService({
    store: fixture.store,
    dataDir,
    api: new CentralApi('http://127.0.0.1:9'),
    leaseKeys: {},
    log: createLogger('test'),
    isOnline: () => online.value,
    onStatus: (status) => statuses.push(status),
    transport,
    random: () => 0.5,
  });
  return { fixture, sync, statuses, online };
}

describe('sync scheduling and status', () => {
  it('runs one sync at a time; a request during a run joins it and asks for one more', async () => {
    const hub = new SimHub(() => Date.now());
    const inner = simHubTransport(hub);
    let concurrent = 0;
    let maxConcurrent = 0;
    let pushes = 0;
    const slow: SyncTransport = {
      ...inner,
      push: async (request) => {
        pushes += 1;
        concurrent += 1;
        maxConcurrent = Math.max(maxConcurrent, concurrent);
        await new Promise((resolve) => setTimeout(resolve, 30));
        concurrent -= 1;
        return inner.push(request);
      },
    };
    const { fixture, sync } = await service(slow);
    fixture.store.session(fixture.nurseId).clients.create(sampleClient);
    const first = sync.syncNow();
    const second = sync.syncNow();
    expect(second).toBe(first);
    await first;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(maxConcurrent).toBe(1);
    expect(pushes).toBeGreaterThanOrEqual(1);
    sync.stop();
  });

  it('reports pending changes, syncing and the last successful sync; an unreachable service is an error with a retry time', async () => {
    const hub = new SimHub(() => Date.now());
    let reachable = false;
    const inner = simHubTransport(hub);
    const flaky: SyncTransport = {
      push: (request) => (reachable ? inner.push(request) : Promise.reject(new CentralApiError('unreachable', 'no answer'))),
      pull: (request) => (reachable ? inner.pull(request) : Promise.reject(new CentralApiError('unreachable', 'no answer'))),
      uploadAccessLog: (request) => inner.uploadAccessLog(request),
    };
    const { fixture, sync, statuses } = await service(flaky);
    fixture.store.session(fixture.nurseId).clients.create(sampleClient);
    expect(sync.status().pendingChanges).toBeGreaterThan(0);

    await sync.syncNow();
    const failed = sync.status();
    expect(failed.state).toBe('error');
    expect(failed.problem?.code).toBe('unreachable');
    expect(failed.problem?.retryAt).not.toBeNull();
    expect(failed.pendingChanges).toBeGreaterThan(0); // nothing lost, still waiting

    reachable = true;
    sync.onConnectivity(true); // reconnect: at once, not at the next tick
    await sync.syncNow();
    const done = sync.status();
    expect(done.state).toBe('idle');
    expect(done.problem).toBeNull();
    expect(done.lastSyncAt).not.toBeNull();
    expect(statuses.some((status) => status.state === 'syncing')).toBe(true);
    sync.stop();
  });

  it('lists refused changes with their text and the action to offer, until marked handled', async () => {
    const hub = new SimHub(() => Date.now());
    const { fixture, sync } = await service(simHubTransport(hub));
    const me = fixture.store.session(fixture.nurseId);
    const client = me.clients.create(sampleClient);
    const report = me.reports.create({ clientId: client.id, occurredAt: '2026-11-20T08:00:00.000Z', category: 'ADL', body: 'Niet verloren tekst' });
    fixture.store.connection.prepare("UPDATE outbox SET mutation_id = 'damaged' WHERE row_id = ?").run(report.id);
    await sync.syncNow();

    const refused = sync.refusedChanges().find((item) => item.mutationId === 'damaged')!;
    expect(refused).toMatchObject({ table: 'reports', rowId: report.id, clientId: client.id, reason: 'invalid', action: 'report_problem' });
    expect(refused.values.body).toBe('Niet verloren tekst');
    expect(sync.status().refusedChanges).toBeGreaterThanOrEqual(1);
    sync.markRefusedHandled('damaged');
    expect(sync.refusedChanges().some((item) => item.mutationId === 'damaged')).toBe(false);
    sync.stop();
  });

  it('does nothing offline, and says offline', async () => {
    const hub = new SimHub(() => Date.now());
    const { sync } = await service(simHubTransport(hub), { value: false });
    expect(await sync.syncNow()).toBeNull();
    expect(sync.status().state).toBe('offline');
  });

  it('backs off exponentially with jitter, capped', () => {
    expect(backoffMs(0)).toBe(0);
    expect(backoffMs(1, () => 0)).toBe(2_500);
    expect(backoffMs(1, () => 1)).toBe(5_000);
    expect(backoffMs(4, () => 1)).toBe(40_000);
    expect(backoffMs(50, () => 1)).toBe(15 * 60_000);
  });
});
