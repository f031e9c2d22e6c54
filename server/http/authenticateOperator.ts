import type { FastifyRequest } from 'fastify';
import type { ServiceContext } from '../context.js';
import { forbidden, notSignedIn } from './httpError.js';

/**
 * The operator API (service staff: approving downgrade requests, announcing price changes) takes
 * `Authorization: Bearer <THUISDOSSIER_OPERATOR_TOKEN>`. A customer's session token is no operator
 * token, so every customer is refused here whatever their role. Fastify logs no headers, and the
 * token is compared by keyed hash only (ServiceContext.isOperatorToken).
 */
export function authenticateOperator(context: ServiceContext, request: FastifyRequest): void {
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer ')) throw notSignedIn();
  if (!context.isOperatorToken(header.slice('Bearer '.length).trim())) throw forbidden('This is the operator API of the service; it takes the operator token.');
}
