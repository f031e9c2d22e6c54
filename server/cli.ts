import path from 'node:path';
import { readConfig } from './config.js';
import { loadSodium } from './crypto/sodium.js';
import { redactUrl } from './db/database.js';
import { createDemoOrganisation, DEMO_ORGANISATION, DEMO_PASSWORD, DEMO_USERS } from './demo/createDemoOrganisation.js';
import { rotateLeaseKey } from './keys/leaseKeys.js';
import { publishNotice } from './notices/publishNotice.js';
import { purgeEndedOrganisations } from './accounts/purgeEnded.js';
import { advanceSubscriptions } from './subscription/advance.js';
import { runRetention } from './retention/retentionService.js';
import { pruneMutationLog } from './sync/mutationLogRetention.js';
import { prepareService } from './startServer.js';

/**
 * npm run server                     start the central service (embedded PGlite unless DATABASE_URL)
 * npm run server -- demo             create the demo organisation (once), print its sign-in, then start
 * npm run server -- demo --no-start  only create the demo organisation
 * npm run server -- rotate-lease-key make a new lease signing key in the data folder (restart to use)
 * npm run server -- migrate          apply the migrations and exit (e.g. before a rolling restart)
 * npm run server -- advance          let time pass for subscriptions (renewals, end dates); also hourly in `start`
 * npm run server -- retention        offer dossiers closed twenty years ago for destruction (WGBO); also hourly in `start`
 * npm run server -- prune-mutation-log  drop idempotency answers no retry can need (docs/sync.md); also hourly in `start`
 * npm run server -- purge-ended [days]  delete organisations whose agreement ended > days (default 14) ago
 * npm run server -- notice terms "<title>" "<text>" <effective YYYY-MM-DD>
 * npm run server -- notice maintenance "<title>" "<text>" <start ISO> <end ISO>
 */
const [command = 'start', ...flags] = process.argv.slice(2);

async function main(): Promise<void> {
  const config = readConfig(process.env);
  switch (command) {
    case 'start':
      return start();
    case 'demo': {
      const service = await prepareService(config, process.env);
      const result = await createDemoOrganisation(service.context);
      console.log(result.created ? `Demo organisation created: ${DEMO_ORGANISATION}` : `Demo organisation exists: ${DEMO_ORGANISATION}`);
      for (const user of DEMO_USERS) console.log(`  ${user.role.padEnd(12)} ${user.email}`);
      console.log(`  password     ${DEMO_PASSWORD}`);
      await service.close();
      if (flags.includes('--no-start')) return;
      return start();
    }
    case 'rotate-lease-key': {
      if (process.env.THUISDOSSIER_LEASE_SIGNING_KEY) throw new Error('Lease keys come from the environment here; rotate them there.');
      const lib = await loadSodium();
      const dir = path.join(config.dataDir, 'keys', 'lease');
      const keyId = rotateLeaseKey(lib, dir, () => new Date());
      console.log(`New lease signing key ${keyId} in ${dir}. Older keys stay published. Restart every instance to sign with it.`);
      return;
    }
    case 'migrate': {
      const service = await prepareService(config, process.env);
      console.log(`Migrations applied: ${service.database.description}`);
      return service.close();
    }
    case 'advance': {
      const service = await prepareService(config, process.env);
      const result = await advanceSubscriptions(service.context);
      console.log(`Subscriptions checked: ${result.checked}; steps taken: ${result.steps}.`);
      return service.close();
    }
    case 'retention': {
      const service = await prepareService(config, process.env);
      const result = await runRetention(service.context);
      console.log(`Dossiers offered for destruction: ${result.offered}; deletion requests past their deadline: ${result.overdueRequests}.`);
      return service.close();
    }
    case 'purge-ended': {
      const graceDays = Number(flags[0] ?? 14);
      if (!Number.isInteger(graceDays) || graceDays < 0) throw new Error('Use: purge-ended [days]');
      const service = await prepareService(config, process.env);
      const purged = await purgeEndedOrganisations(service.context, graceDays);
      console.log(`Organisations purged: ${purged.length}.`);
      return service.close();
    }
    case 'prune-mutation-log': {
      const service = await prepareService(config, process.env);
      const result = await pruneMutationLog(service.database.db, service.context.now());
      console.log(`Mutation log: ${result.deleted} answers removed in ${result.organisations} organisations (${result.skipped} skipped: pruned by another instance).`);
      return service.close();
    }
    case 'notice': {
      const [kind, title, body, first, second] = flags;
      if (!title || !body || !first || (kind !== 'terms' && kind !== 'maintenance') || (kind === 'maintenance' && !second)) {
        throw new Error('Use: notice terms "<title>" "<text>" <YYYY-MM-DD> | notice maintenance "<title>" "<text>" <start ISO> <end ISO>');
      }
      const service = await prepareService(config, process.env);
      const outcome = await publishNotice(
        service.context,
        kind === 'terms'
          ? { kind: 'terms-change', title, body, effectiveOn: first }
          : { kind: 'maintenance', title, body, startsAt: new Date(first), endsAt: new Date(second ?? '') },
      );
      await service.close();
      if (!outcome.ok) throw new Error(`Not published: ${outcome.reason}.`);
      console.log(`Published notice ${outcome.id}.`);
      return;
    }
    default:
      console.error(`Unknown command "${command}". Use: start | demo [--no-start] | migrate | advance | retention | prune-mutation-log | purge-ended [days] | rotate-lease-key | notice`);
      process.exitCode = 2;
  }

  async function start(): Promise<void> {
    const service = await prepareService(config, process.env);
    const address = await service.app.listen({ port: config.port, host: config.host });
    console.log(`Thuisdossier central service listening on ${address} (${config.databaseUrl ? redactUrl(config.databaseUrl) : service.database.description})`);
    console.log(`Lease signing key: ${service.context.leaseKeys.signing.keyId}; public keys at ${address}/v1/licence/keys`);
    // The subscription clock. Safe on every instance at once (row locks; nothing due → no change).
    // The retention job likewise: under each organisation's lock, and a dossier already offered is not offered again.
    const tick = async () => {
      await advanceSubscriptions(service.context).catch((error: unknown) => service.context.log.error({ err: error }, 'advancing subscriptions failed'));
      await runRetention(service.context).catch((error: unknown) => service.context.log.error({ err: error }, 'the retention job failed'));
    };
    void tick();
    setInterval(() => void tick(), 60 * 60 * 1000).unref();
    // The mutation log's retention. Safe on every instance at once (a try-lock per organisation).
    const prune = () =>
      pruneMutationLog(service.database.db, service.context.now()).catch((error: unknown) => service.context.log.error({ err: error }, 'pruning the mutation log failed'));
    setInterval(() => void prune(), 60 * 60 * 1000).unref();
    const stop = async (signal: string) => {
      service.context.log.info({ signal }, 'stopping');
      await service.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
