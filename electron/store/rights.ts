import { isAdministrator, type Role } from '../../shared/domain/user.js';
import type { DossierRights } from '../../shared/domain/dossier-access.js';
import type { SqliteDatabase } from './database.js';
import { StoreError, type Refusal } from './store-error.js';

/** The user a store call acts for, as loaded (and checked active) at the start of the call. */
export interface Actor {
  userId: string;
  organisationId: string;
  role: Role;
  displayName: string;
  onBehalfOf: string | null;
}

export type DossierNeed = 'read' | 'edit' | 'signOff';

/** The fields of a report that decide who may see and change it. */
export interface ReportGuardFields {
  id: string;
  clientId: string;
  authorId: string;
  visibility: 'dossier' | 'restricted';
  lockedAt: string | null;
  signedOffAt: string | null;
}

/**
 * Rights are decided by the central service and repeated here, on every call (SPEC §4):
 * - Clinical data needs dossier access (user × client: read / edit / sign-off). Roles never imply
 *   it: owners and admins manage users, access and settings, and must grant themselves dossier
 *   access to read one — a grant that is itself logged.
 * - A report with visibility "restricted" is readable only by its author and users named in its
 *   report access list; editing needs dossier edit and being the author or named with edit.
 * - A signed-off or locked report refuses every edit (record_locked); an addendum is the way on.
 */
export class Rights {
  private readonly dossierRow;
  private readonly reportAccessRow;

  constructor(db: SqliteDatabase) {
    this.dossierRow = db.prepare(
      'SELECT can_read, can_edit, can_sign_off FROM dossier_access WHERE client_id = ? AND user_id = ? AND deleted_at IS NULL',
    );
    this.reportAccessRow = db.prepare('SELECT can_read, can_edit FROM report_access WHERE report_id = ? AND user_id = ? AND deleted_at IS NULL');
  }

  dossier(userId: string, clientId: string): DossierRights {
    const row = this.dossierRow.get(clientId, userId) as { can_read: number; can_edit: number; can_sign_off: number } | undefined;
    if (!row) return { canRead: false, canEdit: false, canSignOff: false };
    return { canRead: row.can_read === 1, canEdit: row.can_edit === 1 && row.can_read === 1, canSignOff: row.can_sign_off === 1 && row.can_read === 1 };
  }

  requireDossier(actor: Actor, clientId: string, need: DossierNeed, refusal: Refusal): DossierRights {
    const rights = this.dossier(actor.userId, clientId);
    const allowed = need === 'read' ? rights.canRead : need === 'edit' ? rights.canEdit : rights.canSignOff;
    if (!allowed) {
      // Separable verbs: 'in te zien', 'af te tekenen'.
      const what = need === 'read' ? 'in te zien' : need === 'edit' ? 'te wijzigen' : 'af te tekenen';
      throw new StoreError('forbidden', `Je hebt geen recht om dit dossier ${what}. Vraag een beheerder om toegang.`, { refusal });
    }
    return rights;
  }

  requireAdministrator(actor: Actor, refusal: Refusal): void {
    if (!isAdministrator(actor.role)) {
      throw new StoreError('forbidden', 'Alleen een beheerder of de eigenaar van de organisatie mag dit.', { refusal });
    }
  }

  report(actor: Actor, report: ReportGuardFields): { canRead: boolean; canEdit: boolean } {
    const dossier = this.dossier(actor.userId, report.clientId);
    if (!dossier.canRead) return { canRead: false, canEdit: false };
    const isAuthor = report.authorId === actor.userId;
    const own = isAuthor ? undefined : (this.reportAccessRow.get(report.id, actor.userId) as { can_read: number; can_edit: number } | undefined);
    const canRead = report.visibility === 'dossier' || isAuthor || own?.can_read === 1;
    const canEdit = canRead && dossier.canEdit && (isAuthor || own?.can_edit === 1);
    return { canRead, canEdit };
  }

  requireReportRead(actor: Actor, report: ReportGuardFields, refusal: Refusal): void {
    if (!this.report(actor, report).canRead) {
      throw new StoreError('forbidden', 'Je hebt geen recht om deze rapportage in te zien.', { refusal });
    }
  }

  /** Edit rights and the lock, in that order: someone without rights learns nothing about the lock. */
  requireReportEdit(actor: Actor, report: ReportGuardFields, refusal: Refusal): void {
    if (!this.report(actor, report).canEdit) {
      throw new StoreError('forbidden', 'Je hebt geen recht om deze rapportage te wijzigen.', { refusal });
    }
    requireUnlockedReport(report, refusal);
  }
}

export function requireUnlockedReport(report: Pick<ReportGuardFields, 'lockedAt' | 'signedOffAt'>, refusal: Refusal): void {
  if (report.lockedAt) {
    throw new StoreError('record_locked', 'Deze rapportage is permanent vastgezet en kan niet meer worden gewijzigd. Voeg een aanvulling (addendum) toe.', {
      refusal,
    });
  }
  if (report.signedOffAt) {
    throw new StoreError('record_locked', 'Deze rapportage is afgetekend en kan niet meer worden gewijzigd. Voeg een aanvulling (addendum) toe.', {
      refusal,
    });
  }
}
