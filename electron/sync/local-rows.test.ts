import { afterEach, describe, expect, it } from 'vitest';
import { createFixture, sampleClient, type Fixture } from '../store/test-support.js';
import { SyncDb } from './sync-db.js';

const fixtures: Fixture[] = [];
afterEach(() => {
  for (const fixture of fixtures.splice(0)) fixture.cleanup();
});

const hlc = '001763979000000-0000-00000000000000aa';
/** Counts FTS index writes: the reports_fts shadow table's rows change only when the index is written. */
const indexChanges = (sync: SyncDb) => sync.db.prepare('SELECT total_changes()').pluck().get() as number;

describe('LocalRows.writeChanged (settling a push)', () => {
  it('leaves an unchanged report body alone (no search re-index), stores the new clocks and sequence, and writes a column that did change', async () => {
    const fixture = await createFixture();
    fixtures.push(fixture);
    const me = fixture.store.session(fixture.nurseId);
    const client = me.clients.create(sampleClient);
    const report = me.reports.create({ clientId: client.id, occurredAt: '2026-11-20T08:00:00.000Z', category: 'ADL', body: 'wondverband verschoond' });
    const sync = new SyncDb(fixture.store.connection);
    const shown = sync.rows.read('reports', report.id)!;

    // The hub's answer changes nothing the row shows: only the sync columns are written.
    const before = indexChanges(sync);
    sync.rows.writeChanged('reports', report.id, fixture.organisationId, { values: shown.state.values, clocks: { ...shown.state.clocks, body: hlc } }, 41, '2026-11-24T12:00:00.000Z');
    expect(indexChanges(sync) - before).toBe(1); // the one UPDATE of the row; the FTS triggers did not run
    const settled = sync.rows.read('reports', report.id)!;
    expect(settled.serverSeq).toBe(41);
    expect(settled.state.clocks.body).toBe(hlc);
    expect(settled.state.values).toEqual(shown.state.values);
    expect(me.search.reports('wondverband').map((hit) => hit.reportId)).toEqual([report.id]);

    // A value the hub decided otherwise (another device's category won) is written, the body still not.
    sync.rows.writeChanged('reports', report.id, fixture.organisationId, { values: { ...shown.state.values, category: 'Medicatie' }, clocks: settled.state.clocks }, 42, '2026-11-24T12:01:00.000Z');
    expect(sync.rows.read('reports', report.id)!.state.values.category).toBe('Medicatie');

    // A changed body is written and indexed again.
    sync.rows.writeChanged('reports', report.id, fixture.organisationId, { values: { ...shown.state.values, body: 'katheter gespoeld' }, clocks: settled.state.clocks }, 43, '2026-11-24T12:02:00.000Z');
    expect(me.search.reports('katheter').map((hit) => hit.reportId)).toEqual([report.id]);
    expect(me.search.reports('wondverband')).toHaveLength(0);
    sync.db.exec("INSERT INTO reports_fts(reports_fts, rank) VALUES ('integrity-check', 1)");

    // A row the device does not have (yet) is inserted whole.
    const other = '0190b8a4-7c3e-7000-8000-000000000a77';
    sync.rows.writeChanged('reports', other, fixture.organisationId, { values: { ...shown.state.values, body: 'nieuw decubitus' }, clocks: { body: hlc } }, 44, '2026-11-24T12:03:00.000Z');
    expect(sync.rows.read('reports', other)!.serverSeq).toBe(44);
    expect(me.search.reports('decubitus')).toHaveLength(1);
  });
});
