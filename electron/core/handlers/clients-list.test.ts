import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientSearchLimit } from '../../../shared/ipc/calls/clients.js';
import { licensedCore, type LicensedCore } from '../testing/licensed-core.js';

/** clients.list through the real core and store: a search shows at most 200 clients and says how many matched. */
let device: LicensedCore;
beforeAll(async () => {
  device = await licensedCore({ status: 'active' });
  for (let i = 0; i < clientSearchLimit + 40; i++) {
    const created = await device.call('clients.create', { firstName: `Anna ${i}`, lastName: 'Kuiper', status: i % 2 === 0 ? 'in_zorg' : 'aanmelding' });
    if (!created.ok) throw new Error(created.error.code);
  }
}, 120_000);
afterAll(async () => {
  await device.close();
});

type ListResult = { items: { lastName: string }[]; total: number; matched: number };
async function list(input: object): Promise<ListResult> {
  const result = await device.call('clients.list', input);
  if (!result.ok) throw new Error(result.error.code);
  return result.value as ListResult;
}

describe('clients.list', () => {
  it('caps a search at the limit and counts every match, so the list can say it shows only part', async () => {
    const capped = await list({ query: 'Kuiper' });
    expect(capped.items).toHaveLength(clientSearchLimit);
    expect(capped.items.every((item) => item.lastName === 'Kuiper')).toBe(true);
    expect(capped.matched).toBe(clientSearchLimit + 40);
    expect(capped.total).toBe(clientSearchLimit + 40 + 1); // and the fixture's own client
  });

  it('counts the matches after the status filter; a search under the limit shows all it found', async () => {
    const inCare = await list({ query: 'Kuiper', status: 'in_zorg' });
    expect(inCare.matched).toBe((clientSearchLimit + 40) / 2);
    expect(inCare.items).toHaveLength(inCare.matched);
  });

  it('without a query, everything the user may open is listed and matched', async () => {
    const everything = await list({});
    expect(everything.items).toHaveLength(everything.total);
    expect(everything.matched).toBe(everything.total);
  });
});
