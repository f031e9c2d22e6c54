import type { FastifyInstance } from 'fastify';
import { apiRoutes } from '../../shared/api/routes.js';
import type { ServiceContext } from '../context.js';
import { conflict } from '../http/httpError.js';
import { registerRoute } from '../http/registerRoute.js';
import { publishNotice } from '../notices/publishNotice.js';

/** Art. 15 and art. 4: the operator publishes terms-change and maintenance notices (the CLI's `notice`, over HTTP). */
export function noticeRoutes(app: FastifyInstance, context: ServiceContext): void {
  registerRoute(app, context, apiRoutes.publishNotice, async ({ body }) => {
    const outcome = await publishNotice(
      context,
      body.kind === 'terms-change'
        ? { kind: 'terms-change', title: body.title, body: body.body, effectiveOn: body.effectiveOn }
        : { kind: 'maintenance', title: body.title, body: body.body, startsAt: new Date(body.startsAt), endsAt: new Date(body.endsAt) },
    );
    if (!outcome.ok) throw conflict(`The notice was not published: ${outcome.reason}.`);
    return { id: outcome.id };
  });
}
