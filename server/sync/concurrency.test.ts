import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { openTestDatabase, type TestDatabase } from '../testing/databases.js';
import { createTestOrganisation, startHarness, type Harness, type TestOrganisation } from '../testing/harness.js';
import { TestDevice } from './testing/syncClient.js';

/**
 * The sequence trap (docs/sync.md): with many pushes committing concurrently while pulls run, a
 * reader must never move its cursor past a number that a slower writer commits later. Real
 * PostgreSQL only: PGlite has one connection, so nothing there runs concurrently.
 */
describe('concurrent writers and readers on postgres', () => {
  let database: TestDatabase;
  let harness: Harness;
  let org: TestOrganisation;

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    harness = await startHarness(database);
    org = await createTestOrganisation(harness);
  });
  afterAll(async () => {
    await harness?.app.close();
    await database?.dispose();
  });

  it('shows every change to every puller exactly once, in order, none skipped', async () => {
    const device = () => new TestDevice(harness, org.ownerToken, org.deviceId, org.organisationId);
    const setup = device();
    const clientId = uuidv7();
    const created = await setup.push([
      setup.mutation('clients', clientId, clientId, 'insert', [setup.change('lastName', 'Bakker')]),
      setup.mutation('dossier_access', uuidv7(), clientId, 'insert', [
        setup.change('clientId', clientId),
        setup.change('userId', org.ownerId),
        setup.change('canRead', true),
        setup.change('canEdit', true),
      ]),
    ]);
    expect(created.map((result) => result.status)).toEqual(['applied', 'applied']);

    const writers = 12;
    const pushesPerWriter = 8;
    const rowsPerPush = 5;
    const written = new Set<string>();
    let writing = true;

    const writer = async () => {
      const me = device();
      for (let push = 0; push < pushesPerWriter; push += 1) {
        const mutations = Array.from({ length: rowsPerPush }, () => {
          const rowId = uuidv7();
          written.add(rowId);
          return me.mutation('contacts', rowId, clientId, 'insert', [me.change('clientId', clientId), me.change('name', `Contact ${rowId.slice(-6)}`)]);
        });
        const results = await me.push(mutations);
        expect(results.every((result) => result.status === 'applied')).toBe(true);
      }
    };
    const pullers = [device(), device(), device()];
    const pullWhileWriting = async (puller: TestDevice) => {
      while (writing) await puller.pullPage(7);
    };

    const reading = pullers.map((puller) => pullWhileWriting(puller));
    await Promise.all(Array.from({ length: writers }, () => writer()));
    writing = false;
    await Promise.all(reading);

    expect(written.size).toBe(writers * pushesPerWriter * rowsPerPush);
    for (const puller of pullers) {
      await puller.pullAll(50);
      const contacts = puller.pulled.filter((change) => change.table === 'contacts');
      const ids = contacts.map((change) => change.rowId);
      expect(new Set(ids).size, 'no change seen twice').toBe(ids.length);
      expect(new Set(ids), 'every change seen').toEqual(written);
      const seqs = puller.pulled.map((change) => change.seq);
      expect(seqs, 'in sequence order').toEqual([...seqs].sort((x, y) => x - y));
    }
  }, 120_000);
});
