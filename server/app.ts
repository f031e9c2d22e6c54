import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { ServiceContext } from './context.js';
import { installErrorHandling } from './http/errorHandler.js';
import { adminOrganisationRoutes } from './routes/adminOrganisationRoutes.js';
import { adminUserRoutes } from './routes/adminUserRoutes.js';
import { downgradeRequestRoutes } from './routes/downgradeRequestRoutes.js';
import { noticeRoutes } from './routes/noticeRoutes.js';
import { priceChangeRoutes } from './routes/priceChangeRoutes.js';
import { meRoutes } from './routes/meRoutes.js';
import { publicRoutes } from './routes/publicRoutes.js';
import { retentionRoutes } from './retention/retentionRoutes.js';
import { syncRoutes } from './sync/routes.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body exactly as received, for checking a payment provider's signature. */
    rawBody?: string;
  }
}

export interface AppOptions {
  /** Largest accepted request body; the account API needs little. */
  bodyLimitBytes?: number;
  /** Trust X-Forwarded-For from these proxies (a load balancer), so the IP allow-list sees clients. */
  trustProxy?: boolean | string | string[];
}

export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

/** The central service's HTTP application, without listening: tests use app.inject. */
export async function buildApp(context: ServiceContext, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: context.log as FastifyBaseLogger,
    bodyLimit: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
    trustProxy: options.trustProxy ?? false,
    // Fastify logs method, url and status only; never bodies or headers (passwords, codes, tokens).
    requestIdHeader: false,
  });

  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    request.rawBody = text;
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      const error = new Error('The body is not valid JSON.') as Error & { statusCode: number };
      error.statusCode = 400;
      done(error, undefined);
    }
  });

  // Answers carry tokens, codes and personal data: never cached by a proxy or the browser layer.
  app.addHook('onSend', async (_request, reply, payload) => {
    void reply.header('cache-control', 'no-store');
    void reply.header('x-content-type-options', 'nosniff');
    return payload;
  });

  installErrorHandling(app);
  publicRoutes(app, context);
  meRoutes(app, context);
  adminUserRoutes(app, context);
  adminOrganisationRoutes(app, context);
  downgradeRequestRoutes(app, context);
  priceChangeRoutes(app, context);
  noticeRoutes(app, context);
  syncRoutes(app, context);
  retentionRoutes(app, context);
  return app;
}
