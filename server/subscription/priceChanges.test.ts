import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testBackends, type TestDatabase } from '../testing/databases.js';
import { addUser, call, createTestOrganisation, PASSWORD, startHarness, TEST_OPERATOR_TOKEN, type Harness, type TestOrganisation } from '../testing/harness.js';
import { advanceSubscriptions } from './advance.js';

const DAY = 24 * 3600 * 1000;
// The price list of server/subscription/priceList.ts, monthly, and a new one far above 1.5× for solo-1.
const monthly = { 'solo-1': 1_900, 'team-2-4': 5_900, 'team-5-9': 11_900, 'team-10-14': 17_900, 'contract-15-plus': 29_900 };
const raised = { ...monthly, 'solo-1': 2_900 }; // 2900 > 1.5 × 1900 = 2850
const yearly = Object.fromEntries(Object.entries(monthly).map(([plan, cents]) => [plan, cents * 10]));

type Notice = { id: string; kind: string; title: string; body: string; mayCancelUntil: string | null; acknowledged: boolean };

describe.each(testBackends)('price changes (art. 8) on %s', (backend) => {
  let database: TestDatabase;
  let harness: Harness;
  beforeAll(async () => {
    database = await openTestDatabase(backend); // the harness clock stands on Monday 2 March 2026
    harness = await startHarness(database);
  });
  afterAll(async () => {
    await harness?.app.close();
    await database?.dispose();
  });

  const announce = (payload: object) => call(harness, TEST_OPERATOR_TOKEN, { method: 'POST', url: '/v1/operator/price-changes', payload });
  const notices = async (token: string) => ((await call(harness, token, { method: 'GET', url: '/v1/notices' })).json() as { notices: Notice[] }).notices;
  const monthlySubscription = async () => {
    const org = await createTestOrganisation(harness);
    await call(harness, org.ownerToken, { method: 'POST', url: '/v1/admin/subscription/convert', payload: { billingInterval: 'monthly' } });
    return org;
  };
  const cancelNow = (org: TestOrganisation) => call(harness, org.ownerToken, { method: 'POST', url: '/v1/admin/subscription/cancel-for-price-increase', payload: { confirm: true } });

  it('refuses what the rules refuse, for each subscription on its own', async () => {
    const org = await monthlySubscription();
    const trial = await createTestOrganisation(harness);
    const tooSoon = await announce({ kind: 'other', effectiveOn: '2026-04-15', monthly: raised, yearly, organisationIds: [org.organisationId, trial.organisationId] });
    expect(tooSoon.statusCode).toBe(200);
    expect(tooSoon.json()).toEqual({
      announced: [],
      refused: expect.arrayContaining([
        { organisationId: trial.organisationId, reason: 'no_paid_subscription' },
        { organisationId: org.organisationId, reason: expect.stringContaining('within_three_months_of_start') },
      ]),
    });
    const bad = await announce({ kind: 'other', effectiveOn: '2026-07-01', monthly: { 'solo-1': 100 }, yearly });
    expect(bad.statusCode).toBe(400);
    expect(await notices(org.ownerToken)).toEqual([]);
  });

  it('announces a rise above 1.5×: admins see it with the right to cancel; the owner cancels at once and it ends', async () => {
    const org = await monthlySubscription();
    const admin = await addUser(harness, org, 'admin');
    const practitioner = await addUser(harness, org, 'practitioner');
    // The two colleagues made the plan team-2-4 (art. 14): its price is the one that changes.
    const done = await announce({ kind: 'other', effectiveOn: '2026-07-01', monthly: { ...raised, 'team-2-4': 9_000 }, yearly, organisationIds: [org.organisationId] });
    const result = done.json() as { announced: { organisationId: string; currentPriceCents: number; newPriceCents: number; newAmountDueOn: string; mayCancelUntil: string | null }[] };
    expect(result.announced).toHaveLength(1);
    const [announced] = result.announced;
    expect(announced).toMatchObject({ organisationId: org.organisationId, currentPriceCents: 5_900, newPriceCents: 9_000 }); // team-2-4: 9000 > 8850
    expect(announced!.mayCancelUntil).toBe(announced!.newAmountDueOn);
    expect(announced!.newAmountDueOn >= '2026-07-01').toBe(true);

    const forAdmin = (await notices(admin.token)).filter((n) => n.kind === 'price-change');
    expect(forAdmin).toHaveLength(1);
    expect(forAdmin[0]).toMatchObject({ title: 'Prijswijziging per 1 juli 2026', mayCancelUntil: announced!.mayCancelUntil, acknowledged: false });
    expect(forAdmin[0]!.body).toContain('€ 90,00 per maand in plaats van € 59,00');
    expect(forAdmin[0]!.body).toContain('per direct opzeggen');
    expect((await notices(practitioner.token)).filter((n) => n.kind === 'price-change')).toEqual([]);
    expect((await call(harness, practitioner.token, { method: 'POST', url: `/v1/notices/${forAdmin[0]!.id}/acknowledge` })).statusCode).toBe(404);
    expect((await call(harness, admin.token, { method: 'POST', url: `/v1/notices/${forAdmin[0]!.id}/acknowledge` })).statusCode).toBe(200);
    expect((await notices(admin.token)).find((n) => n.id === forAdmin[0]!.id)?.acknowledged).toBe(true);

    // Another organisation's admin neither sees nor acknowledges it.
    const other = await monthlySubscription();
    expect((await notices(other.ownerToken)).filter((n) => n.kind === 'price-change')).toEqual([]);
    expect((await call(harness, other.ownerToken, { method: 'POST', url: `/v1/notices/${forAdmin[0]!.id}/acknowledge` })).statusCode).toBe(404);

    // One change at a time.
    const again = (await announce({ kind: 'other', effectiveOn: '2026-08-01', monthly: raised, yearly, organisationIds: [org.organisationId] })).json() as { refused: { reason: string }[] };
    expect(again.refused[0]!.reason).toContain('price_change_already_pending');

    // Only the owner may use the right; then the agreement ends at the end of today.
    expect((await call(harness, admin.token, { method: 'POST', url: '/v1/admin/subscription/cancel-for-price-increase', payload: { confirm: true } })).statusCode).toBe(403);
    const cancelled = await cancelNow(org);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'active', state: { subscription: { cancellation: { kind: 'price_increase', endDate: '2026-03-02' } } } });
    harness.clock.advance(DAY);
    await advanceSubscriptions(harness.context);
    const signIn = await call(harness, null, { method: 'POST', url: '/v1/auth/sign-in', payload: { email: org.ownerEmail, password: PASSWORD, device: { id: org.deviceId, name: 'Laptop', platform: 'linux' } } });
    expect(signIn.statusCode).toBe(403);
    expect(signIn.json()).toMatchObject({ error: 'organisation_ended' });
  });

  it('gives no right to cancel at once for an indexation or a rise up to 1.5×', async () => {
    const org = await monthlySubscription();
    const indexed = (await announce({ kind: 'indexation', effectiveOn: '2026-07-01', index: { name: 'CPI', basisPoints: 410 }, organisationIds: [org.organisationId] })).json() as {
      announced: { currentPriceCents: number; newPriceCents: number; mayCancelUntil: string | null }[];
    };
    expect(indexed.announced).toEqual([expect.objectContaining({ currentPriceCents: 1_900, newPriceCents: 1_978, mayCancelUntil: null })]); // 1900 × 1.041 = 1977.9
    const [notice] = (await notices(org.ownerToken)).filter((n) => n.kind === 'price-change');
    expect(notice!.body).toContain('inflatiecorrectie');
    expect(notice!.body).not.toContain('per direct opzeggen');
    const refused = await cancelNow(org);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('Cancel with notice instead');
    const subscription = (await call(harness, org.ownerToken, { method: 'GET', url: '/v1/admin/subscription' })).json() as { status: string; state: { subscription: { cancellation: unknown } } };
    expect(subscription).toMatchObject({ status: 'active', state: { subscription: { cancellation: null } } });
  });
});
