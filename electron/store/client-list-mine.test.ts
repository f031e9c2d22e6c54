import { afterEach, describe, expect, it } from 'vitest';
import { createFixture, sampleClient, type Fixture } from './test-support.js';

const edit = { canRead: true, canEdit: true, canSignOff: false };

describe('"Mijn cliënten": the clients a user works with, not the ones they may edit', () => {
  let f: Fixture;
  afterEach(() => f?.cleanup());

  it('holds the clients with the user on an appointment, a report by them, or time they wrote; edit rights alone do not count', async () => {
    f = await createFixture();
    const nurse = f.store.session(f.nurseId);
    const [visited, reported, timed, colleagues] = ['Aalders', 'Bos', 'Claes', 'Dekker'].map((lastName) => nurse.clients.create({ ...sampleClient, bsn: undefined, lastName }));
    const owner = f.store.session(f.ownerId);
    for (const client of [visited!, reported!, timed!, colleagues!]) owner.access.grant({ clientId: client.id, userId: f.otherNurseId, rights: edit });
    const colleague = f.store.session(f.otherNurseId);

    const visit = nurse.appointments.create({ title: 'Huisbezoek', startsAt: '2024-03-01T09:00:00.000Z', endsAt: '2024-03-01T09:30:00.000Z', practitionerIds: [f.nurseId], clientIds: [visited!.id] });
    nurse.reports.create({ clientId: reported!.id, occurredAt: '2024-03-01T09:30:00.000Z', category: 'Medicatie', body: 'Insuline 8 E toegediend' });
    nurse.time.create({ clientId: timed!.id, date: '2024-03-01', amount: 30, unit: 'minuut' });
    colleague.appointments.create({ title: 'Intake', startsAt: '2024-03-02T09:00:00.000Z', endsAt: '2024-03-02T10:00:00.000Z', practitionerIds: [f.otherNurseId], clientIds: [colleagues!.id] });

    // Both may edit all four dossiers; "mine" still tells them apart.
    expect(nurse.clientList.all().every((c) => c.canEdit)).toBe(true);
    expect(colleague.clientList.all().every((c) => c.canEdit)).toBe(true);
    expect(nurse.clientList.mine()).toEqual(new Set([visited!.id, reported!.id, timed!.id]));
    expect(colleague.clientList.mine()).toEqual(new Set([colleagues!.id]));

    // A cancelled visit no longer makes the client "mine".
    nurse.appointments.delete(visit.id);
    expect(nurse.clientList.mine()).toEqual(new Set([reported!.id, timed!.id]));
  });
});
