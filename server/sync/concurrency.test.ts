import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { openTestDatabase, type TestDatabase } from '../testing/databases.js';
import { createTestOrganisation, startHarness, type Harness, type TestOrganisation } from '../testing/harness.js';
import { TestDevice } from './testing/syncClient.js';

/**
 * The sequence trap (docs/sync.md): with many pushes committing concurrently while pulls run, a
 * reader must never move its cursor past a number that a slower writer commits later. And what a
 * reader sees when it has pulled to the end is a consistent cut: every push whole or not at all,
 * each writer's pushes in the order they were made. Real PostgreSQL only: PGlite has one
 * connection, so nothing there runs concurrently.
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

  it('shows every change to every puller exactly once, in order, none skipped; a reader at the head sees each push whole, each writer’s pushes in order, and nothing without what its writer had read', async () => {
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
    /** Which writer's which push a row came in: to check what a reader can observe of a push. */
    const pushOf = new Map<string, { writer: number; push: number }>();
    let writing = true;
    /** Ends reached while some pushes were seen and others not yet: the checks saw real cuts. */
    let cutsChecked = 0;
    let causalPairsChecked = 0;

    const writer = async (index: number) => {
      const me = device();
      for (let push = 0; push < pushesPerWriter; push += 1) {
        const mutations = Array.from({ length: rowsPerPush }, () => {
          const rowId = uuidv7();
          written.add(rowId);
          pushOf.set(rowId, { writer: index, push });
          return me.mutation('contacts', rowId, clientId, 'insert', [me.change('clientId', clientId), me.change('name', `Contact ${rowId.slice(-6)}`)]);
        });
        const results = await me.push(mutations);
        expect(results.every((result) => result.status === 'applied')).toBe(true);
      }
    };
    /** What a relay writer had pulled before it wrote each of its rows: causality across writers. */
    const seenBefore = new Map<string, Set<string>>();
    const relay = async () => {
      const me = device();
      for (let round = 0; round < 10; round += 1) {
        await me.pullAll(500);
        const rowId = uuidv7();
        seenBefore.set(rowId, new Set(me.pulled.filter((change) => change.table === 'contacts').map((change) => change.rowId)));
        written.add(rowId);
        const [result] = await me.push([me.mutation('contacts', rowId, clientId, 'insert', [me.change('clientId', clientId), me.change('name', 'Na lezen')])]);
        expect(result?.status).toBe('applied');
      }
    };
    const pullers = [device(), device(), device()];
    // Small pages chase the head (the sequence trap); big pages reach it while writers still push,
    // which is where what a reader sees is checked as a cut.
    const pageSizes = [7, 7, 500];
    // Jepsen-style checks at every point a reader has pulled to the end while writers push:
    // atomicity (a push is seen whole or not at all) and session order (a writer's pushes, each
    // sent after the previous one was answered, are seen as a prefix: never a later without an
    // earlier one); and causality across writers (nothing seen without what its writer had read).
    const checkWhatIsSeen = (puller: TestDevice) => {
      const seen = new Map<string, number>();
      for (const change of puller.pulled) {
        const origin = pushOf.get(change.rowId);
        if (origin) seen.set(`${origin.writer}:${origin.push}`, (seen.get(`${origin.writer}:${origin.push}`) ?? 0) + 1);
      }
      for (const [key, count] of seen) expect(count, `push ${key} seen in part`).toBe(rowsPerPush);
      for (let w = 0; w < writers; w += 1) {
        const pushes = Array.from({ length: pushesPerWriter }, (_, push) => seen.has(`${w}:${push}`));
        const firstMissing = pushes.indexOf(false);
        if (firstMissing >= 0) expect(pushes.slice(firstMissing), `writer ${w}: a later push seen without an earlier one`).not.toContain(true);
      }
      // Causality: a row is never seen without every row its writer had seen before writing it.
      const ids = new Set(puller.pulled.map((change) => change.rowId));
      for (const [rowId, before] of seenBefore) {
        if (ids.has(rowId) && before.size > 0) causalPairsChecked += 1;
        if (ids.has(rowId)) for (const earlier of before) expect(ids.has(earlier), `${rowId} seen without ${earlier}, which its writer had read`).toBe(true);
      }
      if (seen.size > 0 && seen.size < writers * pushesPerWriter) cutsChecked += 1;
    };
    const pullWhileWriting = async (puller: TestDevice, limit: number) => {
      while (writing) {
        await puller.pullAll(limit);
        checkWhatIsSeen(puller);
      }
    };

    const reading = pullers.map((puller, index) => pullWhileWriting(puller, pageSizes[index]!));
    await Promise.all([...Array.from({ length: writers }, (_, index) => writer(index)), relay()]);
    writing = false;
    await Promise.all(reading);

    expect(written.size).toBe(writers * pushesPerWriter * rowsPerPush + 10);
    for (const puller of pullers) {
      await puller.pullAll(50);
      const contacts = puller.pulled.filter((change) => change.table === 'contacts');
      const ids = contacts.map((change) => change.rowId);
      expect(new Set(ids).size, 'no change seen twice').toBe(ids.length);
      expect(new Set(ids), 'every change seen').toEqual(written);
      const seqs = puller.pulled.map((change) => change.seq);
      expect(seqs, 'in sequence order').toEqual([...seqs].sort((x, y) => x - y));
      checkWhatIsSeen(puller);
    }
    // The checks ran on states in between too, not only on the finished one.
    expect(cutsChecked).toBeGreaterThan(0);
    expect(causalPairsChecked).toBeGreaterThan(0);
  }, 120_000);
});
