import { pino, type Logger } from 'pino';
import { defaultThrottlePolicy, type ThrottlePolicy } from './auth/throttle.js';
import type { ServiceContext } from './context.js';
import { interactiveLimits, sodiumPasswordHasher, type PasswordHasher, type PasswordLimits } from './crypto/passwords.js';
import { workerPasswordHasher } from './crypto/workerPasswords.js';
import { serverSecrets } from './crypto/secrets.js';
import { sameDigest } from './crypto/tokens.js';
import type { Sodium } from './crypto/sodium.js';
import type { Database } from './db/database.js';
import type { LeaseKeyRing } from './keys/leaseKeys.js';
import type { PaymentProviders } from './payments/provider.js';
import type { SubscriptionRules } from './subscription/port.js';
import { sharedSubscriptionRules } from './subscription/rules.js';

export interface ContextOptions {
  database: Database;
  lib: Sodium;
  masterKey: Uint8Array;
  leaseKeys: LeaseKeyRing;
  payments?: PaymentProviders;
  /**
   * Argon2id limits. Given (tests: MIN), hashing runs inline; by default it runs in a worker pool
   * with INTERACTIVE limits, off the event loop.
   */
  passwordLimits?: PasswordLimits;
  passwords?: PasswordHasher;
  throttle?: ThrottlePolicy;
  subscriptionRules?: SubscriptionRules;
  now?: () => Date;
  log?: Logger;
  leaseValidDays?: number;
  /** THUISDOSSIER_OPERATOR_TOKEN; undefined = the operator API refuses every call. */
  operatorToken?: string | undefined;
}

export function createContext(options: ContextOptions): ServiceContext {
  const secrets = serverSecrets(options.lib, options.masterKey);
  const operatorDigest = options.operatorToken ? secrets.keyedHash('operator', options.operatorToken) : null;
  return {
    database: options.database,
    lib: options.lib,
    passwords:
      options.passwords ??
      (options.passwordLimits
        ? sodiumPasswordHasher(options.lib, options.passwordLimits)
        : workerPasswordHasher(options.lib, interactiveLimits(options.lib))),
    secrets,
    isOperatorToken: (presented) => operatorDigest !== null && sameDigest(options.lib, operatorDigest, secrets.keyedHash('operator', presented)),
    leaseKeys: options.leaseKeys,
    payments: options.payments ?? new Map(),
    throttle: options.throttle ?? defaultThrottlePolicy,
    subscriptionRules: options.subscriptionRules ?? sharedSubscriptionRules,
    now: options.now ?? (() => new Date()),
    log: options.log ?? pino({ name: 'thuisdossier-server' }),
    leaseValidDays: options.leaseValidDays ?? 14,
  };
}
