import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { RouteSpec } from '../../shared/api/route.js';
import type { ServiceContext } from '../context.js';
import { authenticate, type Caller } from './authenticate.js';
import { authenticateOperator } from './authenticateOperator.js';
import { HttpError } from './httpError.js';

type Infer<T> = [NonNullable<T>] extends [z.ZodType] ? z.output<NonNullable<T>> : undefined;

export interface RouteInput<S extends RouteSpec> {
  body: Infer<S['body']>;
  params: Infer<S['params']>;
  query: Infer<S['query']>;
  request: FastifyRequest;
}

type Handler<S extends RouteSpec> = S['access'] extends 'public' | 'provider' | 'operator'
  ? (input: RouteInput<S>) => Promise<z.input<S['response']>>
  : (input: RouteInput<S> & { caller: Caller }) => Promise<z.input<S['response']>>;

/**
 * Registers one route of the shared API table: checks access (from the table, so no route can
 * skip it), validates params, query and body with the shared zod schemas, and checks the answer
 * against the response schema too, so the service never sends what the app cannot read.
 */
export function registerRoute<S extends RouteSpec>(app: FastifyInstance, context: ServiceContext, spec: S, handler: Handler<S>): void {
  app.route({
    method: spec.method,
    url: spec.path,
    handler: async (request, reply) => {
      if (spec.access === 'operator') authenticateOperator(context, request);
      const caller =
        spec.access === 'public' || spec.access === 'provider' || spec.access === 'operator'
          ? undefined
          : await authenticate(context, request, spec.access, spec.afterEnd === 'answer');
      const input = {
        body: parse(spec.body, request.body, 'body'),
        params: parse(spec.params, request.params, 'params'),
        query: parse(spec.query, request.query, 'query'),
        request,
        caller,
      } as RouteInput<S> & { caller: Caller };
      const result = await (handler as (input: RouteInput<S> & { caller: Caller }) => Promise<unknown>)(input);
      return reply.status(200).send(spec.response.parse(result));
    },
  });
}

function parse(schema: z.ZodType | undefined, value: unknown, where: 'body' | 'params' | 'query'): unknown {
  if (!schema) {
    if (where === 'body' && value !== undefined && value !== null && !isEmptyObject(value)) {
      throw new HttpError(400, 'invalid_request', 'This endpoint takes no body.');
    }
    return undefined;
  }
  const result = schema.safeParse(where === 'body' ? (value ?? undefined) : value);
  if (result.success) return result.data;
  throw new HttpError(400, 'invalid_request', `The request ${where} is not valid.`, {
    issues: result.error.issues.slice(0, 20).map((issue) => ({ path: issue.path.join('.') || `(${where})`, message: issue.message })),
  });
}

function isEmptyObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
}
