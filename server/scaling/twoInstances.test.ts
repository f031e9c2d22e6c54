import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { SignInResponse } from '../../shared/api/auth.js';
import { decodePublicKey, encodeKey, verifyLease } from '../../shared/licence/sign.js';
import { createOrganisation } from '../accounts/organisations.js';
import { loadSodium, type Sodium } from '../crypto/sodium.js';
import { createContext } from '../createContext.js';
import { leaseKeyRingFromEnv } from '../keys/leaseKeys.js';
import { openTestDatabase, type TestDatabase } from '../testing/databases.js';
import { startServerProcess, type ServerProcess } from '../testing/serverProcess.js';

/**
 * Two real server processes on one real PostgreSQL, as behind a load balancer: whatever one
 * instance knows (sessions, failed attempts, revocations) the other knows too.
 */
describe('two instances on one PostgreSQL', () => {
  let lib: Sodium;
  let database: TestDatabase;
  let one: ServerProcess;
  let two: ServerProcess;
  const password = 'twee instanties, één database';
  const email = `multi.${uuidv7().slice(-12)}@example.nl`;

  beforeAll(async () => {
    lib = await loadSodium();
    database = await openTestDatabase('postgres');
    const variant = lib.base64_variants.URLSAFE_NO_PADDING;
    const env = {
      DATABASE_URL: database.url!,
      THUISDOSSIER_MASTER_KEY: lib.to_base64(lib.crypto_kdf_keygen(), variant),
      THUISDOSSIER_LEASE_SIGNING_KEY: `shared-key:${encodeKey(lib, lib.randombytes_buf(32))}`,
      THUISDOSSIER_DATA_DIR: `/tmp/thuisdossier-two-instances-${uuidv7()}`,
    };
    // The organisation is made with the deployment's own keys, as the demo command would.
    const context = createContext({
      database,
      lib,
      masterKey: lib.from_base64(env.THUISDOSSIER_MASTER_KEY, variant),
      leaseKeys: leaseKeyRingFromEnv(lib, env)!,
      log: (await import('pino')).pino({ level: 'silent' }),
    });
    await createOrganisation(context, { name: 'Gedeelde Zorg', owner: { email, displayName: 'Eva', password } });
    [one, two] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([one?.stop(), two?.stop()]);
    await database?.dispose();
  });

  const signIn = (server: ServerProcess, body: object) =>
    fetch(`${server.url}/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const device = () => ({ id: uuidv7(), name: 'Laptop', platform: 'linux' });

  it('a session made on one instance is valid on the other, and ends on both', async () => {
    const response = await signIn(one, { email, password, device: device() });
    expect(response.status).toBe(200);
    const body = (await response.json()) as SignInResponse;
    const headers = { authorization: `Bearer ${body.session.token}` };
    expect((await fetch(`${two.url}/v1/me`, { headers })).status).toBe(200);
    expect((await fetch(`${two.url}/v1/auth/sign-out`, { method: 'POST', headers })).status).toBe(200);
    expect((await fetch(`${one.url}/v1/me`, { headers })).status).toBe(401);
  });

  it('a lease from one instance verifies with the keys the other publishes', async () => {
    const body = (await (await signIn(two, { email, password, device: device() })).json()) as SignInResponse;
    const keys = (await (await fetch(`${one.url}/v1/licence/keys`)).json()) as { keys: { keyId: string; publicKey: string }[] };
    const map = new Map(keys.keys.map((key) => [key.keyId, decodePublicKey(lib, key.publicKey)]));
    expect(verifyLease(lib, body.lease, map).ok).toBe(true);
  });

  it('shares the failed-attempt count: failures spread over both instances lock the account on both', async () => {
    const target = `nobody.${uuidv7().slice(-12)}@example.nl`;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const server = attempt % 2 === 0 ? one : two;
      expect((await signIn(server, { email: target, password: 'wrong password', device: device() })).status).toBe(401);
    }
    expect((await signIn(one, { email: target, password: 'wrong password', device: device() })).status).toBe(429);
    expect((await signIn(two, { email: target, password: 'wrong password', device: device() })).status).toBe(429);
  });

  it('counts concurrent failures on both instances exactly (atomic upsert)', async () => {
    const target = `race.${uuidv7().slice(-12)}@example.nl`;
    const answers = await Promise.all(
      Array.from({ length: 4 }, (_, index) => signIn(index % 2 === 0 ? one : two, { email: target, password: 'wrong', device: device() })),
    );
    expect(answers.map((answer) => answer.status)).toEqual([401, 401, 401, 401]);
    expect((await signIn(two, { email: target, password: 'wrong', device: device() })).status).toBe(401);
    expect((await signIn(one, { email: target, password: 'wrong', device: device() })).status).toBe(429);
  });
});
