import { and, desc, eq, isNull, lt } from 'drizzle-orm';
import { idSchema } from '../../shared/domain/common.js';
import {
  addendumCreateSchema,
  reportCreateSchema,
  reportUpdateSchema,
  type AddendumCreate,
  type Report,
  type ReportCreate,
  type ReportUpdate,
} from '../../shared/domain/report.js';
import type { ClientGuard } from './client-guard.js';
import { prepareCached } from './database.js';
import { requireUnlockedReport, type Actor } from './rights.js';
import { reports } from './schema.js';
import type { Scope } from './scope.js';
import { StoreError, type Refusal } from './store-error.js';
import { notFound, validate } from './validate.js';

export interface ReportListOptions {
  /** Newest first; pass the last item's occurredAt to page on. */
  before?: string;
  limit?: number;
}

/**
 * Reports (rapportages): written by a user with edit access to the dossier, read according to
 * dossier access and the report's own visibility; signed off by a user with sign-off rights;
 * locked ("permanent vastzetten") by its author or a signer, after which it never changes —
 * corrections go in an addendum, itself a report that points at the one it amends.
 */
export class ReportRepository {
  constructor(
    private readonly scope: Scope,
    private readonly clients: ClientGuard,
  ) {}

  create(input: ReportCreate): Report {
    const data = validate(reportCreateSchema, input);
    return this.scope.transact((actor) => {
      this.clients.require(actor, data.clientId, 'edit', 'report.create', 'C');
      const { id: requestedId, ...fields } = data;
      const { id } = this.scope.services.writer.insert(
        reports,
        actor.organisationId,
        { ...fields, authorId: actor.userId, addendumOf: null, signedOffBy: null, signedOffAt: null, lockedBy: null, lockedAt: null },
        data.clientId,
        requestedId,
      );
      this.scope.audit(actor, 'C', 'report.create', data.clientId, 'report', id);
      return this.load(id)!;
    });
  }

  get(reportId: string): Report {
    validate(idSchema, reportId);
    return this.scope.read((actor) => {
      const report = this.requireReport(actor, reportId);
      this.scope.services.rights.requireReportRead(actor, report, refusalFor('R', 'report.read', report));
      this.scope.audit(actor, 'R', 'report.read', report.clientId, 'report', report.id);
      return report;
    });
  }

  /** The reports of one dossier this user may see, newest first; one access-log entry for the list. */
  listForClient(clientId: string, options: ReportListOptions = {}): Report[] {
    validate(idSchema, clientId);
    const limit = Math.min(Math.max(options.limit ?? 50, 1), 500);
    return this.scope.read((actor) => {
      this.clients.require(actor, clientId, 'read', 'report.list', 'R');
      const { orm, db } = this.scope.services;
      const conditions = [eq(reports.clientId, clientId), isNull(reports.deletedAt)];
      if (options.before) conditions.push(lt(reports.occurredAt, options.before));
      // Dossier read access is established above; what remains per report is its own visibility.
      const namedReader = new Set(
        prepareCached(db, 'SELECT report_id FROM report_access WHERE client_id = ? AND user_id = ? AND can_read = 1 AND deleted_at IS NULL')
          .pluck()
          .all(clientId, actor.userId) as string[],
      );
      const mayRead = (r: Report) => r.visibility === 'dossier' || r.authorId === actor.userId || namedReader.has(r.id);
      const visible: Report[] = [];
      // Over-fetch and filter: restricted reports are rare, so one more page is almost never needed.
      let offset = 0;
      while (visible.length < limit) {
        const page = orm.select().from(reports).where(and(...conditions)).orderBy(desc(reports.occurredAt), desc(reports.id)).limit(limit).offset(offset).all() as Report[];
        for (const report of page) if (visible.length < limit && mayRead(report)) visible.push(report);
        if (page.length < limit) break;
        offset += limit;
      }
      this.scope.audit(actor, 'R', 'report.list', clientId, 'report-list', null, `${visible.length}`);
      return visible;
    });
  }

  update(reportId: string, patch: ReportUpdate): Report {
    validate(idSchema, reportId);
    const data = validate(reportUpdateSchema, patch);
    return this.scope.transact((actor) => {
      const report = this.requireReport(actor, reportId);
      this.scope.services.rights.requireReportEdit(actor, report, refusalFor('U', 'report.update', report));
      const { changes } = this.scope.services.writer.update(reports, report, data, report.clientId);
      if (Object.keys(changes).length > 0) this.scope.audit(actor, 'U', 'report.update', report.clientId, 'report', report.id, Object.keys(changes).join(','));
      return this.load(reportId)!;
    });
  }

