import { afterEach, describe, expect, it } from 'vitest';
import { parseClientQuery, ftsPrefixQuery } from './search-query.js';
import { createFixture, sampleClient, type Fixture } from './test-support.js';

describe('search', () => {
  let f: Fixture;
  afterEach(() => f?.cleanup());

  it('understands what a query is', () => {
    expect(parseClientQuery('111 222 333')).toEqual({ kind: 'bsn', bsn: '111222333' });
    expect(parseClientQuery('3572bj')).toEqual({ kind: 'postcode', prefix: '3572 BJ' });
    expect(parseClientQuery('3572')).toEqual({ kind: 'postcode', prefix: '3572' });
    expect(parseClientQuery('k7q2-00')).toEqual({ kind: 'dossierNumber', prefix: 'K7Q2-00' });
    expect(parseClientQuery('van der Berg')).toEqual({ kind: 'name', match: '"van" "der" "Berg"*' });
    expect(ftsPrefixQuery('"; DROP TABLE reports; -- NEAR(')).toBe('"DROP" "TABLE" "reports" "NEAR"*');
    expect(ftsPrefixQuery('  ')).toBeNull();
  });

  it('finds clients by name, BSN, dossier number and postcode, only where the user has access', async () => {
    f = await createFixture();
    const me = f.store.session(f.nurseId);
    const johanna = me.clients.create(sampleClient);
    const murat = me.clients.create({ firstName: 'Murat', lastName: 'Özdemir', bsn: '123456782', postcode: '3511 AB', status: 'aanmelding' });
    f.store.session(f.otherNurseId).clients.create({ firstName: 'Johan', lastName: 'Bergsma', postcode: '3572 AA', status: 'in_zorg' });

    expect(me.search.clients('jo').map((c) => c.id)).toEqual([johanna.id]); // Johan Bergsma is not mine
    expect(me.search.clients('ozdem').map((c) => c.id)).toEqual([murat.id]); // diacritics ignored
    expect(me.search.clients('111222333').map((c) => c.id)).toEqual([johanna.id]);
    expect(me.search.clients('3572 b').map((c) => c.id)).toEqual([johanna.id]);
    expect(me.search.clients('35').length).toBe(0); // two digits is neither postcode nor name
    expect(me.search.clients(johanna.dossierNumber).map((c) => c.id)).toEqual([johanna.id]);
    expect(me.search.clients('', { status: 'aanmelding' }).map((c) => c.id)).toEqual([murat.id]);
    expect(me.search.clients('"); DROP TABLE clients; --')).toEqual([]);
  });

  it('within one dossier, matches words without case or accents, the last as a prefix', async () => {
    f = await createFixture();
    const me = f.store.session(f.nurseId);
    const client = me.clients.create(sampleClient);
    const other = me.clients.create({ ...sampleClient, bsn: '123456782' });
    const r = me.reports.create({ clientId: client.id, occurredAt: '2024-03-01T09:00:00.000Z', category: 'Medicatie', body: 'Diëtist ingeschakeld; Insuline 8 E toegediend.' });
    me.reports.create({ clientId: other.id, occurredAt: '2024-03-01T09:00:00.000Z', category: 'Medicatie', body: 'Insuline 10 E toegediend.' });
    const hits = me.search.reports('dietist insu', { clientId: client.id });
    expect(hits.map((h) => h.reportId)).toEqual([r.id]);
    expect(hits[0]!.snippet).toBe('[Diëtist] ingeschakeld; [Insuline] 8 E toegediend.');
    expect(me.search.reports('insuline', { clientId: client.id })).toHaveLength(1);
    expect(me.search.reports('insuline')).toHaveLength(2);
    expect(me.search.reports('insulinex', { clientId: client.id })).toHaveLength(0);
    expect(f.store.session(f.otherNurseId).search.reports('insuline', { clientId: client.id })).toEqual([]);
  });

  it('full-text over reports follows edits and deletes', async () => {
    f = await createFixture();
    const me = f.store.session(f.nurseId);
    const client = me.clients.create(sampleClient);
    const r = me.reports.create({ clientId: client.id, occurredAt: '2024-03-01T09:00:00.000Z', category: 'ADL', body: 'Geholpen met douchen, cliënt was vrolijk' });
    expect(me.search.reports('douch').map((h) => h.reportId)).toEqual([r.id]);
    expect(me.search.reports('client vrolijk')[0]!.snippet).toContain('[vrolijk]');
    me.reports.update(r.id, { body: 'Geholpen met aankleden' });
    expect(me.search.reports('douchen')).toHaveLength(0);
    expect(me.search.reports('aankleden')).toHaveLength(1);
    me.reports.delete(r.id);
    expect(me.search.reports('aankleden')).toHaveLength(0);
  });
});
