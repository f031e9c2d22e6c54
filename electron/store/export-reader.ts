import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Allocation, Appointment, Client, Contact, DossierDocument, Report, TimeRegistration } from '../../shared/domain/index.js';
import type { SqliteDatabase } from './database.js';
import { createOrm } from './orm.js';
import { Rights } from './rights.js';
import { allocations, appointments, clients, contacts, documents, reports, timeRegistrations, users } from './schema.js';

/**
 * What an export reads: every live record of the dossiers one user may read, in reading order.
 * It bypasses the repositories on purpose: those log an R entry per read, while an export is one
 * E entry per dossier (written by the export itself). Rights are still decided here and by the
 * export's own guard; this reader only ever lists dossiers the user can read.
 * The shape matches electron/export's ExportSource and ExportRights (structurally, no import).
 */
export class ExportReader {
  private readonly orm;
  private readonly rights: Rights;
  private readonly reportAccessRow;

  constructor(
    db: SqliteDatabase,
    private readonly userId: string,
    private readonly organisationId: string,
  ) {
    this.orm = createOrm(db);
    this.rights = new Rights(db);
    this.reportAccessRow = db.prepare('SELECT can_read FROM report_access WHERE report_id = ? AND user_id = ? AND deleted_at IS NULL');
  }

  mayReadDossier(clientId: string): boolean {
    return this.rights.dossier(this.userId, clientId).canRead;
  }

  mayReadReport(report: Report): boolean {
    if (!this.mayReadDossier(report.clientId)) return false;
    if (report.visibility === 'dossier' || report.authorId === this.userId) return true;
    const row = this.reportAccessRow.get(report.id, this.userId) as { can_read: number } | undefined;
    return row?.can_read === 1;
  }

  async countClients(): Promise<number> {
    return this.readableClients().length;
  }

  async *clients(): AsyncIterable<Client> {
    yield* this.readableClients();
  }

  async client(clientId: string): Promise<Client | null> {
    const row = this.orm
      .select()
      .from(clients)
      .where(and(eq(clients.id, clientId), eq(clients.organisationId, this.organisationId), isNull(clients.deletedAt)))
      .get() as Client | undefined;
    return row && this.mayReadDossier(row.id) ? row : null;
  }

  async *contactsOf(clientId: string): AsyncIterable<Contact> {
    yield* this.orm.select().from(contacts).where(and(eq(contacts.clientId, clientId), isNull(contacts.deletedAt))).orderBy(asc(contacts.name)).all() as Contact[];
  }

  async *reportsOf(clientId: string): AsyncIterable<Report> {
    yield* this.orm
      .select()
      .from(reports)
      .where(and(eq(reports.clientId, clientId), isNull(reports.deletedAt)))
      .orderBy(asc(reports.occurredAt), asc(reports.id))
      .all() as Report[];
  }

  async *appointmentsOf(clientId: string): AsyncIterable<Appointment> {
    yield* this.orm
      .select()
      .from(appointments)
      .where(and(isNull(appointments.deletedAt), sql`EXISTS (SELECT 1 FROM json_each(${appointments.clientIds}) WHERE value = ${clientId})`))
      .orderBy(asc(appointments.startsAt))
      .all() as Appointment[];
  }

  async *allocationsOf(clientId: string): AsyncIterable<Allocation> {
    yield* this.orm.select().from(allocations).where(and(eq(allocations.clientId, clientId), isNull(allocations.deletedAt))).orderBy(asc(allocations.startDate)).all() as Allocation[];
  }

  async *timeRegistrationsOf(clientId: string): AsyncIterable<TimeRegistration> {
    yield* this.orm
      .select()
      .from(timeRegistrations)
      .where(and(eq(timeRegistrations.clientId, clientId), isNull(timeRegistrations.deletedAt)))
      .orderBy(asc(timeRegistrations.date))
      .all() as TimeRegistration[];
  }

  async *documentsOf(clientId: string): AsyncIterable<DossierDocument> {
    yield* this.orm.select().from(documents).where(and(eq(documents.clientId, clientId), isNull(documents.deletedAt))).all() as DossierDocument[];
  }

  async userNames(): Promise<ReadonlyMap<string, string>> {
    const rows = this.orm.select({ id: users.id, name: users.displayName }).from(users).where(eq(users.organisationId, this.organisationId)).all();
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  private readableClients(): Client[] {
    const rows = this.orm
      .select()
      .from(clients)
      .where(and(eq(clients.organisationId, this.organisationId), isNull(clients.deletedAt)))
      .orderBy(asc(clients.lastName), asc(clients.firstName))
      .all() as Client[];
    return rows.filter((row) => this.mayReadDossier(row.id));
  }
}
