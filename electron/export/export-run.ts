import path from 'node:path';
import type { LicenceDecision } from '../licence/evaluate-licence.js';
import { LicenceError } from '../licence/licence-error.js';
import { writeAtomically } from './atomic-output.js';
import { ExportError } from './export-error.js';
import type { ExportActor, ExportAudit, ExportFileKind, ExportRights, ExportSource } from './export-source.js';

/** The licence as an export sees it: LicenceService provides exactly this. */
export interface ExportLicence {
  assertCanExport(): Promise<LicenceDecision>;
}

export interface ExportProgress {
  /** 0 … 1. */
  fraction: number;
  /** Dutch text for the progress bar, e.g. "Rapportages: 120 van 400 dossiers". */
  step: string;
}

/** What the core injects once; the same for every export. */
export interface ExportServices {
  source: ExportSource;
  licence: ExportLicence;
  rights: ExportRights;
  audit: ExportAudit;
  actor: ExportActor;
  now?: () => Date;
}

/** What the user asks for, per export. */
export interface ExportRequest {
  /** Full path of the file to write; it appears only when the export is complete. */
  target: string;
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
}

export interface ExportResult {
  target: string;
  clientIds: string[];
}

/**
 * The frame every export runs in: licence first (a refused export is logged, with no dossier),
 * then the file is written beside the target, each exported dossier is logged as E, and only then
 * the file gets its name.
 */
export async function runExport(
  services: ExportServices,
  request: ExportRequest,
  fileKind: ExportFileKind,
  write: (tempPath: string) => Promise<string[]>,
): Promise<ExportResult> {
  // The target comes from the save dialog in main; a relative path would land wherever the core's
  // working directory happens to be.
  if (!path.isAbsolute(request.target)) throw new ExportError('invalid_input', 'The export target must be an absolute path');
  await assertLicenceAllowsExport(services, fileKind, request.target, null);
  const fileName = path.basename(request.target);
  const clientIds = await writeAtomically(request.target, request.signal, write, async (exported) => {
    await services.audit(exported.map((clientId) => ({ action: 'E', clientId, fileKind, fileName, outcome: 'success', reason: null })));
  });
  return { target: request.target, clientIds };
}

/**
 * Refuses, and logs the refusal (E, refused, with the licence's reason), when the lease does not
 * allow exports. `clientId`: the dossier asked for, or null for all dossiers.
 */
export async function assertLicenceAllowsExport(services: ExportServices, fileKind: ExportFileKind, target: string, clientId: string | null): Promise<void> {
  try {
    await services.licence.assertCanExport();
  } catch (error) {
    if (error instanceof LicenceError) {
      await services.audit([{ action: 'E', clientId, fileKind, fileName: path.basename(target), outcome: 'refused', reason: error.decision.reason }]);
    }
    throw error;
  }
}

/** Refuses, and logs the refusal, when the user asks for a dossier they may not read. */
export async function assertMayExportDossier(services: ExportServices, clientId: string, fileKind: ExportFileKind, target: string) {
  if (await services.rights.mayReadDossier(clientId)) return;
  await services.audit([{ action: 'E', clientId, fileKind, fileName: path.basename(target), outcome: 'refused', reason: 'no-dossier-access' }]);
  throw new ExportError('forbidden', 'You may not read this dossier, so you cannot export it');
}

/** The clients the user may read, in the source's order, streamed. */
export async function* visibleClients(services: ExportServices) {
  for await (const client of services.source.clients()) {
    if (await services.rights.mayReadDossier(client.id)) yield client;
  }
}

export function reportProgress(request: ExportRequest, fraction: number, step: string): void {
  request.onProgress?.({ fraction: Math.min(1, Math.max(0, fraction)), step });
}
