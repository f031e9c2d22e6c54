// Child script for workerPasswords.test.ts: awaits one hash from the pool and then simply ends.
// The process must exit on its own: a pending hash keeps it alive, an idle pool does not.
import { minimalLimits } from '../passwords.js';
import { loadSodium } from '../sodium.js';
import { workerPasswordHasher } from '../workerPasswords.js';

const lib = await loadSodium();
const hasher = workerPasswordHasher(lib, minimalLimits(lib), 2);
const hash = await hasher.hash('een geheim wachtwoord');
process.stdout.write(hash.startsWith('$argon2id$') ? 'hashed\n' : 'wrong hash\n');
