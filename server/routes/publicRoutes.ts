import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { apiRoutes } from '../../shared/api/routes.js';
import { acceptInvite } from '../accounts/users.js';
import { signIn } from '../auth/signIn.js';
import type { ServiceContext } from '../context.js';
import { registerRoute } from '../http/registerRoute.js';
import { recordPaymentEvent } from '../payments/recordPaymentEvent.js';

export function publicRoutes(app: FastifyInstance, context: ServiceContext): void {
  registerRoute(app, context, apiRoutes.health, async () => {
    await context.database.db.execute(sql`SELECT 1`);
    return { ok: true, database: context.database.kind };
  });

  registerRoute(app, context, apiRoutes.leaseKeys, async () => ({ keys: context.leaseKeys.published }));

  registerRoute(app, context, apiRoutes.signIn, async ({ body, request }) => signIn(context, body, request.ip));

  registerRoute(app, context, apiRoutes.acceptInvite, async ({ body }) => acceptInvite(context, body));

  registerRoute(app, context, apiRoutes.paymentEvent, async ({ params, body, request }) =>
    recordPaymentEvent(context, params.provider, body, request.headers, request.rawBody ?? ''),
  );
}
