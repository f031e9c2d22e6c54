import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { buildApp } from './app.js';
import type { ServerConfig } from './config.js';
import type { ServiceContext } from './context.js';
import { createContext } from './createContext.js';
import { loadSodium } from './crypto/sodium.js';
import { openDatabase, type Database } from './db/database.js';
import { leaseKeyRingFromEnv, leaseKeyRingFromFolder } from './keys/leaseKeys.js';
import { loadMasterKey } from './keys/masterKey.js';
import { hmacPaymentProvider } from './payments/provider.js';

export interface RunningService {
  app: FastifyInstance;
  context: ServiceContext;
  database: Database;
  close(): Promise<void>;
}

/** Opens the database (migrating it), loads the keys and builds the app; does not listen yet. */
export async function prepareService(config: ServerConfig, env: NodeJS.ProcessEnv): Promise<RunningService> {
  const lib = await loadSodium();
  const log = pino({
    name: 'thuisdossier-server',
    level: config.logLevel,
    // Belt and braces: should a handler ever log a request, these never reach the log.
    redact: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.totp', '*.token', '*.recoveryCode'],
  });
  const database = await openDatabase(
    config.databaseUrl
      ? { kind: 'postgres', url: config.databaseUrl, poolSize: config.poolSize }
      : { kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') },
  );
  const keysDir = path.join(config.dataDir, 'keys');
  const context = createContext({
    database,
    lib,
    masterKey: loadMasterKey(lib, env, keysDir),
    leaseKeys: leaseKeyRingFromEnv(lib, env) ?? leaseKeyRingFromFolder(lib, path.join(keysDir, 'lease'), () => new Date()),
    payments: new Map(config.paymentProviders.map(({ name, secret }) => [name, hmacPaymentProvider(name, secret)])),
    log,
    leaseValidDays: config.leaseValidDays,
    operatorToken: config.operatorToken,
  });
  const app = await buildApp(context, { trustProxy: config.trustProxy });
  return {
    app,
    context,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
