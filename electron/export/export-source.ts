import type {
  Allocation,
  Appointment,
  Client,
  Contact,
  DossierDocument,
  Report,
  TimeRegistration,
} from '../../shared/domain/index.js';

/**
 * Where exports read from. The encrypted store implements it; exports never see SQL. Every method
 * streams (async iterables), so an organisation of any size exports in bounded memory. Records are
 * the live ones (no soft-deleted rows), ordered as a reader expects: clients by last name, reports
 * and appointments by time.
 */
export interface ExportSource {
  /** How many clients `clients()` yields, for progress only. */
  countClients(): Promise<number>;
  clients(): AsyncIterable<Client>;
  client(clientId: string): Promise<Client | null>;
  contactsOf(clientId: string): AsyncIterable<Contact>;
  /** Reports and their addenda (`addendumOf`), oldest first. */
  reportsOf(clientId: string): AsyncIterable<Report>;
  /** Appointments with this client among their `clientIds`, oldest first. */
  appointmentsOf(clientId: string): AsyncIterable<Appointment>;
  allocationsOf(clientId: string): AsyncIterable<Allocation>;
  timeRegistrationsOf(clientId: string): AsyncIterable<TimeRegistration>;
  documentsOf(clientId: string): AsyncIterable<DossierDocument>;
  /** Display names of the organisation's users (authors, practitioners); a small map. */
  userNames(): Promise<ReadonlyMap<string, string>>;
}

/**
 * The user's rights, repeated on the device (SPEC.md §4). A dossier the user may not read is never
 * exported, and neither is a restricted report they may not read.
 */
export interface ExportRights {
  mayReadDossier(clientId: string): boolean | Promise<boolean>;
  mayReadReport(report: Report): boolean | Promise<boolean>;
}

export type ExportFileKind = 'docx' | 'xlsx' | 'zip';

/** One line for the access log (NEN 7513 action E), per exported or refused dossier. */
export interface ExportAuditEntry {
  action: 'E';
  /** null when the whole export was refused before any dossier was chosen (e.g. licence blocked). */
  clientId: string | null;
  fileKind: ExportFileKind;
  /** The file's name, without the folder: the folder may itself tell something about the user. */
  fileName: string;
  outcome: 'success' | 'refused';
  reason: string | null;
}

/**
 * Records export entries in the access log. Called once per export with all its entries, so the
 * store can write them in one transaction (all or nothing), e.g. AccessLogService.recordExport.
 * Successful entries are recorded after the file is complete and before it gets its name: if
 * recording fails, the file is removed, so no export exists that the log does not know of.
 */
export type ExportAudit = (entries: readonly ExportAuditEntry[]) => void | Promise<void>;

/** Who exports, for the title page and the log. */
export interface ExportActor {
  userId: string;
  userName: string;
  organisationName: string;
}