  signOff(reportId: string): Report {
    validate(idSchema, reportId);
    return this.scope.transact((actor) => {
      const report = this.requireReport(actor, reportId);
      const refusal = refusalFor('U', 'report.signOff', report);
      this.scope.services.rights.requireReportRead(actor, report, refusal);
      this.scope.services.rights.requireDossier(actor, report.clientId, 'signOff', refusal);
      requireUnlockedReport(report, refusal);
      this.scope.services.writer.update(reports, report, { signedOffBy: actor.userId, signedOffAt: this.now() }, report.clientId);
      this.scope.audit(actor, 'U', 'report.signOff', report.clientId, 'report', report.id);
      return this.load(reportId)!;
    });
  }

  /** Permanent: there is no unlock. The author or a user with sign-off rights may lock. */
  lock(reportId: string): Report {
    validate(idSchema, reportId);
    return this.scope.transact((actor) => {
      const report = this.requireReport(actor, reportId);
      const refusal = refusalFor('U', 'report.lock', report);
      const { rights } = this.scope.services;
      rights.requireReportRead(actor, report, refusal);
      const dossier = rights.dossier(actor.userId, report.clientId);
      if (!(dossier.canSignOff || (report.authorId === actor.userId && dossier.canEdit))) {
        throw new StoreError('forbidden', 'Alleen de auteur of iemand die mag aftekenen kan een rapportage vastzetten.', { refusal });
      }
      if (report.lockedAt) throw new StoreError('record_locked', 'Deze rapportage is al permanent vastgezet.', { refusal });
      this.scope.services.writer.update(reports, report, { lockedBy: actor.userId, lockedAt: this.now() }, report.clientId);
      this.scope.audit(actor, 'U', 'report.lock', report.clientId, 'report', report.id);
      return this.load(reportId)!;
    });
  }

  /** An addendum to any report the user may read, in a dossier they may edit; it inherits category and visibility. */
  addAddendum(input: AddendumCreate): Report {
    const data = validate(addendumCreateSchema, input);
    return this.scope.transact((actor) => {
      const parent = this.requireReport(actor, data.reportId);
      const refusal = refusalFor('C', 'report.addendum', parent);
      this.scope.services.rights.requireReportRead(actor, parent, refusal);
      this.scope.services.rights.requireDossier(actor, parent.clientId, 'edit', refusal);
      const { id } = this.scope.services.writer.insert(
        reports,
        actor.organisationId,
        {
          clientId: parent.clientId,
          kind: parent.kind,
          occurredAt: data.occurredAt ?? this.now(),
          authorId: actor.userId,
          category: parent.category,
          body: data.body,
          visibility: parent.visibility,
          addendumOf: parent.addendumOf ?? parent.id,
          signedOffBy: null,
          signedOffAt: null,
          lockedBy: null,
          lockedAt: null,
        },
        parent.clientId,
        data.id,
      );
      this.scope.audit(actor, 'C', 'report.addendum', parent.clientId, 'report', id, `addendum bij ${parent.id}`);
      return this.load(id)!;
    });
  }

  addenda(reportId: string): Report[] {
    validate(idSchema, reportId);
    return this.scope.read((actor) => {
      const parent = this.requireReport(actor, reportId);
      this.scope.services.rights.requireReportRead(actor, parent, refusalFor('R', 'report.read', parent));
      const rows = this.scope.services.orm
        .select()
        .from(reports)
        .where(and(eq(reports.addendumOf, reportId), isNull(reports.deletedAt)))
        .orderBy(reports.occurredAt)
        .all() as Report[];
      const visible = rows.filter((r) => this.scope.services.rights.report(actor, r).canRead);
      this.scope.audit(actor, 'R', 'report.addenda', parent.clientId, 'report', parent.id, `${visible.length}`);
      return visible;
    });
  }

  /** Soft delete of a report that is neither signed off nor locked, by someone who may edit it. */
  delete(reportId: string): void {
    validate(idSchema, reportId);
    this.scope.transact((actor) => {
      const report = this.requireReport(actor, reportId);
      this.scope.services.rights.requireReportEdit(actor, report, refusalFor('D', 'report.delete', report));
      this.scope.services.writer.softDelete(reports, report, report.clientId);
      this.scope.audit(actor, 'D', 'report.delete', report.clientId, 'report', report.id);
    });
  }

  private requireReport(actor: Actor, reportId: string): Report {
    const report = this.load(reportId);
    if (!report || report.organisationId !== actor.organisationId) throw notFound('Deze rapportage');
    return report;
  }

  private load(reportId: string): Report | undefined {
    return this.scope.services.orm
      .select()
      .from(reports)
      .where(and(eq(reports.id, reportId), isNull(reports.deletedAt)))
      .get() as Report | undefined;
  }

  private now(): string {
    return this.scope.services.now().toISOString();
  }
}

function refusalFor(action: Refusal['action'], event: string, report: Report): Refusal {
  return { action, event, clientId: report.clientId, objectType: 'report', objectId: report.id };
}
