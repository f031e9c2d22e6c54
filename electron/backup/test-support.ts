import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFixture, sampleClient, type Fixture } from '../store/test-support.js';

/** A store with two dossiers, reports and documents (one spanning several chunks), and an empty backup folder. Test use only. */
export async function createBackupFixture(): Promise<Fixture & { backupDir: string; clientIds: string[] }> {
  const f = await createFixture();
  const backupDir = mkdtempSync(path.join(tmpdir(), 'thuisdossier-backups-'));
  const nurse = f.store.session(f.nurseId);
  const first = nurse.clients.create(sampleClient);
  const second = nurse.clients.create({ ...sampleClient, firstName: 'Hendrik', infix: null, lastName: 'Özdemir', bsn: '123456782', status: 'in_zorg' });
  for (const [i, body] of ['Insuline 8 E toegediend', 'Wond aan de linkerhiel verzorgd', 'Steunkousen aangetrokken'].entries()) {
    nurse.reports.create({ clientId: first.id, occurredAt: `2026-03-0${i + 1}T09:30:00.000Z`, category: 'Wondzorg', body });
  }
  nurse.reports.create({ clientId: second.id, occurredAt: '2026-03-04T10:00:00.000Z', category: 'Medicatie', body: 'Medicatie uit de baxterrol gegeven' });
  nurse.documents.add({ clientId: first.id, fileName: 'wondfoto.txt', mimeType: 'text/plain' }, Buffer.from('Wondfoto, dag 3: roodheid minder'));
  // 200 KB: several 64 KiB chunks in the document file and in the backup stream.
  const scan = Buffer.alloc(200_000);
  for (let i = 0; i < scan.length; i++) scan[i] = (i * 31 + 7) % 251;
  nurse.documents.add({ clientId: second.id, fileName: 'indicatie.pdf', mimeType: 'application/pdf' }, scan);
  return {
    ...f,
    backupDir,
    clientIds: [first.id, second.id],
    cleanup() {
      f.cleanup();
      rmSync(backupDir, { recursive: true, force: true });
    },
  };
}

/** Everything a nurse sees of the dossiers: report texts and document contents. */
export function dossierContents(f: Fixture, clientIds: string[]): Record<string, { reports: string[]; documents: Record<string, string> }> {
  const nurse = f.store.session(f.nurseId);
  const result: Record<string, { reports: string[]; documents: Record<string, string> }> = {};
  for (const clientId of clientIds) {
    const documents: Record<string, string> = {};
    for (const document of nurse.documents.list(clientId)) {
      documents[document.fileName] = Buffer.from(nurse.documents.read(document.id).content).toString('base64');
    }
    result[clientId] = { reports: nurse.reports.listForClient(clientId).map((report) => report.body).sort(), documents };
  }
  return result;
}
