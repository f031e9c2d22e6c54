import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { queryRows } from '../db/raw.js';
import { openTestDatabase, testBackends, type TestDatabase } from '../testing/databases.js';
import { addUser, createTestOrganisation, PASSWORD, signInOk, startHarness, type Harness, type TestOrganisation } from '../testing/harness.js';
import { mutationLogWindowMs, pruneMutationLog, pullMarginMs } from './mutationLogRetention.js';
import { TestDevice } from './testing/syncClient.js';

const day = 24 * 60 * 60 * 1000;
type User = Awaited<ReturnType<typeof addUser>>;

/** The user's device comes online after time passed: its session expired meanwhile, so it signs in again. */
async function online(harness: Harness, org: TestOrganisation, user: User): Promise<TestDevice> {
  const signedIn = await signInOk(harness, { email: user.email, password: PASSWORD, device: { id: user.deviceId, name: 'Laptop wijkteam', platform: 'linux', appVersion: '0.1.0' } });
  return new TestDevice(harness, signedIn.session.token, user.deviceId, org.organisationId);
}

describe.each(testBackends)('mutation log retention on %s', (backend) => {
  let database: TestDatabase;
  let harness: Harness;
  let org: TestOrganisation;
  let nurse: User;
  let colleague: User;
  const laptop = () => online(harness, org, nurse);
  const tablet = () => online(harness, org, colleague);

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    harness = await startHarness(database);
    org = await createTestOrganisation(harness);
    nurse = await addUser(harness, org);
    colleague = await addUser(harness, org);
  });
  afterAll(async () => {
    await harness?.app.close();
    await database?.dispose();
  });

  const logged = async (ids: string[]) =>
    (await queryRows<{ mutation_id: string }>(database.db, sql`SELECT mutation_id FROM sync_mutations WHERE mutation_id = ANY(${`{${ids.join(',')}}`}::uuid[])`)).map((row) => row.mutation_id).sort();
  const newClient = (device: TestDevice, lastName: string) => {
    const clientId = uuidv7();
    return device.mutation('clients', clientId, clientId, 'insert', [device.change('lastName', lastName)]);
  };
  const prune = () => pruneMutationLog(database.db, harness.clock.now());

  it('keeps an answer past the window while its device has not pulled since: the late retry still gets it and applies nothing twice', async () => {
    const device = await laptop();
    const first = newClient(device, 'Jansen');
    const [answer] = await device.push([first]);
    expect(answer?.status).toBe('applied');
    const seqBefore = await rowSeq(first.rowId);

    // The device stored no answer (killed) and stays away for two windows.
    harness.clock.advance(2 * mutationLogWindowMs);
    await prune();
    expect(await logged([first.mutationId])).toEqual([first.mutationId]);

    // The app starts again (a new session, the same HLC node) and sends the same outbox.
    const restarted = await laptop();
    const [again] = await new TestDevice(harness, restarted.token, nurse.deviceId, org.organisationId, device.node).push([first]);
    expect(again).toEqual(answer);
    expect(await rowSeq(first.rowId)).toBe(seqBefore);
  });

  it('drops an answer once it is older than the window and its device pulled well after it; a younger one stays', async () => {
    const device = await laptop();
    const old = newClient(device, 'De Vries');
    await device.push([old]);
    // The same run pulls seconds later: not yet proof across instance clocks (the margin).
    await device.pullAll();
    harness.clock.advance(mutationLogWindowMs + day);
    await prune();
    expect(await logged([old.mutationId])).toEqual([old.mutationId]);

    // A later sync: it pushed nothing of `old` again, so it had stored the answer.
    harness.clock.advance(pullMarginMs);
    const later = await laptop();
    const young = newClient(later, 'Bakker');
    await later.push([young]);
    await later.pullAll();
    const outcome = await prune();
    expect(outcome.deleted).toBeGreaterThanOrEqual(1);
    expect(await logged([old.mutationId, young.mutationId])).toEqual([young.mutationId]);
  });

  it('answers of another device follow that device’s own pulls', async () => {
    const [mineOn, theirsOn] = [await laptop(), await tablet()];
    const mine = newClient(mineOn, 'Smit');
    const theirs = newClient(theirsOn, 'Visser');
    await mineOn.push([mine]);
    await theirsOn.push([theirs]);
    harness.clock.advance(pullMarginMs + 1000);
    await mineOn.pullAll(); // only the laptop comes back
    harness.clock.advance(mutationLogWindowMs);
    await prune();
    expect(await logged([mine.mutationId, theirs.mutationId])).toEqual([theirs.mutationId]);
  });

  it('two instances pruning at the same time remove each answer once and fail nowhere', async () => {
    const device = await laptop();
    const batch = Array.from({ length: 40 }, (_, i) => newClient(device, `Twee-${i}`));
    await device.push(batch);
    harness.clock.advance(pullMarginMs + 1000);
    await device.pullAll();
    harness.clock.advance(mutationLogWindowMs + day);
    const second = await startHarness(database, { clock: harness.clock });
    try {
      const outcomes = await Promise.all([prune(), pruneMutationLog(second.context.database.db, second.clock.now())]);
      expect(outcomes.reduce((sum, outcome) => sum + outcome.deleted, 0)).toBeGreaterThanOrEqual(batch.length);
      expect(await logged(batch.map((mutation) => mutation.mutationId))).toEqual([]);
      expect((await prune()).deleted).toBe(0);
    } finally {
      await second.app.close();
    }
  });

  async function rowSeq(rowId: string): Promise<number> {
    const [row] = await queryRows<{ seq: string | number }>(database.db, sql`SELECT seq FROM sync_rows WHERE organisation_id = ${org.organisationId} AND row_id = ${rowId}`);
    return Number(row?.seq);
  }
});

describe('mutation log retention on postgres, an organisation being pruned elsewhere', () => {
  let database: TestDatabase;
  let harness: Harness;

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    harness = await startHarness(database);
  });
  afterAll(async () => {
    await harness?.app.close();
    await database?.dispose();
  });

  it('is skipped, not waited for: the other instance holds its lock', async () => {
    const org = await createTestOrganisation(harness);
    const nurse = await addUser(harness, org);
    const device = new TestDevice(harness, nurse.token, nurse.deviceId, org.organisationId);
    const clientId = uuidv7();
    const mutation = device.mutation('clients', clientId, clientId, 'insert', [device.change('lastName', 'Mulder')]);
    await device.push([mutation]);
    harness.clock.advance(pullMarginMs + 1000);
    await device.pullAll();
    harness.clock.advance(mutationLogWindowMs + day);

    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const other = database.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${0x4d_4c_4f_47}::int, hashtext(${org.organisationId}))`);
      locked();
      await held;
    });
    await isLocked;
    const whileHeld = await pruneMutationLog(database.db, harness.clock.now());
    release();
    await other;
    expect(whileHeld).toMatchObject({ skipped: 1, deleted: 0 });
    expect((await pruneMutationLog(database.db, harness.clock.now())).deleted).toBe(1);
  });
});
