import type { FastifyRequest } from 'fastify';
import type { RouteAccess } from '../../shared/api/route.js';
import { ipAllowed } from '../auth/ipAllowList.js';
import { revokedDeviceRefusal } from '../auth/wipeOrder.js';
import { loadSession, touchSession } from '../auth/sessions.js';
import type { ServiceContext } from '../context.js';
import { forbidden, HttpError, notSignedIn } from './httpError.js';

type Resolved = NonNullable<Awaited<ReturnType<typeof loadSession>>>;

/** Who is calling: every tenant query below takes its organisation id from here, never from input. */
export interface Caller {
  organisationId: string;
  userId: string;
  role: Resolved['user']['role'];
  sessionId: string;
  deviceId: string | null;
  scope: Resolved['session']['scope'];
  user: Resolved['user'];
  organisation: Resolved['organisation'];
  ip: string;
}

/** Checks the bearer token and the route's access level; throws the right 401/403 otherwise. */
export async function authenticate(
  context: ServiceContext,
  request: FastifyRequest,
  access: Exclude<RouteAccess, 'public' | 'provider' | 'operator'>,
  answersAfterEnd = false,
): Promise<Caller> {
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer ')) throw notSignedIn();
  const resolved = await loadSession(context, header.slice('Bearer '.length).trim());
  if (!resolved) throw notSignedIn();
  const { session, user, organisation } = resolved;
  const now = context.now();
  if (session.revokedAt) {
    // A revoked device must learn it has to wipe; any other ended session just signs in again.
    throw (await revokedDeviceRefusal(context, session)) ?? new HttpError(401, 'session_expired', 'This session was ended. Sign in again.');
  }
  if (session.expiresAt <= now) throw new HttpError(401, 'session_expired', 'This session has expired. Sign in again.');
  if (user.status !== 'active') throw new HttpError(401, 'session_expired', 'This account is no longer active.');
  if (organisation.endedAt && !answersAfterEnd) throw new HttpError(403, 'organisation_ended', 'The agreement of this organisation has ended.');
  if (!ipAllowed(organisation.ipAllowList, request.ip)) {
    throw new HttpError(403, 'ip_not_allowed', 'Your organisation does not allow access from this network.');
  }
  if (session.scope !== 'full' && access !== 'enrolment') {
    throw new HttpError(403, 'two_factor_enrolment_required', 'Set up two-step verification first.');
  }
  if (access === 'admin' && user.role !== 'owner' && user.role !== 'admin') throw forbidden('Only admins of the organisation may do this.');
  if (access === 'owner' && user.role !== 'owner') throw forbidden('Only the registered owner of the organisation may do this.');
  await touchSession(context, session.organisationId, session.id, session.lastUsedAt);
  return {
    organisationId: session.organisationId,
    userId: user.id,
    role: user.role,
    sessionId: session.id,
    deviceId: session.deviceId,
    scope: session.scope,
    user,
    organisation,
    ip: request.ip,
  };
}
