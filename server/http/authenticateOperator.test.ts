import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../createContext.js';
import { minimalLimits } from '../crypto/passwords.js';
import { loadSodium } from '../crypto/sodium.js';
import { ephemeralLeaseKeyRing } from '../keys/leaseKeys.js';
import { openTestDatabase, type TestDatabase } from '../testing/databases.js';
import { call, startHarness, TEST_OPERATOR_TOKEN, type Harness } from '../testing/harness.js';

describe('the operator token', () => {
  let database: TestDatabase;
  let harness: Harness;
  let logged = '';
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logged += chunk.toString('utf8');
        done();
      },
    });
    harness = await startHarness(database, { log: pino({ level: 'trace' }, sink) });
  });
  afterAll(async () => {
    await harness?.app.close();
    await database?.dispose();
  });

  it('opens the operator API and never appears in the log, also when it is wrong', async () => {
    expect((await call(harness, TEST_OPERATOR_TOKEN, { method: 'GET', url: '/v1/operator/downgrade-requests' })).statusCode).toBe(200);
    expect((await call(harness, `${TEST_OPERATOR_TOKEN}-wrong`, { method: 'GET', url: '/v1/operator/downgrade-requests' })).statusCode).toBe(403);
    expect(logged).toContain('/v1/operator/downgrade-requests'); // the log is written, at trace level even
    expect(logged).not.toContain(TEST_OPERATOR_TOKEN);
  });

  it('refuses every call when no operator token is configured', async () => {
    const lib = await loadSodium();
    const unconfigured = createContext({ database, lib, masterKey: lib.crypto_kdf_keygen(), leaseKeys: ephemeralLeaseKeyRing(lib), passwordLimits: minimalLimits(lib) });
    for (const presented of ['', TEST_OPERATOR_TOKEN, 'undefined', 'null']) expect(unconfigured.isOperatorToken(presented), presented).toBe(false);
    expect(harness.context.isOperatorToken(TEST_OPERATOR_TOKEN)).toBe(true);
    expect(harness.context.isOperatorToken(TEST_OPERATOR_TOKEN.toUpperCase())).toBe(false);
  });
});
