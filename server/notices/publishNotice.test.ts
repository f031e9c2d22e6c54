import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing/databases.js';
import { call, createTestOrganisation, startHarness, TEST_OPERATOR_TOKEN, TestClock, type Harness } from '../testing/harness.js';
import { publishNotice } from './publishNotice.js';

describe('service notices', () => {
  let database: TestDatabase;
  let harness: Harness;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    harness = await startHarness(database); // the clock stands on Monday 2 March 2026
  });
  afterAll(async () => {
    await harness?.app.close();
    await database?.dispose();
  });

  it('announces maintenance at least three working days ahead (art. 4)', async () => {
    const tooSoon = await publishNotice(harness.context, {
      kind: 'maintenance',
      title: 'Onderhoud',
      body: 'Kort onderhoud',
      startsAt: new Date('2026-03-04T05:00:00Z'),
      endsAt: new Date('2026-03-04T07:00:00Z'),
    });
    expect(tooSoon).toEqual({ ok: false, reason: 'maintenance may start on 2026-03-05 at the earliest' });
    const ok = await publishNotice(harness.context, {
      kind: 'maintenance',
      title: 'Onderhoud',
      body: 'Kort onderhoud',
      startsAt: new Date('2026-03-05T05:00:00Z'),
      endsAt: new Date('2026-03-05T07:00:00Z'),
    });
    expect(ok.ok).toBe(true);
  });

  it('announces changed terms a month ahead (art. 15), and users see and acknowledge them', async () => {
    expect(await publishNotice(harness.context, { kind: 'terms-change', title: 'Nieuwe voorwaarden', body: '…', effectiveOn: '2026-03-20' })).toMatchObject({ ok: false });
    const published = await publishNotice(harness.context, { kind: 'terms-change', title: 'Nieuwe voorwaarden', body: 'Per 2 april.', effectiveOn: '2026-04-02' });
    expect(published.ok).toBe(true);
    const org = await createTestOrganisation(harness);
    const list = (await call(harness, org.ownerToken, { method: 'GET', url: '/v1/notices' })).json() as { notices: { id: string; kind: string; acknowledged: boolean }[] };
    expect(list.notices.map((notice) => notice.kind).sort()).toEqual(['maintenance', 'terms-change']);
    const terms = list.notices.find((notice) => notice.kind === 'terms-change')!;
    expect(terms.acknowledged).toBe(false);
    expect((await call(harness, org.ownerToken, { method: 'POST', url: `/v1/notices/${terms.id}/acknowledge` })).statusCode).toBe(200);
    const after = (await call(harness, org.ownerToken, { method: 'GET', url: '/v1/notices' })).json() as { notices: { id: string; acknowledged: boolean }[] };
    expect(after.notices.find((notice) => notice.id === terms.id)?.acknowledged).toBe(true);
  });

  it('lets the operator publish through the operator API; a too-short lead time is refused with the reason', async () => {
    const org = await createTestOrganisation(harness);
    const publish = (token: string, payload: object) => call(harness, token, { method: 'POST', url: '/v1/operator/notices', payload });
    const maintenance = { kind: 'maintenance', title: 'Gepland onderhoud', body: 'Synchronisatie even niet beschikbaar.', startsAt: '2026-03-12T21:00:00Z', endsAt: '2026-03-12T22:00:00Z' };
    expect((await publish(org.ownerToken, maintenance)).statusCode).toBe(403); // a customer's token opens no operator route
    const published = await publish(TEST_OPERATOR_TOKEN, maintenance);
    expect(published.statusCode).toBe(200);
    const { id } = published.json() as { id: string };
    const list = (await call(harness, org.ownerToken, { method: 'GET', url: '/v1/notices' })).json() as { notices: { id: string; title: string; endsAt: string | null }[] };
    expect(list.notices.find((notice) => notice.id === id)).toMatchObject({ title: 'Gepland onderhoud', endsAt: '2026-03-12T22:00:00.000Z' });
    const tooSoon = await publish(TEST_OPERATOR_TOKEN, { kind: 'terms-change', title: 'Nieuwe voorwaarden', body: '…', effectiveOn: '2026-03-03' });
    expect(tooSoon.statusCode).toBe(409);
    expect(tooSoon.body).toMatch(/at the earliest/);
  });

  it('does not count Easter Monday as a working day of the notice period', async () => {
    // Thursday 2 April 2026: Friday 3 counts, the weekend and Tweede Paasdag (6 April) do not.
    const easter = await startHarness(database, { clock: new TestClock(new Date('2026-04-02T09:00:00Z')) });
    try {
      const maintenance = (day: string) => ({
        kind: 'maintenance' as const,
        title: 'Onderhoud',
        body: 'Kort onderhoud',
        startsAt: new Date(`${day}T05:00:00Z`),
        endsAt: new Date(`${day}T07:00:00Z`),
      });
      expect(await publishNotice(easter.context, maintenance('2026-04-07'))).toEqual({ ok: false, reason: 'maintenance may start on 2026-04-08 at the earliest' });
      expect((await publishNotice(easter.context, maintenance('2026-04-08'))).ok).toBe(true);
    } finally {
      await easter.app.close();
    }
  });
});
