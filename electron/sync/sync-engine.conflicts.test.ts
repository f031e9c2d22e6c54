import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoNurse, startCentralService, type CentralServiceProcess } from './testing/central-service-process.js';
import { sampleClient, signedInDevice, type TestDevice } from './testing/devices.js';

let central: CentralServiceProcess;
const devices: TestDevice[] = [];

beforeAll(async () => {
  central = await startCentralService();
}, 120_000);
afterAll(async () => {
  for (const device of devices) device.close();
  await central?.stop();
});

/** Two devices of the same nurse that changed one report's text while apart: one open conflict on both. */
async function conflictOnTwoDevices(lastName: string) {
  const laptop = await signedInDevice(central, demoNurse);
  const tablet = await signedInDevice(central, demoNurse);
  devices.push(laptop, tablet);
  const onLaptop = laptop.store.session(laptop.userId);
  const client = onLaptop.clients.create({ ...sampleClient, lastName });
  const report = onLaptop.reports.create({ clientId: client.id, occurredAt: '2026-11-20T08:00:00.000Z', category: 'ADL', body: 'Hulp bij douchen' });
  await laptop.engine().run();
  await tablet.engine().run();
  onLaptop.reports.update(report.id, { body: 'Hulp bij douchen, huid droog' });
  tablet.store.session(tablet.userId).reports.update(report.id, { body: 'Hulp bij douchen, cliënt moe' });
  await laptop.engine().run();
  await tablet.engine().run();
  await laptop.engine().run();
  return { laptop, tablet, reportId: report.id };
}

describe('settling a narrative conflict on the device', () => {
  it('lists both versions, the other one named by its author; "both" becomes one edit that closes the conflict on every device', async () => {
    const { laptop, tablet, reportId } = await conflictOnTwoDevices('Beide');
    const [open] = tablet.store.session(tablet.userId).syncConflicts.listOpen();
    expect(open).toMatchObject({ blocked: null, conflict: { table: 'reports', rowId: reportId, field: 'body' } });
    expect(open!.conflict.kept.value).toBe('Hulp bij douchen, huid droog');
    expect(open!.conflict.incoming).toMatchObject({ value: 'Hulp bij douchen, cliënt moe', authorId: tablet.userId });

    const combined = 'Hulp bij douchen, huid droog\n\n— Tweede versie —\nHulp bij douchen, cliënt moe';
    tablet.store.session(tablet.userId).syncConflicts.resolve(open!.conflict.conflictId, 'both', combined);
    expect(tablet.sync().openConflictCount()).toBe(0);
    expect(tablet.sync().outbox.first(10).at(-1)!.mutation.resolves).toEqual([open!.conflict.conflictId]);

    await tablet.engine().run();
    await laptop.engine().run();
    for (const one of [laptop, tablet]) {
      expect(one.sync().openConflictCount()).toBe(0);
      expect(one.sync().outbox.count()).toBe(0);
      expect(one.store.session(one.userId).reports.get(reportId).body).toBe(combined);
    }
  });

  it('"keep this" keeps the current text and still closes the conflict everywhere (an edit with the same text)', async () => {
    const { laptop, tablet, reportId } = await conflictOnTwoDevices('Deze');
    const [open] = laptop.store.session(laptop.userId).syncConflicts.listOpen();
    laptop.store.session(laptop.userId).syncConflicts.resolve(open!.conflict.conflictId, 'kept');
    expect(laptop.sync().outbox.count()).toBe(1);
    await laptop.engine().run();
    await tablet.engine().run();
    for (const one of [laptop, tablet]) {
      expect(one.sync().openConflictCount()).toBe(0);
      expect(one.store.session(one.userId).reports.get(reportId).body).toBe('Hulp bij douchen, huid droog');
    }
  });

  it('"keep that" takes the other version; a locked report cannot be settled here and says so', async () => {
    const { laptop, tablet, reportId } = await conflictOnTwoDevices('Die');
    const onTablet = tablet.store.session(tablet.userId);
    const [open] = onTablet.syncConflicts.listOpen();
    onTablet.syncConflicts.resolve(open!.conflict.conflictId, 'incoming');
    await tablet.engine().run();
    await laptop.engine().run();
    expect(laptop.store.session(laptop.userId).reports.get(reportId).body).toBe('Hulp bij douchen, cliënt moe');
    expect(laptop.sync().openConflictCount()).toBe(0);

    const second = await conflictOnTwoDevices('Vastgezet');
    const onLaptop = second.laptop.store.session(second.laptop.userId);
    onLaptop.reports.lock(second.reportId);
    const [signed] = onLaptop.syncConflicts.listOpen();
    expect(signed!.blocked).toBe('locked');
    expect(() => onLaptop.syncConflicts.resolve(signed!.conflict.conflictId, 'incoming')).toThrow(/vastgezet/);
    expect(second.laptop.sync().openConflictCount()).toBe(1);
  });
});
