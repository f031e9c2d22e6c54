import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { pino, type Logger } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import type { SignInResponse } from '../../shared/api/auth.js';
import { buildApp, type AppOptions } from '../app.js';
import { createOrganisation } from '../accounts/organisations.js';
import { totpCodeAt } from '../auth/totp.js';
import type { ServiceContext } from '../context.js';
import { createContext } from '../createContext.js';
import { minimalLimits } from '../crypto/passwords.js';
import { loadSodium } from '../crypto/sodium.js';
import type { Database } from '../db/database.js';
import { ephemeralLeaseKeyRing, type LeaseKeyRing } from '../keys/leaseKeys.js';
import { hmacPaymentProvider } from '../payments/provider.js';

export const TEST_PAYMENT_SECRET = 'test-payment-secret';
export const PASSWORD = 'correct horse battery staple';
export const TEST_OPERATOR_TOKEN = 'test-operator-token-of-at-least-32-characters';

/** A clock tests move by hand: sessions expire and locks lift without waiting. */
export class TestClock {
  constructor(private current = new Date('2026-03-02T09:00:00.000Z')) {}
  now = (): Date => new Date(this.current);
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface Harness {
  app: FastifyInstance;
  context: ServiceContext;
  clock: TestClock;
}

export interface HarnessOptions {
  /** Share keys and secrets between instances (two servers, one deployment). */
  masterKey?: Uint8Array;
  leaseKeys?: LeaseKeyRing;
  clock?: TestClock;
  appOptions?: AppOptions;
  /** A logger to inspect (default: silent). */
  log?: Logger;
}

export async function startHarness(database: Database, options: HarnessOptions = {}): Promise<Harness> {
  const lib = await loadSodium();
  const clock = options.clock ?? new TestClock();
  const context = createContext({
    database,
    lib,
    masterKey: options.masterKey ?? lib.crypto_kdf_keygen(),
    leaseKeys: options.leaseKeys ?? ephemeralLeaseKeyRing(lib),
    payments: new Map([['testpay', hmacPaymentProvider('testpay', TEST_PAYMENT_SECRET)]]),
    passwordLimits: minimalLimits(lib),
    now: clock.now,
    log: options.log ?? pino({ level: 'silent' }),
    operatorToken: TEST_OPERATOR_TOKEN,
  });
  const app = await buildApp(context, options.appOptions);
  return { app, context, clock };
}

let counter = 0;
/** Unique per call, so tests in one database never collide (throttle keys are per e-mail). */
export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}.${counter}.${uuidv7().slice(-12)}@example.nl`;
}

export function newDevice(name = 'Laptop wijkteam') {
  return { id: uuidv7(), name, platform: 'linux' as const, appVersion: '0.1.0' };
}

export interface TestOrganisation {
  organisationId: string;
  ownerId: string;
  ownerEmail: string;
  ownerToken: string;
  deviceId: string;
}

export async function createTestOrganisation(harness: Harness, name = 'Wijkzorg De Linde'): Promise<TestOrganisation> {
  const ownerEmail = uniqueEmail('owner');
  const { organisationId, ownerId } = await createOrganisation(harness.context, {
    name,
    owner: { email: ownerEmail, displayName: 'Anna de Vries', password: PASSWORD },
  });
  const device = newDevice();
  const signedIn = await signInOk(harness, { email: ownerEmail, password: PASSWORD, device });
  return { organisationId, ownerId, ownerEmail, ownerToken: signedIn.session.token, deviceId: device.id };
}

export async function signInOk(harness: Harness, body: Record<string, unknown>, ip = '127.0.0.1'): Promise<SignInResponse> {
  const response = await harness.app.inject({ method: 'POST', url: '/v1/auth/sign-in', payload: body, remoteAddress: ip });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  return response.json() as SignInResponse;
}

export function call(harness: Harness, token: string | null, options: InjectOptions & { ip?: string }): Promise<LightMyRequestResponse> {
  const { ip, ...rest } = options;
  return harness.app.inject({
    ...rest,
    remoteAddress: ip ?? '127.0.0.1',
    headers: { ...(rest.headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
  }) as Promise<LightMyRequestResponse>;
}

/** Invites a user and accepts the invite; returns the user's id, e-mail and a signed-in token. */
export async function addUser(harness: Harness, org: TestOrganisation, role: 'admin' | 'practitioner' = 'practitioner') {
  const email = uniqueEmail(role);
  const invite = await call(harness, org.ownerToken, { method: 'POST', url: '/v1/admin/users', payload: { email, displayName: `Test ${role}`, role } });
  if (invite.statusCode !== 200) throw new Error(`invite failed: ${invite.statusCode} ${invite.body}`);
  const { user, inviteToken } = invite.json() as { user: { id: string }; inviteToken: string };
  const accepted = await call(harness, null, { method: 'POST', url: '/v1/auth/accept-invite', payload: { token: inviteToken, password: PASSWORD } });
  if (accepted.statusCode !== 200) throw new Error(`accept failed: ${accepted.statusCode} ${accepted.body}`);
  const device = newDevice();
  const signedIn = await signInOk(harness, { email, password: PASSWORD, device });
  return { userId: user.id, email, token: signedIn.session.token, deviceId: device.id };
}

/** Turns on 2FA for a signed-in user; returns the secret and recovery codes. */
export async function enableTwoFactor(harness: Harness, token: string) {
  const enrol = await call(harness, token, { method: 'POST', url: '/v1/me/two-factor/enrol' });
  if (enrol.statusCode !== 200) throw new Error(`enrol failed: ${enrol.statusCode} ${enrol.body}`);
  const { secret } = enrol.json() as { secret: string };
  const confirm = await call(harness, token, { method: 'POST', url: '/v1/me/two-factor/confirm', payload: { code: totpCodeAt(secret, harness.clock.now()) } });
  if (confirm.statusCode !== 200) throw new Error(`confirm failed: ${confirm.statusCode} ${confirm.body}`);
  // The next code must come from a later time step (a used step is not accepted again).
  harness.clock.advance(30_000);
  return { secret, recoveryCodes: (confirm.json() as { recoveryCodes: string[] }).recoveryCodes };
}
