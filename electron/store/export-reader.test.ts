import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportAllDossiersToExcel } from '../export/excel/excel-export.js';
import { licenceAllowing } from '../export/test-fixtures.js';
import { ExportReader } from './export-reader.js';
import { createFixture, sampleClient, type Fixture } from './test-support.js';

let fixture: Fixture;
beforeEach(async () => {
  fixture = await createFixture();
});
afterEach(() => fixture.cleanup());

function seed() {
  const nurse = fixture.store.session(fixture.nurseId);
  const other = fixture.store.session(fixture.otherNurseId);
  const johanna = nurse.clients.create(sampleClient);
  const henk = nurse.clients.create({ firstName: 'Henk', lastName: 'Bakker', status: 'in_zorg' });
  const secret = other.clients.create({ firstName: 'Geheim', lastName: 'Zwart', status: 'in_zorg' });
  nurse.reports.create({ clientId: johanna.id, occurredAt: '2026-11-20T09:00:00.000Z', category: 'ADL', body: 'Cliënt één keer geholpen bij het douchen.' });
  nurse.reports.create({ clientId: johanna.id, occurredAt: '2026-11-18T09:00:00.000Z', category: 'Medicatie', body: 'Medicatie uitgezet.' });
  other.reports.create({ clientId: secret.id, occurredAt: '2026-11-19T09:00:00.000Z', category: 'Algemeen', body: 'Niet voor Fatima.' });
  return { johanna, henk, secret };
}

describe('the export reader', () => {
  it('lists only dossiers the user may read, sorted by last name', async () => {
    const { secret } = seed();
    const reader = new ExportReader(fixture.store.connection, fixture.nurseId, fixture.organisationId);
    const names = [];
    for await (const client of reader.clients()) names.push(client.lastName);
    expect(names).toEqual(['Bakker', 'Berg']);
    expect(await reader.countClients()).toBe(2);
    expect(await reader.client(secret.id)).toBeNull();
    expect(reader.mayReadDossier(secret.id)).toBe(false);
  });

  it('gives the reports of a dossier oldest first', async () => {
    const { johanna } = seed();
    const reader = new ExportReader(fixture.store.connection, fixture.nurseId, fixture.organisationId);
    const bodies = [];
    for await (const report of reader.reportsOf(johanna.id)) bodies.push(report.body);
    expect(bodies).toEqual(['Medicatie uitgezet.', 'Cliënt één keer geholpen bij het douchen.']);
  });

  it('feeds a real Excel export that holds exactly the readable dossiers, and logs E per dossier', async () => {
    const { johanna, henk } = seed();
    const nurse = fixture.store.session(fixture.nurseId);
    const reader = new ExportReader(fixture.store.connection, fixture.nurseId, fixture.organisationId);
    const target = path.join(mkdtempSync(path.join(tmpdir(), 'td-export-')), 'dossiers.xlsx');
    const result = await exportAllDossiersToExcel(
      {
        source: reader,
        rights: reader,
        licence: licenceAllowing(),
        audit: (entries) => nurse.accessLog.recordExport(entries.filter((e) => e.clientId).map((e) => e.clientId as string), 'xlsx'),
        actor: { userId: fixture.nurseId, userName: 'Fatima El Amrani', organisationName: 'Wijkzorg Utrecht Oost' },
      },
      { target },
    );
    expect([...result.clientIds].sort()).toEqual([johanna.id, henk.id].sort());

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(target);
    const sheet = workbook.getWorksheet('Cliënten');
    const text = JSON.stringify(sheet?.getSheetValues());
    expect(text).toContain('Berg');
    expect(text).toContain('Bakker');
    expect(text).not.toContain('Zwart');
    expect(JSON.stringify(workbook.getWorksheet('Rapportages')?.getSheetValues())).toContain('Cliënt één keer geholpen');

    const overview = fixture.store.session(fixture.ownerId).accessLog.forClient(johanna.id);
    expect(overview.some((entry) => entry.action === 'E')).toBe(true);
  });
});
