import os from 'node:os';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import type { ExportKind } from '../../../shared/ipc/calls/export.js';
import { exportAllDossiersToExcel } from '../../export/excel/excel-export.js';
import { assertLicenceAllowsExport, assertMayExportDossier, type ExportServices } from '../../export/export-run.js';
import { exportAllDossiersToWordZip, exportDossierToWord } from '../../export/word/word-export.js';
import { accessLogExportAudit } from '../../store/export-audit.js';
import { ExportReader } from '../../store/export-reader.js';
import { CoreError } from '../core-error.js';
import type { CoreServices } from '../core-services.js';
import { toIpcError } from '../error-mapping.js';
import type { HandlersFor } from '../handlers.js';
import type { LicenceGate } from '../licence-gate.js';

/** Where exports are written: the user's own folder, never the app's data folder. */
export function exportDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return env.THUISDOSSIER_EXPORT_DIR ?? path.join(os.homedir(), 'Thuisdossier-export');
}

/**
 * Export to Word and Excel (SPEC §2). Runs in the core, in the background: the call answers with
 * an id at once and progress arrives as `export.progress` events, so the window never waits.
 */
export function exportHandlers(services: CoreServices, licence: LicenceGate): HandlersFor<'export'> {
  const running = new Map<string, AbortController>();

  return {
    'export.start': async ({ kind, clientId }) => {
      const account = services.session.account();
      const dossiers = services.session.dossiers(); // refuses when signed out or locked
      if (!account) throw new CoreError('not_signed_in', 'Nobody has signed in on this device yet.');
      const user = services.store.directory.getUser(account.userId);
      const organisation = services.store.directory.getOrganisation(account.organisationId);
      const reader = new ExportReader(services.store.connection, account.userId, account.organisationId);
      const exportServices: ExportServices = {
        source: reader,
        rights: reader,
        licence,
        // Exported dossiers and refusals alike go to the access log (NEN 7513 action E).
        audit: accessLogExportAudit(dossiers.accessLog),
        actor: { userId: account.userId, userName: user?.displayName ?? account.displayName, organisationName: organisation?.name ?? '' },
      };
      // Checked here, before the export starts in the background, so the window hears a refusal at
      // once; each refusal is logged as a refused E.
      const fileKind = kind === 'dossier-docx' ? 'docx' : kind === 'all-xlsx' ? 'xlsx' : 'zip';
      const askedFor = fileNameFor(kind, undefined, new Date());
      await assertLicenceAllowsExport(exportServices, fileKind, askedFor, kind === 'dossier-docx' ? (clientId ?? null) : null);
      if (kind === 'dossier-docx') await assertMayExportDossier(exportServices, clientId as string, fileKind, askedFor);
      const dossierNumber = clientId ? (await reader.client(clientId))?.dossierNumber : undefined;
      if (kind === 'dossier-docx' && !dossierNumber) throw new CoreError('forbidden', 'You may not read this dossier, so you cannot export it.');
      const directory = exportDirectory();
      mkdirSync(directory, { recursive: true });
      const fileName = fileNameFor(kind, dossierNumber, new Date());
      const target = path.join(directory, fileName);
      const exportId = uuidv7();
      const controller = new AbortController();
      running.set(exportId, controller);
      const progress = (state: 'running' | 'done' | 'failed' | 'cancelled', fraction: number, step: string, extra: { filePath?: string; error?: unknown } = {}) =>
        services.events.emit('export.progress', {
          exportId,
          state,
          fraction,
          step,
          filePath: extra.filePath ?? null,
          error: extra.error === undefined ? null : (toIpcError(extra.error) ?? { code: 'internal', message: 'The export failed.' }),
        });
      const request = { target, signal: controller.signal, onProgress: (p: { fraction: number; step: string }) => progress('running', p.fraction, p.step) };
      const run =
        kind === 'dossier-docx'
          ? exportDossierToWord(exportServices, { ...request, clientId: clientId as string })
          : kind === 'all-docx-zip'
            ? exportAllDossiersToWordZip(exportServices, request)
            : exportAllDossiersToExcel(exportServices, request);
      void run.then(
        (result) => progress('done', 1, 'Klaar', { filePath: result.target }),
        (error: unknown) => {
          if (controller.signal.aborted) progress('cancelled', 0, 'Geannuleerd');
          else {
            services.log.error({ err: error, kind }, 'export failed');
            progress('failed', 0, 'Mislukt', { error });
          }
        },
      ).finally(() => running.delete(exportId));
      return { exportId, fileName };
    },
    'export.cancel': async ({ exportId }) => {
      const controller = running.get(exportId);
      controller?.abort();
      return { cancelled: controller !== undefined };
    },
  };
}

function fileNameFor(kind: ExportKind, dossierNumber: string | undefined, now: Date): string {
  const stamp = now.toISOString().slice(0, 16).replace('T', ' ').replace(':', '.');
  if (kind === 'dossier-docx') return dossierNumber ? `Dossier ${dossierNumber} ${stamp}.docx` : `Dossier ${stamp}.docx`;
  return kind === 'all-xlsx' ? `Alle dossiers ${stamp}.xlsx` : `Alle dossiers ${stamp}.zip`;
}
