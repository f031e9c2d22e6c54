import { and, eq, isNull } from 'drizzle-orm';
import { idSchema } from '../../shared/domain/common.js';
import { reportAccessInputSchema, type Report, type ReportAccessGrant, type ReportAccessInput } from '../../shared/domain/report.js';
import type { Actor } from './rights.js';
import { reportAccess, reports } from './schema.js';
import type { Scope } from './scope.js';
import { StoreError, type Refusal } from './store-error.js';
import { notFound, validate } from './validate.js';

/**
 * Per-report rights (report_access): which colleagues, besides the author, may read or edit one
 * report — for a restricted report the only way anyone else sees it. Managed by the report's
 * author or someone with sign-off rights on the dossier; seeing the list is managing it too, so
 * the same people may, and every look at it is an access-log entry on the client.
 */
export class ReportAccessRepository {
  constructor(private readonly scope: Scope) {}

  /** The colleagues who currently have rights on this report (a withdrawn grant is not listed). */
  list(reportId: string): ReportAccessGrant[] {
    validate(idSchema, reportId);
    return this.scope.read((actor) => {
      const report = this.requireManager(actor, reportId, { action: 'R', event: 'report.access.list' });
      const rows = this.scope.services.orm
        .select({ userId: reportAccess.userId, canRead: reportAccess.canRead, canEdit: reportAccess.canEdit })
        .from(reportAccess)
        .where(and(eq(reportAccess.reportId, reportId), isNull(reportAccess.deletedAt)))
        .all()
        .filter((row) => row.canRead || row.canEdit);
      this.scope.audit(actor, 'R', 'report.access.list', report.clientId, 'report', report.id, `${rows.length}`);
      return rows;
    });
  }

  /**
   * Grants, changes or (both rights false) withdraws one colleague's rights. A withdrawal keeps the
   * row with both rights off, like a dossier revoke: it syncs as a field change, and a later grant
   * simply switches them on again.
   */
  set(input: ReportAccessInput): void {
    const data = validate(reportAccessInputSchema, input);
    this.scope.transact((actor) => {
      const report = this.requireManager(actor, data.reportId, { action: 'U', event: 'report.access' });
      const { writer, orm } = this.scope.services;
      const existing = orm.select().from(reportAccess).where(and(eq(reportAccess.reportId, data.reportId), eq(reportAccess.userId, data.userId))).get();
      if (existing) {
        writer.update(reportAccess, existing, { canRead: data.canRead, canEdit: data.canEdit }, report.clientId);
      } else {
        writer.insert(
          reportAccess,
          actor.organisationId,
          { clientId: report.clientId, reportId: data.reportId, userId: data.userId, canRead: data.canRead, canEdit: data.canEdit },
          report.clientId,
        );
      }
      const rights = data.canRead || data.canEdit ? `${data.canRead ? 'r' : ''}${data.canEdit ? 'w' : ''}` : 'ingetrokken';
      this.scope.audit(actor, 'U', 'report.access', report.clientId, 'report', report.id, `${data.userId}:${rights}`);
    });
  }

  /** The report, if the actor may read it and is its author or may sign off in the dossier; else a logged refusal. */
  private requireManager(actor: Actor, reportId: string, what: Pick<Refusal, 'action' | 'event'>): Report {
    const report = this.scope.services.orm
      .select()
      .from(reports)
      .where(and(eq(reports.id, reportId), isNull(reports.deletedAt)))
      .get() as Report | undefined;
    if (!report || report.organisationId !== actor.organisationId) throw notFound('Deze rapportage');
    const refusal: Refusal = { ...what, clientId: report.clientId, objectType: 'report', objectId: report.id };
    const { rights } = this.scope.services;
    rights.requireReportRead(actor, report, refusal);
    if (report.authorId !== actor.userId && !rights.dossier(actor.userId, report.clientId).canSignOff) {
      throw new StoreError('forbidden', 'Alleen de auteur of iemand die mag aftekenen bepaalt wie deze rapportage ziet.', { refusal });
    }
    return report;
  }
}
