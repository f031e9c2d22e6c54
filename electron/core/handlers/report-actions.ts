import type { DossierRights } from '../../../shared/domain/dossier-access.js';
import type { Report } from '../../../shared/domain/report.js';

/**
 * What the reports screen offers for one report, as the store's rules have it (the store checks
 * again on every call). "Edit" only for the author with edit rights on a report that is neither
 * locked nor signed off: a closed report offers an addendum instead. A lock that arrives from
 * another device while the user types is still refused by the store, and that refusal keeps the
 * typed text for an addendum (SPEC §5).
 */
export function reportActions(
  report: Pick<Report, 'authorId' | 'lockedAt' | 'signedOffAt'>,
  rights: DossierRights | null,
  userId: string | null,
): { mayEdit: boolean; mayManageAccess: boolean } {
  const isAuthor = userId !== null && report.authorId === userId;
  const closed = Boolean(report.lockedAt || report.signedOffAt);
  return {
    mayEdit: Boolean(rights?.canEdit) && isAuthor && !closed,
    mayManageAccess: Boolean(rights?.canSignOff) || isAuthor,
  };
}
