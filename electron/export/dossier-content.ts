import type {
  Allocation,
  Appointment,
  Client,
  Contact,
  DossierDocument,
  Report,
  TimeRegistration,
} from '../../shared/domain/index.js';
import { throwIfCancelled } from './export-error.js';
import type { ExportRights, ExportSource } from './export-source.js';

/** Everything of one dossier that goes into its Word document. */
export interface DossierContent {
  client: Client;
  contacts: Contact[];
  reports: Report[];
  appointments: Appointment[];
  allocations: Allocation[];
  timeRegistrations: TimeRegistration[];
  documents: DossierDocument[];
}

/**
 * Reads one dossier into memory: a Word document is built whole anyway, and one dossier — even
 * with thousands of reports — is a few megabytes. Reports the user may not read are left out.
 */
export async function collectDossier(
  source: ExportSource,
  rights: ExportRights,
  client: Client,
  signal: AbortSignal | undefined,
): Promise<DossierContent> {
  const reports: Report[] = [];
  for await (const report of source.reportsOf(client.id)) {
    if (reports.length % 500 === 0) throwIfCancelled(signal);
    if (await rights.mayReadReport(report)) reports.push(report);
  }
  throwIfCancelled(signal);
  return {
    client,
    contacts: await collect(source.contactsOf(client.id)),
    reports,
    appointments: await collect(source.appointmentsOf(client.id)),
    allocations: await collect(source.allocationsOf(client.id)),
    timeRegistrations: await collect(source.timeRegistrationsOf(client.id)),
    documents: await collect(source.documentsOf(client.id)),
  };
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
