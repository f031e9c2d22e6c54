import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreError } from './store-error.js';
import { createFixture, sampleClient, type Fixture } from './test-support.js';

/** Whatever a user (or a broken renderer) sends: a clear StoreError or a result, never a crash or SQL error. */
describe('bad input at the store boundary', () => {
  let f: Fixture;
  let clientId: string;
  beforeAll(async () => {
    f = await createFixture();
    clientId = f.store.session(f.nurseId).clients.create(sampleClient).id;
    f.store.session(f.nurseId).reports.create({ clientId, occurredAt: '2024-03-01T09:00:00.000Z', category: 'ADL', body: 'Geholpen met "douchen" (en) aankleden * NEAR' });
  });
  afterAll(() => f.cleanup());

  it('search never fails on any text, including FTS and SQL syntax', () => {
    const me = f.store.session(f.nurseId);
    const nasty = fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom('"', '*', 'NEAR(a b)', 'a OR b', "'; DROP TABLE reports; --", '^', ':', '\u0000', 'douchen"*'));
    fc.assert(
      fc.property(nasty, (query) => {
        expect(Array.isArray(me.search.clients(query))).toBe(true);
        expect(Array.isArray(me.search.reports(query))).toBe(true);
        expect(Array.isArray(me.search.reports(query, { clientId }))).toBe(true);
      }),
      { numRuns: 150 },
    );
    expect(me.search.reports('"douchen"*').length).toBe(1);
  });

  it('malformed ids and payloads are invalid_input, not exceptions from SQLite', () => {
    const me = f.store.session(f.nurseId);
    fc.assert(
      fc.property(fc.anything(), (junk) => {
        for (const call of [
          () => me.clients.get(junk as string),
          () => me.clients.update(clientId, junk as never),
          () => me.reports.create(junk as never),
          () => me.appointments.create(junk as never),
          () => me.time.create(junk as never),
          () => me.drafts.save(junk as string, 'x'),
        ]) {
          try {
            call();
          } catch (error) {
            expect(error).toBeInstanceOf(StoreError);
            expect(['invalid_input', 'not_found', 'forbidden']).toContain((error as StoreError).code);
          }
        }
      }),
      { numRuns: 100 },
    );
    expect(f.store.session(f.ownerId).accessLog.verifyChain().intact).toBe(true);
  });
});
