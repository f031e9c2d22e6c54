import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { interactiveKdfParams } from '../crypto/kdf-params.js';
import { loadSodium } from '../crypto/sodium.js';
import { LocalStore, type LocalStoreOptions } from './local-store.js';

export const password = 'correct horse battery staple';

export interface Fixture {
  dir: string;
  store: LocalStore;
  organisationId: string;
  ownerId: string;
  nurseId: string;
  otherNurseId: string;
  cleanup(): void;
}

/** A fresh encrypted store in a temp dir, with an organisation, an owner and two nurses. Test use only. */
export async function createFixture(overrides: Partial<LocalStoreOptions> = {}): Promise<Fixture> {
  const dir = mkdtempSync(path.join(tmpdir(), 'thuisdossier-store-'));
  const sodium = await loadSodium();
  const store = await LocalStore.at({ dir, kdfParams: interactiveKdfParams(sodium), ...overrides });
  store.create(password);
  const organisationId = uuidv7();
  store.directory.upsertOrganisation({ id: organisationId, name: 'Wijkzorg Utrecht Oost' });
  const ownerId = store.directory.upsertUser(organisationId, { email: 'eigenaar@wijkzorg.nl', displayName: 'Els Eigenaar', role: 'owner' }).id;
  const nurseId = store.directory.upsertUser(organisationId, { email: 'fatima@wijkzorg.nl', displayName: 'Fatima El Amrani', role: 'practitioner' }).id;
  const otherNurseId = store.directory.upsertUser(organisationId, { email: 'jeroen@wijkzorg.nl', displayName: 'Jeroen de Vries', role: 'practitioner' }).id;
  return {
    dir,
    store,
    organisationId,
    ownerId,
    nurseId,
    otherNurseId,
    cleanup() {
      store.lock();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const sampleClient = {
  firstName: 'Johanna',
  infix: 'van der',
  lastName: 'Berg',
  birthDate: '1941-05-12',
  bsn: '111222333',
  street: 'Biltstraat',
  houseNumber: '112',
  postcode: '3572bj',
  city: 'Utrecht',
  status: 'in_zorg' as const,
};
