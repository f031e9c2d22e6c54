import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PasswordHasher, PasswordLimits } from './passwords.js';
import type { Sodium } from './sodium.js';

interface Pending {
  resolve: (value: string | boolean) => void;
  reject: (error: Error) => void;
}

/**
 * Argon2id in a pool of worker threads. One hash takes ~0.2 s of CPU with INTERACTIVE limits; on
 * the event loop that would stall every other request (sync included) for as long. The pool
 * keeps the loop free and uses every core.
 */
export function workerPasswordHasher(lib: Sodium, limits: PasswordLimits, size = Math.max(1, Math.min(4, availableParallelism()))): PasswordHasher & { close(): Promise<void> } {
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(new URL('./passwordWorker.mjs', import.meta.url));
    return { worker, pending: new Map<number, Pending>() };
  });
  for (const entry of workers) {
    entry.worker.on('message', (message: { id: number; ok: boolean; result?: string | boolean; error?: string }) => {
      const pending = entry.pending.get(message.id);
      if (!pending) return;
      entry.pending.delete(message.id);
      if (entry.pending.size === 0) entry.worker.unref();
      if (message.ok) pending.resolve(message.result as string | boolean);
      else pending.reject(new Error(message.error ?? 'password worker failed'));
    });
    entry.worker.on('error', (error) => {
      for (const pending of entry.pending.values()) pending.reject(error);
      entry.pending.clear();
      entry.worker.unref();
    });
    // Referenced only while a job is pending: an idle pool never keeps the process alive (a script
    // or `npm run bench` would hang after its work), and a pending hash does (a script awaiting
    // only a hash would otherwise exit). Set after the listeners, since adding one refs the port.
    entry.worker.unref();
  }
  let nextId = 0;
  const run = (job: { op: 'hash' | 'verify'; password: string; hash?: string }): Promise<string | boolean> => {
    const entry = workers.reduce((least, candidate) => (candidate.pending.size < least.pending.size ? candidate : least));
    const id = (nextId += 1);
    return new Promise((resolve, reject) => {
      entry.pending.set(id, { resolve, reject });
      entry.worker.ref();
      entry.worker.postMessage({ id, ...job, opsLimit: limits.opsLimit, memLimit: limits.memLimit });
    });
  };
  const dummyHash = lib.crypto_pwhash_str(lib.to_base64(lib.randombytes_buf(24)), limits.opsLimit, limits.memLimit);
  return {
    hash: async (password) => (await run({ op: 'hash', password })) as string,
    verify: async (storedHash, password) => (await run({ op: 'verify', password, hash: storedHash })) as boolean,
    verifyNothing: async (password) => {
      await run({ op: 'verify', password, hash: dummyHash });
    },
    needsRehash: (storedHash) => {
      try {
        return lib.crypto_pwhash_str_needs_rehash(storedHash, limits.opsLimit, limits.memLimit);
      } catch {
        return true;
      }
    },
    close: async () => {
      await Promise.all(workers.map((entry) => entry.worker.terminate()));
    },
  };
}
