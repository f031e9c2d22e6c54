import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { KdfParams } from './kdf-params.js';

/**
 * Argon2id (libsodium's crypto_pwhash) in a short-lived worker thread, waited for synchronously.
 *
 * Why: Argon2id fills `memLimitBytes` of libsodium's WebAssembly memory (128 MiB in production,
 * 64 MiB in tests), and WebAssembly memory never shrinks. Derived in the core process, that memory
 * stays resident for the process's whole life: 69 of the device's 284 MB peak during the initial
 * sync (bench/sync, interactive parameters). A worker's memory goes with the worker.
 *
 * Synchronous like the rest of the store's unlock (Atomics.wait until the worker signals). Returns
 * null when no worker can do it here (no worker threads, libsodium not loadable from a worker, a
 * worker that never answers): the caller then derives in its own process, as before. A wrong
 * password is not an error here: the key is derived either way, and unwrapping decides.
 */
export function pwhashInWorker(keyBytes: number, password: string, salt: Uint8Array, params: KdfParams): Uint8Array | null {
  const sodiumPath = libsodiumPath();
  if (!sodiumPath) return null;
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker | null = null;
  try {
    worker = new Worker(workerSource, {
      eval: true,
      // Not the parent's loaders or profilers (tsx, --cpu-prof): plain Node is all it needs.
      execArgv: [],
      workerData: { port: port2, signal, sodiumPath, keyBytes, password, salt, opsLimit: params.opsLimit, memLimitBytes: params.memLimitBytes },
      transferList: [port2],
    });
    worker.unref();
    // The production parameters take ~0.5 s here; a worker silent this long has failed to start.
    if (Atomics.wait(signal, 0, 0, workerTimeoutMs) === 'timed-out') return null;
    const answer = receiveMessageOnPort(port1)?.message as { key?: Uint8Array } | undefined;
    return answer?.key instanceof Uint8Array && answer.key.length === keyBytes ? answer.key : null;
  } catch {
    return null; // worker threads or Atomics.wait not available in this process
  } finally {
    port1.close();
    void worker?.terminate();
  }
}

const workerTimeoutMs = 60_000;

function libsodiumPath(): string | null {
  try {
    return outsideAsar(createRequire(import.meta.url).resolve('libsodium-wrappers-sumo'));
  } catch {
    return null;
  }
}

/**
 * In the installed app the module resolves to a path inside app.asar. Whether a worker thread may
 * read from the archive depends on the Electron version, so the packager also unpacks libsodium
 * (build/electron-builder.json, asarUnpack) and the worker loads that copy, which plain Node can
 * read. Outside an archive, or without the unpacked copy, the path stays as it is.
 */
export function outsideAsar(modulePath: string, exists: (candidate: string) => boolean = existsSync): string {
  const marker = `.asar${path.sep}`;
  const at = modulePath.indexOf(marker);
  if (at < 0) return modulePath;
  const unpacked = `${modulePath.slice(0, at)}.asar.unpacked${path.sep}${modulePath.slice(at + marker.length)}`;
  return exists(unpacked) ? unpacked : modulePath;
}

/** CommonJS, evaluated in the worker: it answers once, and always (a key or an error). */
const workerSource = `
const { workerData } = require('node:worker_threads');
const { port, signal, sodiumPath, keyBytes, password, salt, opsLimit, memLimitBytes } = workerData;
const answer = (message) => {
  port.postMessage(message);
  if (message.key) message.key.fill(0);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
};
const failed = (error) => answer({ error: String((error && error.message) || error) });
try {
  const sodium = require(sodiumPath);
  sodium.ready.then(() => {
    try {
      answer({ key: sodium.crypto_pwhash(keyBytes, password, salt, opsLimit, memLimitBytes, sodium.crypto_pwhash_ALG_ARGON2ID13) });
    } catch (error) {
      failed(error);
    }
  }, failed);
} catch (error) {
  failed(error);
}
`;
