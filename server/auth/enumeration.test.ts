import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createOrganisation } from '../accounts/organisations.js';
import { buildApp } from '../app.js';
import { createContext } from '../createContext.js';
import { minimalLimits, sodiumPasswordHasher, type PasswordHasher } from '../crypto/passwords.js';
import { loadSodium } from '../crypto/sodium.js';
import { ephemeralLeaseKeyRing } from '../keys/leaseKeys.js';
import { openTestDatabase, type TestDatabase } from '../testing/databases.js';
import { newDevice, PASSWORD, uniqueEmail } from '../testing/harness.js';

/**
 * No user enumeration by timing: an unknown address costs the same Argon2id work as a known one
 * with a wrong password. Asserted by counting the work, not by the clock.
 */
describe('sign-in does the same work for unknown addresses', () => {
  let database: TestDatabase;
  const work: string[] = [];
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('verifies against a dummy hash with the same limits when the address is unknown', async () => {
    const lib = await loadSodium();
    const real = sodiumPasswordHasher(lib, minimalLimits(lib));
    const counting: PasswordHasher = {
      ...real,
      verify: async (hash, password) => {
        work.push('verify');
        return real.verify(hash, password);
      },
      verifyNothing: async (password) => {
        work.push('verify');
        return real.verifyNothing(password);
      },
    };
    const context = createContext({ database, lib, masterKey: lib.crypto_kdf_keygen(), leaseKeys: ephemeralLeaseKeyRing(lib), passwords: counting, log: pino({ level: 'silent' }) });
    const app = await buildApp(context);
    const email = uniqueEmail('known');
    await createOrganisation(context, { name: 'Timing', owner: { email, displayName: 'T', password: PASSWORD } });

    work.length = 0;
    const known = await app.inject({ method: 'POST', url: '/v1/auth/sign-in', payload: { email, password: 'wrong password', device: newDevice() } });
    const knownWork = [...work];
    work.length = 0;
    const unknown = await app.inject({ method: 'POST', url: '/v1/auth/sign-in', payload: { email: uniqueEmail('unknown'), password: 'wrong password', device: newDevice() } });
    expect(work).toEqual(knownWork);
    expect(work).toEqual(['verify']);
    expect(unknown.json()).toEqual(known.json());
    await app.close();
  });
});
