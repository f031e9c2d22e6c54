import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TOTP } from 'otpauth';
import { v7 as uuidv7 } from 'uuid';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The demo sign-in `npm run server -- demo` creates (server/demo); tests sign in with it. */
export const demoPassword = 'demo-wachtwoord-2026';
export const demoNurse = 'wijkverpleegkundige@demo.thuisdossier.nl';
export const demoCarer = 'verzorgende@demo.thuisdossier.nl';
export const demoOwner = 'eigenaar@demo.thuisdossier.nl';
/** The operator token the test service accepts (its operator API: notices, price changes, downgrades). */
export const testOperatorToken = 'test-operator-token-of-at-least-32-characters';

export interface CentralServiceProcess {
  url: string;
  /** `keyId:publicKey,…` as THUISDOSSIER_LEASE_PUBLIC_KEYS takes it. */
  leaseKeys: string;
  child: ChildProcess;
  /** Its data folder (PGlite in `pglite/`): survives a restart. */
  dataDir: string;
  /**
   * Stops the process with `signal` (SIGKILL: a crash, open transactions die with it) and starts it
   * again on the same port and data folder, so devices reach it at the same URL.
   */
  restart(signal?: NodeJS.Signals): Promise<void>;
  /** Stops the process and keeps the data folder (to read it afterwards); stop() removes it. */
  halt(): Promise<void>;
  stop(): Promise<void>;
}

export interface CentralServiceOptions {
  /** A PostgreSQL database for the service (bench/sync on real PostgreSQL); default: its own PGlite. */
  databaseUrl?: string;
}

/**
 * The REAL central service (server/cli.ts with its demo organisation, PGlite in a temp folder) in
 * its own process: electron/ may not import server/, and a separate process is also what a device
 * talks to in production. Starts in about 5–10 s on a quiet machine; allowed 180 s on a loaded one.
 */
export async function startCentralService(options: CentralServiceOptions = {}): Promise<CentralServiceProcess> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'td-central-'));
  const spawnService = (at: string, port: number) => spawnServiceProcess(at, port, options.databaseUrl);
  let running = await spawnService(dataDir, 0);
  const port = new URL(running.url).port;
  const keys = (await (await fetch(new URL('/v1/licence/keys', running.url))).json()) as { keys: Array<{ keyId: string; publicKey: string }> };
  const halt = (signal: NodeJS.Signals = 'SIGTERM') =>
    new Promise<void>((resolve) => {
      const child = running.child;
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  const service: CentralServiceProcess = {
    url: running.url,
    leaseKeys: keys.keys.map((key) => `${key.keyId}:${key.publicKey}`).join(','),
    get child() {
      return running.child;
    },
    dataDir,
    restart: async (signal = 'SIGKILL') => {
      await halt(signal);
      running = await spawnService(dataDir, Number(port));
    },
    halt: () => halt(),
    stop: async () => {
      await halt();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return service;
}

async function spawnServiceProcess(dataDir: string, port: number, databaseUrl: string | undefined): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...cpuProfileArgs(), '--import', 'tsx', 'server/cli.ts', 'demo'], {
    cwd: repoRoot,
    env: { ...withoutDatabaseUrl(process.env), ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', THUISDOSSIER_DATA_DIR: dataDir, THUISDOSSIER_OPERATOR_TOKEN: testOperatorToken },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`central service did not start in 180 s:\n${output}`)), 180_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`central service exited with ${code}:\n${output}`));
    });
  });
  return { child, url };
}

/** RFC 6238 code as an authenticator app shows it, for a secret the service gave at enrolment. */
export function totpCode(secretBase32: string, at: Date = new Date()): string {
  return new TOTP({ secret: secretBase32, digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: at.getTime() });
}

/** Signs in through the HTTP API directly (no device store), e.g. to enrol 2FA or to call admin routes. */
export async function apiSignIn(url: string, email: string, password = demoPassword, totp?: string): Promise<string> {
  const response = await fetch(new URL('/v1/auth/sign-in', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email,
      password,
      ...(totp ? { totp } : {}),
      device: { id: uuidv7(), name: 'test', platform: 'linux' },
    }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { session: { token: string } }).session.token;
}

export async function apiCall(url: string, token: string, method: string, route: string, body?: unknown): Promise<unknown> {
  const response = await fetch(new URL(route, url), {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (!response.ok) throw new Error(`${method} ${route} failed: ${response.status} ${await response.text()}`);
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/** The embedded PGlite unless asked otherwise, never a PostgreSQL the environment may point at. */
function withoutDatabaseUrl(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  delete copy.DATABASE_URL;
  return copy;
}

/** `SYNC_CPU_PROF_DIR=…`: the device and hub processes write V8 CPU profiles there (bench/sync, profiling). */
export function cpuProfileArgs(): string[] {
  const dir = process.env.SYNC_CPU_PROF_DIR;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}
