import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testBackends, type TestDatabase } from '../testing/databases.js';
import { addUser, call, createTestOrganisation, startHarness, TEST_OPERATOR_TOKEN, type Harness, type TestOrganisation } from '../testing/harness.js';

describe.each(testBackends)('downgrades by approved request (art. 6) on %s', (backend) => {
  let database: TestDatabase;
  let harness: Harness;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    harness = await startHarness(database);
  });
  afterAll(async () => {
    await harness?.app.close();
    await database?.dispose();
  });

  const plan = async (org: TestOrganisation) => ((await call(harness, org.ownerToken, { method: 'GET', url: '/v1/admin/subscription' })).json() as { plan: string }).plan;
  const ask = (token: string, payload: object) => call(harness, token, { method: 'POST', url: '/v1/admin/subscription/downgrade-requests', payload });
  const decide = (organisationId: string, id: string, payload: object) =>
    call(harness, TEST_OPERATOR_TOKEN, { method: 'POST', url: `/v1/operator/downgrade-requests/${organisationId}/${id}/decision`, payload });
  const setStatus = (org: TestOrganisation, userId: string, status: string) =>
    call(harness, org.ownerToken, { method: 'PATCH', url: `/v1/admin/users/${userId}`, payload: { status } });

  /** A yearly subscription of two users: art. 6 closes self-service downgrades to it. */
  async function yearlyTeam() {
    const org = await createTestOrganisation(harness);
    const colleague = await addUser(harness, org, 'admin');
    const converted = await call(harness, org.ownerToken, { method: 'POST', url: '/v1/admin/subscription/convert', payload: { billingInterval: 'yearly' } });
    expect(converted.json()).toMatchObject({ status: 'active', plan: 'team-2-4' });
    expect((await call(harness, org.ownerToken, { method: 'POST', url: '/v1/admin/subscription/plan', payload: { plan: 'solo-1' } })).statusCode).toBe(409);
    return { org, colleague };
  }

  it('an admin asks, the operator approves, and the rules apply the downgrade', async () => {
    const { org, colleague } = await yearlyTeam();
    const tooSmall = await ask(colleague.token, { plan: 'solo-1' });
    expect(tooSmall.statusCode).toBe(409);
    expect(tooSmall.json().message).toContain('active_users_exceed_plan');

    await setStatus(org, colleague.userId, 'paused');
    const asked = await ask(org.ownerToken, { plan: 'solo-1', reason: 'Onze collega is met pensioen.' });
    expect(asked.statusCode).toBe(200);
    const request = asked.json() as { id: string; status: string; fromPlan: string; toPlan: string };
    expect(request).toMatchObject({ status: 'pending', fromPlan: 'team-2-4', toPlan: 'solo-1' });
    expect((await ask(org.ownerToken, { plan: 'solo-1' })).statusCode).toBe(409); // one open request at a time
    expect(await plan(org)).toBe('team-2-4');

    const queue = (await call(harness, TEST_OPERATOR_TOKEN, { method: 'GET', url: '/v1/operator/downgrade-requests' })).json() as { requests: { id: string; organisationName: string; reason: string }[] };
    expect(queue.requests.find((r) => r.id === request.id)).toMatchObject({ organisationName: 'Wijkzorg De Linde', reason: 'Onze collega is met pensioen.' });

    const approved = await decide(org.organisationId, request.id, { approve: true, note: 'Akkoord per de volgende periode.' });
    expect(approved.json()).toMatchObject({ status: 'approved', decisionNote: 'Akkoord per de volgende periode.' });
    expect(await plan(org)).toBe('solo-1');
    expect((await decide(org.organisationId, request.id, { approve: false })).statusCode).toBe(409); // decided once
    const mine = (await call(harness, org.ownerToken, { method: 'GET', url: '/v1/admin/subscription/downgrade-requests' })).json() as { requests: { status: string }[] };
    expect(mine.requests.map((r) => r.status)).toEqual(['approved']);
    const audit = (await call(harness, org.ownerToken, { method: 'GET', url: '/v1/admin/audit' })).json() as { entries: { action: string }[] };
    expect(audit.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['downgrade.requested', 'downgrade.approved']));
    const pendingNow = (await call(harness, TEST_OPERATOR_TOKEN, { method: 'GET', url: '/v1/operator/downgrade-requests' })).json() as { requests: { id: string }[] };
    expect(pendingNow.requests.map((r) => r.id)).not.toContain(request.id);
  });

  it('a refusal leaves the plan; an approval the rules no longer allow keeps the request open', async () => {
    const { org, colleague } = await yearlyTeam();
    await setStatus(org, colleague.userId, 'paused');
    const first = (await ask(org.ownerToken, { plan: 'solo-1' })).json() as { id: string };
    expect((await decide(org.organisationId, first.id, { approve: false, note: 'Uw contract loopt tot maart.' })).json()).toMatchObject({ status: 'refused' });
    expect(await plan(org)).toBe('team-2-4');

    const second = (await ask(org.ownerToken, { plan: 'solo-1' })).json() as { id: string };
    await setStatus(org, colleague.userId, 'active'); // two active users again
    const tooLate = await decide(org.organisationId, second.id, { approve: true });
    expect(tooLate.statusCode).toBe(409);
    expect(tooLate.json().message).toContain('downgrade_not_allowed');
    expect(await plan(org)).toBe('team-2-4');
    const queue = (await call(harness, TEST_OPERATOR_TOKEN, { method: 'GET', url: '/v1/operator/downgrade-requests' })).json() as { requests: { id: string }[] };
    expect(queue.requests.map((r) => r.id)).toContain(second.id);
  });

  it('sends a customer who may downgrade themselves to the plan screen, and a trial nowhere', async () => {
    const monthly = await createTestOrganisation(harness);
    const colleague = await addUser(harness, monthly);
    await call(harness, monthly.ownerToken, { method: 'POST', url: '/v1/admin/subscription/convert', payload: { billingInterval: 'monthly' } });
    await setStatus(monthly, colleague.userId, 'paused');
    const selfService = await ask(monthly.ownerToken, { plan: 'solo-1' });
    expect(selfService.statusCode).toBe(409);
    expect(selfService.json().message).toContain('yourself');

    const trial = await createTestOrganisation(harness);
    expect((await ask(trial.ownerToken, { plan: 'solo-1' })).statusCode).toBe(409);
  });

  it('refuses a decision on a request that does not exist in that organisation', async () => {
    const { org, colleague } = await yearlyTeam();
    await setStatus(org, colleague.userId, 'paused');
    const request = (await ask(org.ownerToken, { plan: 'solo-1' })).json() as { id: string };
    const other = await createTestOrganisation(harness);
    expect((await decide(other.organisationId, request.id, { approve: true })).statusCode).toBe(404);
    expect(await plan(org)).toBe('team-2-4');
  });
});
