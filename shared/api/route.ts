import type { z } from 'zod';

/**
 * Who may call a route. The service enforces it from this table, so no route can forget it:
 * - public: anyone (sign-in, invite acceptance, public keys, health);
 * - enrolment: any signed-in user, also with a session that may only enrol 2FA;
 * - user: any signed-in user with a full session;
 * - admin: owner or admin; owner: the registered owner only (cancellation, art. 16);
 * - provider: a payment provider, authenticated by its webhook signature;
 * - operator: the service's own staff (approving downgrade requests, announcing price changes),
 *   authenticated by the operator token of the deployment, never by a customer's session.
 */
export type RouteAccess = 'public' | 'enrolment' | 'user' | 'admin' | 'owner' | 'provider' | 'operator';
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface RouteSpec<
  B extends z.ZodType = z.ZodType,
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  readonly method: HttpMethod;
  /** Fastify-style path with :params. */
  readonly path: string;
  readonly access: RouteAccess;
  readonly body?: B;
  readonly params?: P;
  readonly query?: Q;
  readonly response: R;
  /**
   * Also answers for an organisation whose agreement has ended (every other route refuses with
   * organisation_ended): the lease route, so devices receive the signed 'ended' lease and wipe.
   */
  readonly afterEnd?: 'answer';
}

export function route<B extends z.ZodType, P extends z.ZodType, Q extends z.ZodType, R extends z.ZodType>(
  spec: RouteSpec<B, P, Q, R>,
): RouteSpec<B, P, Q, R> {
  return spec;
}
