import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoNurse, startCentralService, type CentralServiceProcess } from './testing/central-service-process.js';
import { answerLostOnce, sampleClient, signedInDevice, type TestDevice } from './testing/devices.js';
import { SyncEngine } from './sync-engine.js';
import type { SyncTransport } from './sync-transport.js';

let central: CentralServiceProcess;
const devices: TestDevice[] = [];

beforeAll(async () => {
  central = await startCentralService();
}, 120_000);
afterAll(async () => {
  for (const device of devices) device.close();
  await central?.stop();
});

async function device(email = demoNurse): Promise<TestDevice> {
  const created = await signedInDevice(central, email);
  devices.push(created);
  return created;
}

describe('sync engine against the real central service', () => {
  it('a change made on one device arrives on the user’s other device after its first sign-in', async () => {
    const laptop = await device();
    const me = laptop.store.session(laptop.userId);
    const client = me.clients.create(sampleClient);
    const report = me.reports.create({ clientId: client.id, occurredAt: '2026-11-20T08:00:00.000Z', category: 'Wondzorg', body: 'Verband gewisseld, wond rustig' });
    expect(laptop.sync().outbox.count()).toBeGreaterThan(0);

    const pushed = await laptop.engine().run();
    expect(pushed.rejected).toBe(0);
    expect(laptop.sync().outbox.count()).toBe(0);

    const tablet = await device();
    await tablet.engine().run();
    const onTablet = tablet.store.session(tablet.userId);
    expect(onTablet.clients.get(client.id)).toMatchObject({ lastName: 'Berg', postcode: '3572 BJ' });
    expect(onTablet.reports.get(report.id).body).toBe('Verband gewisseld, wond rustig');
  });

  it('offline edits of different fields on two devices merge; both converge', async () => {
    const laptop = await device();
    const tablet = await device();
    const client = laptop.store.session(laptop.userId).clients.create({ ...sampleClient, lastName: 'Converge' });
    await laptop.engine().run();
    await tablet.engine().run();

    laptop.store.session(laptop.userId).clients.update(client.id, { phone: '030-1234567' });
    tablet.store.session(tablet.userId).clients.update(client.id, { city: 'De Bilt' });
    await laptop.engine().run();
    await tablet.engine().run();
    await laptop.engine().run();

    for (const one of [laptop, tablet]) {
      expect(one.store.session(one.userId).clients.get(client.id)).toMatchObject({ phone: '030-1234567', city: 'De Bilt' });
      expect(one.sync().outbox.count()).toBe(0);
    }
    expect(laptop.sync().rows.read('clients', client.id)!.state).toEqual(tablet.sync().rows.read('clients', client.id)!.state);
  });

  it('the same report text changed on two devices keeps both versions as a conflict', async () => {
    const laptop = await device();
    const tablet = await device();
    const me = laptop.store.session(laptop.userId);
    const client = me.clients.create({ ...sampleClient, lastName: 'Conflict' });
    const report = me.reports.create({ clientId: client.id, occurredAt: '2026-11-20T08:00:00.000Z', category: 'ADL', body: 'Hulp bij douchen' });
    await laptop.engine().run();
    await tablet.engine().run();

    me.reports.update(report.id, { body: 'Hulp bij douchen, huid droog' });
    tablet.store.session(tablet.userId).reports.update(report.id, { body: 'Hulp bij douchen, cliënt moe' });
    await laptop.engine().run();
    const second = await tablet.engine().run();
    expect(second.conflicts).toBe(1);
    await laptop.engine().run();
    for (const one of [laptop, tablet]) {
      expect(one.sync().openConflictCount()).toBe(1);
      expect(one.store.session(one.userId).reports.get(report.id).body).toBe('Hulp bij douchen, huid droog');
    }
  });

  it('batches go up in order, each after the hub answered the one before; its answers are stored while the next travels', async () => {
    const laptop = await device();
    const me = laptop.store.session(laptop.userId);
    const client = me.clients.create({ ...sampleClient, lastName: 'Batches' });
    const reports = ['Eerste', 'Tweede', 'Derde', 'Vierde'].map((body) => me.reports.create({ clientId: client.id, occurredAt: '2026-11-20T08:00:00.000Z', category: 'ADL', body }));
    // The same rows again: later batches change rows whose earlier changes are still being stored.
    for (const report of reports) me.reports.update(report.id, { body: `${me.reports.get(report.id).body}, aangevuld` });
    const queued = laptop.sync().outbox.count();
    expect(queued).toBeGreaterThan(9);

    const events: string[] = [];
    const inOutbox = () => new Set(laptop.sync().outbox.first(1_000).map((entry) => entry.mutation.mutationId));
    const sent: string[][] = [];
    const recording: SyncTransport = {
      ...laptop.transport,
      documents: laptop.transport.documents!,
      pull: (request) => laptop.transport.pull(request),
      uploadAccessLog: (request) => laptop.transport.uploadAccessLog(request),
      push: async (request) => {
        const batch = sent.length;
        sent.push(request.mutations.map((mutation) => mutation.mutationId));
        events.push(`send ${batch}`);
        const answer = await laptop.transport.push(request);
        events.push(`answer ${batch}`);
        return answer;
      },
    };
    let stored = 0;
    const engine = new SyncEngine({
      store: laptop.store,
      transport: recording,
      deviceId: () => laptop.deviceId,
      pushBatch: 3,
      onProgress: (progress) => {
        if (progress.phase !== 'push') return;
        // Stored: this batch's entries left the outbox; every later batch's entries are still there.
        const left = inOutbox();
        expect(sent[stored]!.some((id) => left.has(id))).toBe(false);
        for (const later of sent.slice(stored + 1)) expect(later.every((id) => left.has(id))).toBe(true);
        events.push(`stored ${stored}`);
        stored += 1;
      },
    });
    const report = await engine.run();

    expect(report.pushed).toBe(queued);
    expect(laptop.sync().outbox.count()).toBe(0);
    const batches = sent.length;
    expect(batches).toBe(Math.ceil(queued / 3));
    for (let batch = 0; batch < batches; batch++) {
      // The hub gets a batch only after answering the one before (it applies them in order) …
      if (batch > 0) expect(events.indexOf(`send ${batch}`)).toBeGreaterThan(events.indexOf(`answer ${batch - 1}`));
      // … and the device stores a batch's answers only once the next is on its way.
      if (batch < batches - 1) expect(events.indexOf(`stored ${batch}`)).toBeGreaterThan(events.indexOf(`send ${batch + 1}`));
      expect(events.indexOf(`stored ${batch}`)).toBeGreaterThan(events.indexOf(`answer ${batch}`));
    }
    const tablet = await device();
    await tablet.engine().run();
    for (const one of reports) expect(tablet.store.session(tablet.userId).reports.get(one.id).body).toMatch(/, aangevuld$/);
    expect((await laptop.engine().run()).pushed).toBe(0);
  });

  it('a push whose answer is lost is sent again and applies once (the hub returns its stored answers)', async () => {
    const laptop = await device();
    const client = laptop.store.session(laptop.userId).clients.create({ ...sampleClient, lastName: 'Retry' });
    const flaky = answerLostOnce(laptop.transport);
    await expect(laptop.engine(flaky).run()).rejects.toThrow(/connection dropped/);
    expect(laptop.sync().outbox.count()).toBeGreaterThan(0); // nothing left the outbox without its answer
    const first = flaky.lostAnswers[0] as { results: unknown[] };

    const report = await laptop.engine(flaky).run();
    expect(report.rejected).toBe(0);
    expect(laptop.sync().outbox.count()).toBe(0);
    // Same answers, same sequence numbers: the hub did not apply them a second time.
    expect((flaky.answers[1] as { results: unknown[] }).results).toEqual(first.results);
    expect(laptop.store.session(laptop.userId).clients.get(client.id).lastName).toBe('Retry');
  });

  it('a killed app between the hub’s commit and storing the answer loses nothing and applies nothing twice', async () => {
    const laptop = await device();
    const client = laptop.store.session(laptop.userId).clients.create({ ...sampleClient, lastName: 'Killed' });
    const flaky = answerLostOnce(laptop.transport);
    await expect(laptop.engine(flaky).run()).rejects.toThrow();
    const pending = laptop.sync().outbox.count();
    expect(pending).toBeGreaterThan(0);

    await laptop.restart(); // same data folder, a new process's store handle
    expect(laptop.sync().outbox.count()).toBe(pending);
    await laptop.engine().run();
    expect(laptop.sync().outbox.count()).toBe(0);
    const other = await device();
    await other.engine().run();
    expect(other.store.session(other.userId).clients.get(client.id).lastName).toBe('Killed');
  });

  it('a pending local edit survives a pull of the same row and goes up afterwards', async () => {
    const laptop = await device();
    const tablet = await device();
    const me = laptop.store.session(laptop.userId);
    const client = me.clients.create({ ...sampleClient, lastName: 'Rebase' });
    const report = me.reports.create({ clientId: client.id, occurredAt: '2026-11-20T08:00:00.000Z', category: 'ADL', body: 'Eerste versie' });
    await laptop.engine().run();
    await tablet.engine().run();

    me.reports.update(report.id, { body: 'Lokaal getypt, nog niet verstuurd' });
    tablet.store.session(tablet.userId).reports.update(report.id, { category: 'Medicatie' });
    await tablet.engine().run();
    await laptop.engine().pullOnly();
    const seen = me.reports.get(report.id);
    expect(seen.body).toBe('Lokaal getypt, nog niet verstuurd'); // not overwritten by the download
    expect(seen.category).toBe('Medicatie'); // the other change arrived around it

    await laptop.engine().run();
    await tablet.engine().run();
    expect(tablet.store.session(tablet.userId).reports.get(report.id).body).toBe('Lokaal getypt, nog niet verstuurd');
  });

  it('an edit of a report locked elsewhere is refused and its text stays on the device, offered as addendum', async () => {
    const laptop = await device();
    const tablet = await device();
    const me = laptop.store.session(laptop.userId);
    const client = me.clients.create({ ...sampleClient, lastName: 'Locked' });
    const report = me.reports.create({ clientId: client.id, occurredAt: '2026-11-20T08:00:00.000Z', category: 'ADL', body: 'Origineel' });
    await laptop.engine().run();
    await tablet.engine().run();

    tablet.store.session(tablet.userId).reports.lock(report.id);
    await tablet.engine().run();
    me.reports.update(report.id, { body: 'Aanvulling die te laat kwam' });
    const result = await laptop.engine().run();
    expect(result.rejected).toBe(1);
    const refused = laptop.sync().db.prepare('SELECT reason, mutation FROM sync_rejected').all() as Array<{ reason: string; mutation: string }>;
    expect(refused).toHaveLength(1);
    expect(refused[0]!.reason).toBe('record_locked');
    expect(refused[0]!.mutation).toContain('Aanvulling die te laat kwam');
    const now = me.reports.get(report.id);
    expect(now.body).toBe('Origineel');
    expect(now.lockedAt).not.toBeNull();
  });
});
