import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { apiRoutes } from '../../shared/api/routes.js';
import type { ClientCreate } from '../../shared/domain/client.js';
import { readDeviceAccount } from '../session/device-account.js';
import { parseLeaseKeys } from '../session/lease-keys.js';
import { signInOnline } from '../session/online-sign-in.js';
import { LocalStore } from '../store/index.js';
import { CentralApi } from '../sync/central-api.js';
import { DeviceValues, syncValueKeys } from '../sync/device-values.js';
import { SyncEngine } from '../sync/sync-engine.js';
import { HttpSyncTransport } from '../sync/sync-transport.js';

export const demoPassword = 'demo-wachtwoord-2026';
const nurse = 'wijkverpleegkundige@demo.thuisdossier.nl';
const carer = 'verzorgende@demo.thuisdossier.nl';
const owner = 'eigenaar@demo.thuisdossier.nl';

interface DemoDossier {
  client: ClientCreate;
  allocation?: { law: 'Wmo' | 'Jeugdwet' | 'Wlz' | 'Zvw'; productCode: string; productName: string; unit: 'uur' | 'minuut' | 'dagdeel'; volume: number };
  reports: Array<{ daysAgo: number; category: string; body: string }>;
  sharedWithCarer: boolean;
}

/** Realistic Dutch dossiers (SPEC §7): names, addresses "1234 AB", BSNs passing the 11-test, Wmo/Jeugdwet products. */
const dossiers: DemoDossier[] = [
  {
    client: { firstName: 'Johanna', infix: 'van der', lastName: 'Berg', birthDate: '1941-03-12', bsn: '111222333', street: 'Oudegracht', houseNumber: '112', postcode: '3511 AB', city: 'Utrecht', phone: '030-2345678', gpName: 'Huisartsenpraktijk Domplein', insurer: 'Zilveren Kruis', status: 'in_zorg', careStartDate: '2024-02-01' },
    allocation: { law: 'Wmo', productCode: '02A01', productName: 'Begeleiding individueel', unit: 'uur', volume: 4 },
    reports: [
      { daysAgo: 1, category: 'Wondzorg', body: 'Wond linker onderbeen gecontroleerd en verbonden. Wondranden rustig, geen tekenen van infectie.' },
      { daysAgo: 3, category: 'ADL', body: 'Hulp bij douchen en aankleden. Mevrouw was goed gemutst en heeft zelf ontbijt gemaakt.' },
    ],
    sharedWithCarer: true,
  },
  {
    client: { firstName: 'Henk', lastName: 'Bakker', birthDate: '1938-11-02', bsn: '123456782', street: 'Biltstraat', houseNumber: '40', postcode: '3572 BG', city: 'Utrecht', insurer: 'CZ', status: 'in_zorg', careStartDate: '2023-09-15' },
    allocation: { law: 'Wmo', productCode: '02A02', productName: 'Huishoudelijke ondersteuning', unit: 'uur', volume: 3 },
    reports: [{ daysAgo: 2, category: 'Medicatie', body: 'Medicatie uitgezet voor de komende week. Dhr. vergeet soms de middagdosis; baxterrol besproken met apotheek.' }],
    sharedWithCarer: true,
  },
  {
    client: { firstName: 'Fatma', lastName: 'Yilmaz', birthDate: '1952-06-21', street: 'Kanaalweg', houseNumber: '7', houseNumberAddition: 'A', postcode: '3526 KL', city: 'Utrecht', status: 'aanmelding' },
    reports: [{ daysAgo: 0, category: 'Algemeen', body: 'Intakegesprek gepland met mevrouw en haar dochter. Indicatie wijkverpleging aangevraagd.' }],
    sharedWithCarer: false,
  },
  {
    client: { firstName: 'Daan', infix: 'de', lastName: 'Vries', birthDate: '2011-01-30', street: 'Vleutenseweg', houseNumber: '250', postcode: '3532 HN', city: 'Utrecht', status: 'in_zorg', careStartDate: '2025-05-01' },
    allocation: { law: 'Jeugdwet', productCode: '45A48', productName: 'Jeugdhulp ambulant', unit: 'uur', volume: 6 },
    reports: [
      { daysAgo: 4, category: 'School', body: 'Overleg met mentor: Daan komt beter op tijd, huiswerkplanning werkt. Volgende evaluatie over zes weken.' },
      { daysAgo: 1, category: 'Gezin', body: 'Huisbezoek: rustige sfeer thuis, moeder geeft aan dat de avondroutine beter loopt.' },
    ],
    sharedWithCarer: false,
  },
  {
    client: { firstName: 'Gerrit', lastName: 'Smit', birthDate: '1935-08-08', street: 'Soestdijkseweg Zuid', houseNumber: '15', postcode: '3723 AA', city: 'Bilthoven', status: 'in_zorg', careStartDate: '2021-01-04' },
    allocation: { law: 'Wmo', productCode: '02A03', productName: 'Dagbesteding', unit: 'dagdeel', volume: 4 },
    reports: [{ daysAgo: 5, category: 'Incident', body: 'Dhr. is in de badkamer uitgegleden, geen letsel. Antislipmat geplaatst en familie geïnformeerd.' }],
    sharedWithCarer: true,
  },
];

