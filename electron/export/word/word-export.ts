import { Zip, ZipPassThrough } from 'fflate';
import { writeFile } from 'node:fs/promises';
import { clientDisplayName, type Client } from '../../../shared/domain/index.js';
import { collectDossier } from '../dossier-content.js';
import { ExportError, throwIfCancelled } from '../export-error.js';
import {
  assertMayExportDossier,
  reportProgress,
  runExport,
  visibleClients,
  type ExportRequest,
  type ExportResult,
  type ExportServices,
} from '../export-run.js';
import { ExportFileStream } from '../output-stream.js';
import { buildDossierDocx, type DossierDocxContext } from './dossier-docx.js';

/** One dossier as a .docx (SPEC.md §2). Refused without export rights on the licence or the dossier. */
export async function exportDossierToWord(services: ExportServices, request: ExportRequest & { clientId: string }): Promise<ExportResult> {
  return runExport(services, request, 'docx', async (tempPath) => {
    await assertMayExportDossier(services, request.clientId, 'docx', request.target);
    const client = await services.source.client(request.clientId);
    if (!client) throw new ExportError('not_found', 'This dossier is not on this device');
    const context = await docxContext(services);
    reportProgress(request, 0, `Dossier ${client.dossierNumber} lezen`);
    const content = await collectDossier(services.source, services.rights, client, request.signal);
    reportProgress(request, 0.5, `Word-document van ${clientDisplayName(client)} maken`);
    const docx = await buildDossierDocx(content, context);
    throwIfCancelled(request.signal);
    await writeFile(tempPath, docx, { flag: 'wx', mode: 0o600 });
    reportProgress(request, 1, 'Klaar');
    return [client.id];
  });
}

/**
 * Every dossier the user may read, one .docx each, in one .zip. Dossiers are built one at a time
 * and streamed into the zip, so memory holds one dossier, not the organisation. The .docx files
 * are already deflated, so they are stored, not compressed twice.
 */
export async function exportAllDossiersToWordZip(services: ExportServices, request: ExportRequest): Promise<ExportResult> {
  return runExport(services, request, 'zip', async (tempPath) => {
    const context = await docxContext(services);
    const total = Math.max(1, await services.source.countClients());
    const output = new ExportFileStream(tempPath);
    const zip = new Zip((error, chunk) => {
      if (error) output.fail(error);
      else output.write(chunk);
    });
    const exported: string[] = [];
    const usedNames = new Set<string>();
    try {
      for await (const client of visibleClients(services)) {
        throwIfCancelled(request.signal);
        reportProgress(request, exported.length / total, `Dossier ${exported.length + 1} van ongeveer ${total}: ${clientDisplayName(client)}`);
        const content = await collectDossier(services.source, services.rights, client, request.signal);
        const docx = await buildDossierDocx(content, context);
        throwIfCancelled(request.signal);
        const entry = new ZipPassThrough(uniqueName(docxFileName(client), usedNames));
        entry.mtime = context.exportedAt;
        zip.add(entry);
        entry.push(docx, true);
        exported.push(client.id);
        await output.drained();
      }
      zip.end();
      await output.finish();
    } catch (error) {
      zip.terminate();
      await output.abandon();
      throw error;
    }
    reportProgress(request, 1, `Klaar: ${exported.length} dossiers`);
    return exported;
  });
}

/** "D-000123 Berg, Jan van der.docx": sorts by number, readable, safe on Windows, macOS and Linux. */
export function docxFileName(client: Client): string {
  const name = `${client.lastName}, ${[client.firstName, client.infix].filter(Boolean).join(' ')}`;
  const safe = Array.from(`${client.dossierNumber} ${name}`, (char) => (char.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(char) ? '_' : char));
  return safe.join('').slice(0, 150).trim() + '.docx';
}

function uniqueName(name: string, used: Set<string>): string {
  let candidate = name;
  for (let n = 2; used.has(candidate.toLowerCase()); n += 1) candidate = name.replace(/\.docx$/, ` (${n}).docx`);
  used.add(candidate.toLowerCase());
  return candidate;
}

async function docxContext(services: ExportServices): Promise<DossierDocxContext> {
  return { actor: services.actor, exportedAt: services.now?.() ?? new Date(), userNames: await services.source.userNames() };
}
