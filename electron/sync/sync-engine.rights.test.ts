import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, apiSignIn, demoCarer, demoNurse, demoOwner, startCentralService, type CentralServiceProcess } from './testing/central-service-process.js';
import { sampleClient, signedInDevice, type TestDevice } from './testing/devices.js';

let central: CentralServiceProcess;
const devices: TestDevice[] = [];

beforeAll(async () => {
  central = await startCentralService();
}, 120_000);
afterAll(async () => {
  for (const device of devices) device.close();
  await central?.stop();
});

describe('rights on the device follow the central service', () => {
  it('a dossier whose access is withdrawn is purged from the device; unsent text stays in the refused list', async () => {
    const nurse = await signedInDevice(central, demoNurse);
    const carer = await signedInDevice(central, demoCarer);
    devices.push(nurse, carer);
    const client = nurse.store.session(nurse.userId).clients.create({ ...sampleClient, lastName: 'Ingetrokken' });
    await nurse.engine().run();

    const owner = await apiSignIn(central.url, demoOwner);
    const grant = { clientId: client.id, userId: carer.userId, canRead: true, canEdit: true, canSignOff: false };
    await apiCall(central.url, owner, 'POST', '/v1/admin/dossier-access', grant);
    await carer.engine().run();
    const carerSession = carer.store.session(carer.userId);
    expect(carerSession.clients.get(client.id).lastName).toBe('Ingetrokken');

    // Offline, the carer writes a report; meanwhile the access is withdrawn.
    carerSession.reports.create({ clientId: client.id, occurredAt: '2026-11-21T10:00:00.000Z', category: 'ADL', body: 'Geschreven vlak voor het intrekken' });
    await apiCall(central.url, owner, 'POST', '/v1/admin/dossier-access', { ...grant, canRead: false, canEdit: false });
    const report = await carer.engine().run();

    expect(carer.sync().rows.read('clients', client.id)).toBeNull();
    expect(carer.sync().outbox.count()).toBe(0);
    const refused = carer.sync().db.prepare('SELECT reason, mutation FROM sync_rejected').all() as Array<{ reason: string; mutation: string }>;
    expect(refused.some((row) => row.reason === 'forbidden' && row.mutation.includes('Geschreven vlak voor het intrekken'))).toBe(true);
    expect(report.purgedClients.length + report.rejected).toBeGreaterThan(0);
  });
});
