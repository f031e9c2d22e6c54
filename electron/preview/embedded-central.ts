import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export interface EmbeddedCentral {
  url: string;
  /** `keyId:publicKey,…`: the keys of THIS service, which the preview's core is told to trust. */
  leaseKeys: string;
  /** The demo sign-in lines the service printed (e-mail addresses and password). */
  demoSignIn: string[];
  stop(): Promise<void>;
}

/**
 * The central service for the preview when none is configured: `server/cli.ts demo` in its own
 * process (electron/ never imports server/), PGlite under `<preview data>/central`. Its lease key
 * is read from the service we started ourselves on 127.0.0.1 — trusted through configuration
 * (THUISDOSSIER_LEASE_PUBLIC_KEYS), the way a production build ships its keys.
 */
export async function startEmbeddedCentral(options: { repoRoot: string; dataDir: string; port: number }): Promise<EmbeddedCentral> {
  const dataDir = path.join(options.dataDir, 'central');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(options.port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', THUISDOSSIER_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'demo'], { cwd: options.repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    // PGlite's first start and the demo data take a while on a busy machine (seen: > 90 s with 20 other processes).
    const timer = setTimeout(() => reject(new Error(`The embedded central service did not start in 180 s:\n${output}`)), 180_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The embedded central service exited (${code}):\n${output}`));
    });
  });
  const keys = (await (await fetch(new URL('/v1/licence/keys', url))).json()) as { keys: Array<{ keyId: string; publicKey: string }> };
  const demoSignIn = output.split('\n').filter((line) => /@demo\.thuisdossier\.nl|password/.test(line)).map((line) => line.trim());
  return {
    url,
    leaseKeys: keys.keys.map((key) => `${key.keyId}:${key.publicKey}`).join(','),
    demoSignIn,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