/**
 * Puts the demo dossiers on the embedded central service once, the way a real nurse would: a
 * throw-away device signs in as the demo wijkverpleegkundige, writes them into its store and syncs;
 * then the owner shares some with the verzorgende through the admin API. Skipped when done before.
 */
export async function seedDemoDossiers(centralUrl: string, leaseKeys: string, centralDataDir: string): Promise<void> {
  const marker = path.join(centralDataDir, 'demo-dossiers.done');
  if (existsSync(marker)) return;
  const deviceDir = path.join(centralDataDir, 'seed-device');
  rmSync(deviceDir, { recursive: true, force: true });
  mkdirSync(deviceDir, { recursive: true, mode: 0o700 });
  const api = new CentralApi(centralUrl);
  const store = await LocalStore.at({ dir: deviceDir });
  try {
    const outcome = await signInOnline({ store, dataDir: deviceDir, api, appVersion: 'demo-seed', leaseKeys: parseLeaseKeys(leaseKeys) }, { email: nurse, password: demoPassword });
    if (outcome.kind !== 'signed-in') throw new Error('the demo nurse needs no second factor');
    const me = store.session(outcome.answer.user.id);
    const shareWithCarer: string[] = [];
    for (const dossier of dossiers) {
      const client = me.clients.create(dossier.client);
      if (dossier.allocation) me.time.createAllocation({ clientId: client.id, startDate: '2026-01-01', endDate: '2026-12-31', ...dossier.allocation });
      for (const report of dossier.reports) {
        const occurredAt = new Date(Date.now() - report.daysAgo * 86_400_000 - 2 * 3_600_000).toISOString();
        me.reports.create({ clientId: client.id, occurredAt, category: report.category as never, body: report.body });
      }
      if (dossier.sharedWithCarer) shareWithCarer.push(client.id);
    }
    const values = new DeviceValues(() => store.connection);
    const account = readDeviceAccount(deviceDir)!;
    const engine = new SyncEngine({ store, transport: new HttpSyncTransport(api, () => values.get(syncValueKeys.sessionToken)), deviceId: () => account.deviceId! });
    await engine.run();

    const ownerSession = await api.call(apiRoutes.signIn, { body: { email: owner, password: demoPassword, device: { id: uuidv7(), name: 'demo-seed', platform: 'other' } } });
    const carerUser = (await api.call(apiRoutes.listUsers, { token: ownerSession.session.token })).users.find((user) => user.email === carer);
    if (carerUser) {
      for (const clientId of shareWithCarer) {
        await api.call(apiRoutes.grantDossierAccess, {
          token: ownerSession.session.token,
          body: { clientId, userId: carerUser.id, canRead: true, canEdit: true, canSignOff: false },
        });
      }
    }
    writeFileSync(marker, new Date().toISOString());
  } finally {
    store.lock();
    rmSync(deviceDir, { recursive: true, force: true });
  }
}
