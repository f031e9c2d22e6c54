import path from 'node:path';
import { readConfig } from './config.js';
import { loadSodium } from './crypto/sodium.js';
import { redactUrl } from './db/database.js';
import { createDemoOrganisation, DEMO_ORGANISATION, DEMO_PASSWORD, DEMO_USERS } from './demo/createDemoOrganisation.js';
import { rotateLeaseKey } from './keys/leaseKeys.js';
import { prepareService } from './startServer.js';

/**
 * npm run server                     start the central service (embedded PGlite unless DATABASE_URL)
 * npm run server -- demo             create the demo organisation (once), print its sign-in, then start
 * npm run server -- demo --no-start  only create the demo organisation
 * npm run server -- rotate-lease-key make a new lease signing key in the data folder (restart to use)
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
    default:
      console.error(`Unknown command "${command}". Use: start | demo [--no-start] | rotate-lease-key`);
      process.exitCode = 2;
  }

  async function start(): Promise<void> {
    const service = await prepareService(config, process.env);
    const address = await service.app.listen({ port: config.port, host: config.host });
    console.log(`Thuisdossier central service listening on ${address} (${config.databaseUrl ? redactUrl(config.databaseUrl) : service.database.description})`);
    console.log(`Lease signing key: ${service.context.leaseKeys.signing.keyId}; public keys at ${address}/v1/licence/keys`);
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
