import os from 'node:os';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import type { ExportKind } from '../../../shared/ipc/calls/export.js';
import { exportAllDossiersToExcel } from '../../export/excel/excel-export.js';
import type { ExportServices } from '../../export/export-run.js';
import { exportAllDossiersToWordZip, exportDossierToWord } from '../../export/word/word-export.js';
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
      await licence.assertCanExport();
      const user = services.store.directory.getUser(account.userId);
      const organisation = services.store.directory.getOrganisation(account.organisationId);
      const reader = new ExportReader(services.store.connection, account.userId, account.organisationId);
      const exportServices: ExportServices = {
        source: reader,
        rights: reader,
        licence,
        audit: (entries) => {
          const exported = entries.filter((entry) => entry.outcome === 'success' && entry.clientId !== null);
          if (exported.length > 0) dossiers.accessLog.recordExport(exported.map((entry) => entry.clientId as string), exported[0]!.fileKind);
        },
        actor: { userId: account.userId, userName: user?.displayName ?? account.displayName, organisationName: organisation?.name ?? '' },
      };
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
  if (kind === 'dossier-docx') return `Dossier ${dossierNumber} ${stamp}.docx`;
  return kind === 'all-xlsx' ? `Alle dossiers ${stamp}.xlsx` : `Alle dossiers ${stamp}.zip`;
}
