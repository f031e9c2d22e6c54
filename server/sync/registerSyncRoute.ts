import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { RouteSpec } from '../../shared/api/route.js';
import type { ServiceContext } from '../context.js';
import { authenticate, type Caller } from '../http/authenticate.js';
import { HttpError } from '../http/httpError.js';

export interface SyncRouteInput {
  body: unknown;
  params: unknown;
  query: unknown;
  caller: Caller;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** An answer the handler wrote as JSON text and checked itself (a pull page, pullAnswer.ts). */
export class CheckedJson {
  constructor(readonly text: string) {}
}

export interface SyncRouteOptions {
  /** Sync bodies are larger than the account API's default limit (limits.ts pushBodyBytes). */
  bodyLimit?: number;
  /** The handler sends bytes itself (document chunks); otherwise its result is checked against the response schema. */
  raw?: boolean;
}

/**
 * registerRoute (server/http) for the sync routes, which need a larger body limit and byte bodies:
 * the same access check from the shared table, the same zod validation of params, query and JSON
 * bodies, the same response check (or the handler's own, CheckedJson).
 */
export function registerSyncRoute(
  app: FastifyInstance,
  context: ServiceContext,
  spec: RouteSpec,
  options: SyncRouteOptions,
  handler: (input: SyncRouteInput) => Promise<unknown>,
): void {
  app.route({
    method: spec.method,
    url: spec.path,
    ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
    handler: async (request, reply) => {
      if (spec.access === 'public' || spec.access === 'provider' || spec.access === 'operator') throw new Error('sync routes belong to signed-in users');
      const caller = await authenticate(context, request, spec.access);
      const bytesBody = request.body instanceof Uint8Array;
      const input: SyncRouteInput = {
        body: bytesBody ? request.body : parse(spec.body, request.body, 'body'),
        params: parse(spec.params, request.params, 'params'),
        query: parse(spec.query, request.query, 'query'),
        caller,
        request,
        reply,
      };
      const result = await handler(input);
      if (options.raw) return reply;
      if (result instanceof CheckedJson) return reply.status(200).type('application/json; charset=utf-8').send(result.text);
      return reply.status(200).send(spec.response.parse(result));
    },
  });
}

function parse(schema: z.ZodType | undefined, value: unknown, where: 'body' | 'params' | 'query'): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(where === 'body' ? (value ?? undefined) : value);
  if (result.success) return result.data;
  throw new HttpError(400, 'invalid_request', `The request ${where} is not valid.`, {
    issues: result.error.issues.slice(0, 20).map((issue) => ({ path: issue.path.join('.') || `(${where})`, message: issue.message })),
  });
}
