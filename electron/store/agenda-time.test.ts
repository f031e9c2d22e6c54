import { afterEach, describe, expect, it } from 'vitest';
import { createFixture, sampleClient, type Fixture } from './test-support.js';
import { StoreError } from './store-error.js';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof StoreError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('agenda, time registration, contacts, drafts, settings', () => {
  let f: Fixture;
  afterEach(() => f?.cleanup());

  it('plans, lists by range, and locks the past agenda', async () => {
    f = await createFixture();
    const me = f.store.session(f.nurseId);
    const client = me.clients.create(sampleClient);
    const visit = me.appointments.create({
      title: 'Huisbezoek wondzorg',
      startsAt: '2024-03-01T09:00:00.000Z',
      endsAt: '2024-03-01T09:30:00.000Z',
      practitionerIds: [f.nurseId],
      clientIds: [client.id],
      location: 'Biltstraat 112, Utrecht',
    });
    expect(me.appointments.listRange('2024-03-01T00:00:00.000Z', '2024-03-02T00:00:00.000Z').map((a) => a.id)).toEqual([visit.id]);
    expect(f.store.session(f.otherNurseId).appointments.listRange('2024-03-01T00:00:00.000Z', '2024-03-02T00:00:00.000Z')).toEqual([]);
    expect(codeOf(() => me.appointments.update(visit.id, { endsAt: '2024-03-01T08:00:00.000Z' }))).toBe('invalid_input');
    expect(me.appointments.update(visit.id, { endsAt: '2024-03-01T09:45:00.000Z' }).endsAt).toBe('2024-03-01T09:45:00.000Z');
    expect(me.appointments.lockPast('2024-03-02T00:00:00.000Z')).toBe(1);
    expect(codeOf(() => me.appointments.update(visit.id, { title: 'anders' }))).toBe('record_locked');
    expect(codeOf(() => f.store.session(f.otherNurseId).appointments.create({ title: 'x', startsAt: '2024-03-03T09:00:00.000Z', endsAt: '2024-03-03T10:00:00.000Z', practitionerIds: [f.otherNurseId], clientIds: [client.id] }))).toBe('forbidden');
  });

  it('registers time against an allocation; declared registrations are locked', async () => {
    f = await createFixture();
    const me = f.store.session(f.nurseId);
    const client = me.clients.create(sampleClient);
    const allocation = me.time.createAllocation({ clientId: client.id, law: 'Wmo', productCode: '07A08', productName: 'Begeleiding individueel', unit: 'uur', volume: 4, startDate: '2024-01-01' });
    const entry = me.time.create({ clientId: client.id, allocationId: allocation.id, date: '2024-03-01', amount: 45, unit: 'minuut' });
    expect(codeOf(() => me.time.create({ clientId: client.id, date: '2024-03-01', amount: 1.5, unit: 'uur' }))).toBe('invalid_input');
    expect(codeOf(() => me.time.create({ clientId: client.id, date: '2024-03-01', amount: 1, unit: 'jaar' as never }))).toBe('invalid_input');
    expect(me.time.update(entry.id, { amount: 50 }).amount).toBe(50);
    expect(codeOf(() => me.time.markDeclared([entry.id]))).toBe('forbidden');
    f.store.session(f.ownerId).time.markDeclared([entry.id]);
    expect(codeOf(() => me.time.update(entry.id, { amount: 60 }))).toBe('record_locked');
    expect(codeOf(() => me.time.delete(entry.id))).toBe('record_locked');
    expect(me.time.list(client.id)).toHaveLength(1);
  });

  it('keeps contacts per client', async () => {
    f = await createFixture();
    const me = f.store.session(f.nurseId);
    const client = me.clients.create(sampleClient);
    const contact = me.contacts.create({ clientId: client.id, relation: 'wettelijk_vertegenwoordiger', name: 'Kees van der Berg', phone: '06 98765432' });
    me.contacts.update(contact.id, { email: 'kees@example.nl' });
    expect(me.contacts.list(client.id)).toMatchObject([{ name: 'Kees van der Berg', email: 'kees@example.nl' }]);
    expect(codeOf(() => f.store.session(f.otherNurseId).contacts.list(client.id))).toBe('forbidden');
  });

  it('saves drafts per user and key, only for dossiers the user may edit', async () => {
    f = await createFixture();
    const me = f.store.session(f.nurseId);
    const client = me.clients.create(sampleClient);
    const key = `report:new:${client.id}`;
    me.drafts.save(key, 'Mevr. was', client.id);
    me.drafts.save(key, 'Mevr. was vandaag onrustig', client.id);
    expect(me.drafts.get(key)?.content).toBe('Mevr. was vandaag onrustig');
    expect(f.store.session(f.otherNurseId).drafts.get(key)).toBeNull();
    expect(codeOf(() => f.store.session(f.otherNurseId).drafts.save(key, 'x', client.id))).toBe('forbidden');
    expect(codeOf(() => me.drafts.save('bad key!', 'x'))).toBe('invalid_input');
    me.drafts.discard(key);
    expect(me.drafts.list()).toEqual([]);
  });

  it('settings: everyone reads, administrators write', async () => {
    f = await createFixture();
    f.store.session(f.ownerId).settings.set('security.autoLockMinutes', 10);
    expect(f.store.session(f.nurseId).settings.get('security.autoLockMinutes')).toBe(10);
    expect(codeOf(() => f.store.session(f.nurseId).settings.set('security.autoLockMinutes', 60))).toBe('forbidden');
  });
});
