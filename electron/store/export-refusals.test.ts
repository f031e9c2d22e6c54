import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportAllDossiersToExcel } from '../export/excel/excel-export.js';
import { assertLicenceAllowsExport, assertMayExportDossier, type ExportServices } from '../export/export-run.js';
import { licenceAllowing } from '../export/test-fixtures.js';
import { evaluateLicence } from '../licence/evaluate-licence.js';
import { LicenceError } from '../licence/licence-error.js';
import { leaseOf } from '../licence/test-support.js';
import { ExportReader } from './export-reader.js';
import { accessLogExportAudit } from './export-audit.js';
import { createFixture, sampleClient, type Fixture } from './test-support.js';

let fixture: Fixture;
beforeEach(async () => {
  fixture = await createFixture();
});
afterEach(() => fixture.cleanup());

const blocked = () => evaluateLicence(leaseOf({ status: 'blocked', blockReason: 'overdue', exportAllowed: false }), new Date('2026-11-30T12:00:00Z'), null);

/** The export services as the core's export handler builds them: the real reader and access log. */
function servicesFor(userId: string, licence = licenceAllowing()): ExportServices {
  const reader = new ExportReader(fixture.store.connection, userId, fixture.organisationId);
  return {
    source: reader,
    rights: reader,
    licence,
    audit: accessLogExportAudit(fixture.store.session(userId).accessLog),
    actor: { userId, userName: 'Fatima El Amrani', organisationName: 'Wijkzorg Utrecht Oost' },
  };
}

const exportLines = () =>
  fixture.store.connection
    .prepare("SELECT user_id, client_id, event, outcome, reason FROM access_log WHERE action = 'E' ORDER BY seq")
    .all() as { user_id: string; client_id: string | null; event: string; outcome: string; reason: string | null }[];

describe('refused exports in the access log (NEN 7513)', () => {
  it('logs a dossier export refused by a blocked lease against that dossier', async () => {
    const johanna = fixture.store.session(fixture.nurseId).clients.create(sampleClient);
    const services = servicesFor(fixture.nurseId, licenceAllowing(blocked()));
    await expect(assertLicenceAllowsExport(services, 'docx', 'Dossier.docx', johanna.id)).rejects.toBeInstanceOf(LicenceError);
    expect(exportLines()).toEqual([{ user_id: fixture.nurseId, client_id: johanna.id, event: 'export.docx', outcome: 'refused', reason: blocked().reason }]);
    // And it shows in the dossier's own overview of who accessed it.
    const overview = fixture.store.session(fixture.ownerId).accessLog.forClient(johanna.id);
    expect(overview.filter((entry) => entry.action === 'E').map((entry) => entry.outcome)).toEqual(['refused']);
  });

  it('logs an export of all dossiers refused by the licence, and writes no file', async () => {
    fixture.store.session(fixture.nurseId).clients.create(sampleClient);
    const target = path.join(mkdtempSync(path.join(tmpdir(), 'td-export-')), 'alles.xlsx');
    await expect(exportAllDossiersToExcel(servicesFor(fixture.nurseId, licenceAllowing(blocked())), { target })).rejects.toBeInstanceOf(LicenceError);
    expect(exportLines()).toEqual([expect.objectContaining({ client_id: null, event: 'export.xlsx', outcome: 'refused' })]);
  });

  it('logs an export of a dossier the user may not read', async () => {
    const secret = fixture.store.session(fixture.otherNurseId).clients.create({ ...sampleClient, bsn: '123456782', firstName: 'Piet' });
    await expect(assertMayExportDossier(servicesFor(fixture.nurseId), secret.id, 'docx', '/tmp/Dossier.docx')).rejects.toThrow(/may not read/);
    expect(exportLines()).toEqual([{ user_id: fixture.nurseId, client_id: secret.id, event: 'export.docx', outcome: 'refused', reason: 'no-dossier-access' }]);
    expect(fixture.store.session(fixture.ownerId).accessLog.verifyChain()).toMatchObject({ intact: true });
  });

  it('still logs a successful export as E success per dossier', async () => {
    const johanna = fixture.store.session(fixture.nurseId).clients.create(sampleClient);
    const target = path.join(mkdtempSync(path.join(tmpdir(), 'td-export-')), 'alles.xlsx');
    await exportAllDossiersToExcel(servicesFor(fixture.nurseId), { target });
    expect(exportLines()).toEqual([expect.objectContaining({ client_id: johanna.id, outcome: 'success' })]);
  });
});
