import type { FastifyError, FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import type { ApiError } from '../../shared/api/errors.js';
import { HttpError } from './httpError.js';

/**
 * Turns every failure into the ApiError body. Bad input of any kind is a 4xx with a sentence that
 * says what was wrong; only our own faults are 500, and those never echo internals to the caller.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError | ZodError, request, reply) => {
    if (error instanceof HttpError) {
      if (error.extra.retryAfterSeconds) void reply.header('retry-after', String(error.extra.retryAfterSeconds));
      return reply.status(error.statusCode).send(error.toBody());
    }
    if (error instanceof ZodError) {
      return reply.status(400).send(invalid('The request is not valid.', error));
    }
    const fastifyError = error as FastifyError;
    switch (fastifyError.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return reply.status(413).send({ error: 'body_too_large', message: 'The request body is larger than this endpoint accepts.' } satisfies ApiError);
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return reply.status(415).send({ error: 'unsupported_media_type', message: 'Send the body as application/json.' } satisfies ApiError);
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return reply.status(400).send({ error: 'invalid_request', message: 'The body is empty; send a JSON object ({} when there is nothing to say).' } satisfies ApiError);
      default:
        break;
    }
    const status = fastifyError.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // JSON syntax errors, bad content length, and the like: Fastify's message is safe to show.
      return reply.status(status).send({ error: 'invalid_request', message: fastifyError.message } satisfies ApiError);
    }
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send({ error: 'internal', message: 'Something went wrong on our side; it has been logged.' } satisfies ApiError);
  });

  app.setNotFoundHandler((request, reply) => {
    return reply.status(404).send({ error: 'not_found', message: `There is no ${request.method} ${request.url.split('?')[0]}.` } satisfies ApiError);
  });
}

function invalid(message: string, error: ZodError): ApiError {
  return {
    error: 'invalid_request',
    message,
    issues: error.issues.slice(0, 20).map((issue) => ({ path: issue.path.join('.') || '(body)', message: issue.message })),
  };
}
