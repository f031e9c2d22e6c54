import type { Logger } from 'pino';
import type { PasswordHasher } from './crypto/passwords.js';
import type { ServerSecrets } from './crypto/secrets.js';
import type { Sodium } from './crypto/sodium.js';
import type { Database } from './db/database.js';
import type { LeaseKeyRing } from './keys/leaseKeys.js';
import type { PaymentProviders } from './payments/provider.js';
import type { ThrottlePolicy } from './auth/throttle.js';
import type { SubscriptionRules } from './subscription/port.js';

/**
 * Everything a request handler may use, injected once at start. Nothing in here is mutable state
 * about users or sessions: that lives in PostgreSQL, so any instance can serve any request.
 */
export interface ServiceContext {
  readonly database: Database;
  readonly lib: Sodium;
  readonly passwords: PasswordHasher;
  readonly secrets: ServerSecrets;
  readonly leaseKeys: LeaseKeyRing;
  readonly payments: PaymentProviders;
  readonly throttle: ThrottlePolicy;
  readonly subscriptionRules: SubscriptionRules;
  /** The service's clock; tests move it to expire sessions and locks. */
  readonly now: () => Date;
  readonly log: Logger;
  /**
   * Checks a presented operator token (service staff) in constant time against the keyed hash of
   * the configured one; always false when none is configured. The token itself is not kept.
   */
  readonly isOperatorToken: (presented: string) => boolean;
  /** Offline grace of a lease (SPEC.md §3: 14 days by default). */
  readonly leaseValidDays: number;
}
