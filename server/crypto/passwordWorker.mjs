// Argon2id off the event loop: one of these runs per worker thread (see workerPasswords.ts).
// Plain JavaScript so it runs under any loader (tsx, vitest, plain node) without compiling.
import { parentPort } from 'node:worker_threads';
import sodium from 'libsodium-wrappers-sumo';

await sodium.ready;

parentPort.on('message', (message) => {
  const { id, op, password, hash, opsLimit, memLimit } = message;
  try {
    if (op === 'hash') {
      parentPort.postMessage({ id, ok: true, result: sodium.crypto_pwhash_str(password, opsLimit, memLimit) });
    } else {
      let valid = false;
      try {
        valid = sodium.crypto_pwhash_str_verify(hash, password);
      } catch {
        valid = false;
      }
      parentPort.postMessage({ id, ok: true, result: valid });
    }
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: String(error && error.message ? error.message : error) });
  }
});
