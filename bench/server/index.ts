import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { buildApp } from '../../server/app.js';
import { createOrganisation } from '../../server/accounts/organisations.js';
import { createContext } from '../../server/createContext.js';
import { loadSodium } from '../../server/crypto/sodium.js';
import { openDatabase, type Database } from '../../server/db/database.js';
import { ephemeralLeaseKeyRing } from '../../server/keys/leaseKeys.js';

/**
 * The central service's account path on this machine, with production settings (Argon2id
 * INTERACTIVE: 64 MiB, 2 passes): sign-ins per second, and licence leases issued per second (what
 * every sync will ask for). Measured through Fastify's inject, so HTTP parsing, zod validation,
 * session lookup and the database writes are in; the network is not.
 *
 * Targets: a morning peak of 1,000 nurses signing in within 5 minutes is 3.3 sign-ins/s, so one
 * instance must do ≥ 5/s; leases ride on every sync (every few minutes per device), and 10,000
 * devices syncing every 5 minutes ask 33/s, so ≥ 300/s leaves room for one instance.
 */
/**
 * bench/types.ts's BenchFigure, restated: the lint's boundary rules read the folder name `server`
 * in bench/server as the service itself, which may not import tooling. Structurally the same type.
 */
interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  target: number;
  targetKind: 'max' | 'min';
}

const SIGN_INS = 40;
const LEASES = 1000;
const CONCURRENCY = 8;

export default async function serverBenchmark(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  const pglite = await openDatabase({ kind: 'pglite' });
  figures.push(...(await measure(pglite, 'PGlite')));
  await pglite.close();

  const url = process.env.TEST_DATABASE_URL ?? 'postgres://thuisdossier:thuisdossier@127.0.0.1:5432/thuisdossier_test';
  const name = `thuisdossier_bench_${uuidv7().replaceAll('-', '').slice(-12)}`;
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch {
    console.log(`  (PostgreSQL at ${url} not reachable: PostgreSQL figures skipped)`);
    return figures;
  }
  await admin.query(`CREATE DATABASE ${name}`);
  const benchUrl = new URL(url);
  benchUrl.pathname = `/${name}`;
  const postgres = await openDatabase({ kind: 'postgres', url: benchUrl.toString(), poolSize: 10 });
  try {
    figures.push(...(await measure(postgres, 'PostgreSQL')));
  } finally {
    await postgres.close();
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.end();
  }
  return figures;
}

async function measure(database: Database, label: string): Promise<BenchFigure[]> {
  const lib = await loadSodium();
  const context = createContext({
    database,
    lib,
    masterKey: lib.crypto_kdf_keygen(),
    leaseKeys: ephemeralLeaseKeyRing(lib),
    log: pino({ level: 'silent' }),
    // The benchmark signs in one account many times from one address: lift the brute-force limits.
    throttle: { windowSeconds: 60, maxFailuresPerAccount: 1e9, maxFailuresPerAddress: 1e9, lockSeconds: 1, maxLockSeconds: 1 },
  });
  const app = await buildApp(context);
  const password = 'een lang benchmark-wachtwoord';
  const emails: string[] = [];
  for (let index = 0; index < CONCURRENCY; index += 1) {
    const email = `bench.${index}.${uuidv7().slice(-12)}@example.nl`;
    await createOrganisation(context, { name: `Bench ${index}`, owner: { email, displayName: 'Bench', password } });
    emails.push(email);
  }
  const signIn = (email: string) =>
    app.inject({ method: 'POST', url: '/v1/auth/sign-in', payload: { email, password, device: { id: uuidv7(), name: 'Bench', platform: 'linux' } } });

  const tokens: string[] = [];
  const signInCpu = process.cpuUsage();
  const signInSeconds = await timed(SIGN_INS, async (index) => {
    const response = await signIn(emails[index % emails.length]!);
    if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.body}`);
    if (tokens.length < CONCURRENCY) tokens.push((response.json() as { session: { token: string } }).session.token);
  });

  const signInCpuMs = cpuMs(signInCpu) / SIGN_INS;
  const leaseCpu = process.cpuUsage();
  const leaseSeconds = await timed(LEASES, async (index) => {
    const response = await app.inject({ method: 'POST', url: '/v1/licence/lease', headers: { authorization: `Bearer ${tokens[index % tokens.length]}` } });
    if (response.statusCode !== 200) throw new Error(`lease failed: ${response.body}`);
  });
  const leaseCpuMs = cpuMs(leaseCpu) / LEASES;
  await app.close();
  // CPU per operation (all threads of this process; with PGlite that includes the database) does
  // not depend on what else the machine runs, unlike the per-second figures on a shared machine.
  return [
    { name: `server: sign-ins per second (Argon2id interactive in worker threads, ${label})`, value: SIGN_INS / signInSeconds, unit: 'sign-ins/s', target: 5, targetKind: 'min' },
    { name: `server: licence leases issued per second (${label})`, value: LEASES / leaseSeconds, unit: 'leases/s', target: 300, targetKind: 'min' },
    { name: `server: CPU per sign-in (${label})`, value: signInCpuMs, unit: 'ms', target: 400, targetKind: 'max' },
    { name: `server: CPU per lease (${label})`, value: leaseCpuMs, unit: 'ms', target: 3.3, targetKind: 'max' },
  ];
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

/** Runs `count` tasks, CONCURRENCY at a time, and returns the wall-clock seconds. */
async function timed(count: number, task: (index: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const index = next;
        next += 1;
        await task(index);
      }
    }),
  );
  return (performance.now() - started) / 1000;
}
