import { pino, type Logger } from 'pino';
import { defaultThrottlePolicy, type ThrottlePolicy } from './auth/throttle.js';
import type { ServiceContext } from './context.js';
import { interactiveLimits, sodiumPasswordHasher, type PasswordLimits } from './crypto/passwords.js';
import { serverSecrets } from './crypto/secrets.js';
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
  passwordLimits?: PasswordLimits;
  throttle?: ThrottlePolicy;
  subscriptionRules?: SubscriptionRules;
  now?: () => Date;
  log?: Logger;
  leaseValidDays?: number;
}

export function createContext(options: ContextOptions): ServiceContext {
  return {
    database: options.database,
    lib: options.lib,
    passwords: sodiumPasswordHasher(options.lib, options.passwordLimits ?? interactiveLimits(options.lib)),
    secrets: serverSecrets(options.lib, options.masterKey),
    leaseKeys: options.leaseKeys,
    payments: options.payments ?? new Map(),
    throttle: options.throttle ?? defaultThrottlePolicy,
    subscriptionRules: options.subscriptionRules ?? sharedSubscriptionRules,
    now: options.now ?? (() => new Date()),
    log: options.log ?? pino({ name: 'thuisdossier-server' }),
    leaseValidDays: options.leaseValidDays ?? 14,
  };
}
