import { uuidSchema, type Mutation } from '../../shared/sync/protocol.js';
import { valueOf } from '../../shared/sync/row-state.js';
import { lockFields, syncTables, type SyncTableName } from '../../shared/sync/tables.js';
import type { RightsReader } from './rights.js';
import type { StoredRow } from './rowStore.js';

export interface Writer {
  organisationId: string;
  userId: string;
  role: 'owner' | 'admin' | 'practitioner';
}

/**
 * May this user make this change? Decided before the merge (docs/sync.md "Push (hub)"), from the
 * rights projection and the rights fields of the row, mirroring the device's rules
 * (electron/store/rights.ts). Returns why not, or null. Never reads other field values.
 */
export type RowLookup = (table: SyncTableName, rowId: string) => Promise<StoredRow | null>;

export async function authoriseWrite(lookup: RowLookup, writer: Writer, mutation: Mutation, current: StoredRow | null, rights: RightsReader): Promise<string | null> {
  if (mutation.organisationId !== writer.organisationId) return 'the change names another organisation';
  const spec = syncTables[mutation.table];
  if (spec.direction === 'pull-only') return null; // the merge refuses it: read_only_table
  // An update of a row the hub does not have is refused by the merge (row_missing).
  if (current === null && mutation.op !== 'insert') return null;
  const isAdmin = writer.role === 'owner' || writer.role === 'admin';
  const newValue = (field: string) => mutation.changes.find((change) => change.field === field)?.value;
  const changes = (field: string) => mutation.changes.some((change) => change.field === field);

  // The registry says whose writes (and deletions or restores) the hub accepts: administrators'
  // tables need no dossier right; the one exception is a dossier creator's own first grant.
  const who = changes('deletedAt') ? spec.deleters : spec.writers;
  if (who === 'administrators' && mutation.table !== 'dossier_access') {
    return isAdmin ? null : `only an administrator ${changes('deletedAt') ? 'deletes or restores' : 'changes'} ${mutation.table} rows`;
  }

  switch (mutation.table) {
    case 'clients': {
      if (mutation.clientId !== null && mutation.clientId !== mutation.rowId) return null; // scope_mismatch from the merge
      if (current === null) return null; // anyone active may open a new dossier; its creator grants themselves access
      return (await rights.dossier(mutation.rowId)).canEdit ? null : 'no edit right on this dossier';
    }
    case 'dossier_access': {
      if (isAdmin) return null;
      // The creator of a dossier may give themselves read and edit (not sign-off) once, as the store does.
      const grantsSelf = current === null && mutation.op === 'insert' && newValue('userId') === writer.userId && newValue('canSignOff') !== true;
      if (!grantsSelf || mutation.clientId === null) return 'only an administrator changes dossier access';
      const client = await lookup('clients', mutation.clientId);
      const existing = await rights.dossier(mutation.clientId);
      if (client?.createdBy !== writer.userId || existing.canRead) return 'only an administrator changes dossier access';
      return null;
    }
    case 'appointments': {
      const clientIds = new Set([...(current?.clientIds ?? []), ...idList(newValue('clientIds'))]);
      for (const clientId of clientIds) if (!(await rights.dossier(clientId)).canEdit) return 'no edit right on a dossier of this appointment';
      const practitioners = current ? current.practitionerIds : idList(newValue('practitionerIds'));
      if (!isAdmin && !practitioners.includes(writer.userId)) return 'only a practitioner of this appointment changes it';
      return null;
    }
    default:
      break;
  }

  // Dossier-scoped tables.
  if (mutation.clientId === null) return null; // scope_mismatch from the merge
  const dossier = await rights.dossier(mutation.clientId);

  if (mutation.table === 'time_registrations') {
    const onlyDeclares = mutation.changes.every((change) => change.field === 'declaredAt');
    if (onlyDeclares) return isAdmin ? null : 'only an administrator declares time';
    if (changes('declaredAt') && !isAdmin) return 'only an administrator declares time';
    if (!dossier.canEdit) return 'no edit right on this dossier';
    const owner = current ? current.ownerUserId : newValue('userId');
    return owner === writer.userId || isAdmin ? null : 'time is registered and changed by its writer';
  }
  if (!dossier.canEdit) return 'no edit right on this dossier';

  if (mutation.table === 'reports') {
    if (current === null) return newValue('authorId') === writer.userId ? null : 'a report is written in its author’s own name';
    const isAuthor = current.ownerUserId === writer.userId;
    const named = await rights.report(mutation.rowId);
    const signs = changes('signedOffAt') || changes('signedOffBy');
    const locks = changes('lockedAt') || changes('lockedBy');
    if (signs && !dossier.canSignOff) return 'no sign-off right on this dossier';
    if (locks && !isAuthor && !dossier.canSignOff) return 'only the author or a user with sign-off right locks a report';
    const contentChange = mutation.changes.some((change) => !lockFields('reports').includes(change.field));
    if (contentChange && !isAuthor && named?.canEdit !== true) return 'only the author or a user named with edit right changes this report';
    return null;
  }
  if (mutation.table === 'report_access') {
    const reportId = current ? valueOf(current.row, 'reportId') : newValue('reportId');
    if (!isUuid(reportId)) return 'the access row names no report';
    if (isAdmin) return null;
    const report = await lookup('reports', reportId);
    if (report && report.row.clientId !== mutation.clientId) return 'the report belongs to another dossier';
    return report?.ownerUserId === writer.userId ? null : 'only the author of a report names who may see it';
  }
  return null;
}

export function isUuid(value: unknown): value is string {
  return uuidSchema.safeParse(value).success;
}

function idList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter(isUuid).map((id) => id.toLowerCase()) : [];
}
