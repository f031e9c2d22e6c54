/**
 * The registry of syncable tables: which tables sync, and for every field how the hub merges it.
 *
 * The hub classifies fields from this table, never from what a device declares: a device that
 * claimed "structured" for a report body could otherwise make its edit silently win. Field names
 * are the domain (camelCase) names of shared/domain and of the store's outbox; table names are the
 * store's SQL table names (electron/store/schema.ts), which is what the outbox records.
 *
 * Merge classes (docs/sync.md "Merge rules"):
 * - `structured`: last writer wins by HLC; the losing value goes to the field's history.
 * - `narrative`: clinical free text. A change made without having seen the current server version
 *   becomes a conflict that keeps both versions until a person chooses; never overwritten.
 * - `immutable`: set when the row is created, never changed (ids that decide rights, authorship).
 * - `lock`: set once (null → value), never changed back; while any lock field of a row is set, the
 *   row's other fields and its deletion are refused (`record_locked`). Lock fields are read by the
 *   hub, so they stay plaintext in a future end-to-end encrypted mode.
 *
 * `deletedAt` is not listed per table: it is the tombstone of every syncable table (see
 * `tombstoneField`), with its own rules in merge.ts.
 */
export type MergeClass = 'structured' | 'narrative' | 'immutable' | 'lock';

/**
 * Who may write a table through sync. `pull-only` tables (the organisation, its users) change
 * through the online admin API only: they hold accounts, passwords and plan seats.
 */
export type SyncDirection = 'both' | 'pull-only';

/**
 * Whose writes the hub accepts, re-checking what the device's store already enforces
 * (electron/store/rights.ts): `editors` — users with edit rights on the row's dossier (sign-off
 * needs the sign-off right); `administrators` — owners and administrators of the organisation.
 */
export type SyncWriters = 'editors' | 'administrators';

export interface SyncTableSpec {
  readonly name: SyncTableName;
  readonly direction: SyncDirection;
  /** The row belongs to one dossier: the mutation's clientId must be set and equal the row's `clientId`. */
  readonly clientScoped: boolean;
  /** Deleting (tombstoning) a row through sync is allowed. */
  readonly deletable: boolean;
  readonly writers: SyncWriters;
  /** Who may delete, when not the same as `writers` (a dossier is deleted by administrators only). */
  readonly deleters: SyncWriters;
  readonly fields: Readonly<Record<string, MergeClass>>;
}

/** The soft-delete field every syncable row has; its clock lives in `fieldClocks.deletedAt` like any field. */
export const tombstoneField = 'deletedAt';

export const syncTableNames = [
  'organisations',
  'users',
  'clients',
  'contacts',
  'reports',
  'report_access',
  'appointments',
  'allocations',
  'time_registrations',
  'documents',
  'dossier_access',
  'settings',
] as const;
export type SyncTableName = (typeof syncTableNames)[number];

const S = 'structured';
const N = 'narrative';
const I = 'immutable';
const L = 'lock';

export const syncTables: Readonly<Record<SyncTableName, SyncTableSpec>> = {
  organisations: {
    name: 'organisations',
    direction: 'pull-only',
    clientScoped: false,
    deletable: false,
    writers: 'administrators',
    deleters: 'administrators',
    fields: { name: S, autoLockMinutes: S, requireTwoFactor: S },
  },
  users: {
    name: 'users',
    direction: 'pull-only',
    clientScoped: false,
    deletable: false,
    writers: 'administrators',
    deleters: 'administrators',
    fields: { email: S, displayName: S, role: S, status: S },
  },
  clients: {
    name: 'clients',
    direction: 'both',
    clientScoped: false,
    // Soft delete by administrators (electron/store/clients.ts); retention rules decide on the hub
    // when a dossier is really erased.
    deletable: true,
    writers: 'editors',
    deleters: 'administrators',
    fields: {
      dossierNumber: S,
      firstName: S,
      infix: S,
      lastName: S,
      birthDate: S,
      bsn: S,
      street: S,
      houseNumber: S,
      houseNumberAddition: S,
      postcode: S,
      city: S,
      phone: S,
      email: S,
      gpName: S,
      insurer: S,
      status: S,
      careStartDate: S,
      careEndDate: S,
    },
  },
  contacts: {
    name: 'contacts',
    direction: 'both',
    clientScoped: true,
    deletable: true,
    writers: 'editors',
    deleters: 'editors',
    fields: { clientId: I, relation: S, name: S, organisationName: S, phone: S, email: S, note: N },
  },
  reports: {
    name: 'reports',
    direction: 'both',
    clientScoped: true,
    deletable: true,
    writers: 'editors',
    deleters: 'editors',
    fields: {
      clientId: I,
      kind: I,
      authorId: I,
      addendumOf: I,
      occurredAt: S,
      category: S,
      visibility: S,
      body: N,
      // Sign-off and locking both freeze the text: "Locked/signed records reject later edits" (SPEC §5).
      // A signed report can still be locked afterwards: an unset lock field may be set.
      signedOffBy: L,
      signedOffAt: L,
      lockedBy: L,
      lockedAt: L,
    },
  },
  report_access: {
    name: 'report_access',
    direction: 'both',
    clientScoped: true,
    deletable: true,
    writers: 'editors',
    deleters: 'editors',
    fields: { clientId: I, reportId: I, userId: I, canRead: S, canEdit: S },
  },
  appointments: {
    name: 'appointments',
    direction: 'both',
    // Several clients (or none) per appointment: rights come from clientIds, checked by the hub.
    clientScoped: false,
    deletable: true,
    writers: 'editors',
    deleters: 'editors',
    fields: {
      title: S,
      startsAt: S,
      endsAt: S,
      location: S,
      notes: N,
      practitionerIds: S,
      clientIds: S,
      lockedAt: L,
    },
  },
  allocations: {
    name: 'allocations',
    direction: 'both',
    clientScoped: true,
    deletable: true,
    writers: 'editors',
    deleters: 'editors',
    fields: {
      clientId: I,
      law: S,
      productCode: S,
      productName: S,
      unit: S,
      volume: S,
      startDate: S,
      endDate: S,
    },
  },
  time_registrations: {
    name: 'time_registrations',
    direction: 'both',
    clientScoped: true,
    deletable: true,
    writers: 'editors',
    deleters: 'editors',
    fields: {
      clientId: I,
      userId: I,
      allocationId: S,
      date: S,
      amount: S,
      unit: S,
      appointmentId: S,
      note: N,
      // Declared to the municipality or insurer: from then on the registration is what was billed.
      declaredAt: L,
    },
  },
  documents: {
    name: 'documents',
    direction: 'both',
    clientScoped: true,
    deletable: true,
    writers: 'editors',
    deleters: 'editors',
    fields: {
      clientId: I,
      // A document's content never changes: a new file is a new document (content-addressed).
      contentHash: I,
      sizeBytes: I,
      mimeType: I,
      uploadedBy: I,
      fileName: S,
      description: N,
    },
  },
  // Grants by administrators; the one exception the hub must allow is the grant the store writes for
  // the creator of a new dossier, in the same push as that dossier's insert (electron/store/clients.ts).
  dossier_access: {
    name: 'dossier_access',
    direction: 'both',
    clientScoped: true,
    deletable: true,
    writers: 'administrators',
    deleters: 'administrators',
    fields: { clientId: I, userId: I, canRead: S, canEdit: S, canSignOff: S },
  },
  settings: {
    name: 'settings',
    direction: 'both',
    clientScoped: false,
    deletable: true,
    writers: 'administrators',
    deleters: 'administrators',
    fields: { key: I, value: S },
  },
};

export function isSyncTableName(name: string): name is SyncTableName {
  return Object.prototype.hasOwnProperty.call(syncTables, name);
}

/** The merge class of a field, `tombstone` for deletedAt, or undefined for a field the table does not have. */
export function fieldMergeClass(table: SyncTableName, field: string): MergeClass | 'tombstone' | undefined {
  if (field === tombstoneField) return 'tombstone';
  const fields = syncTables[table].fields;
  return Object.prototype.hasOwnProperty.call(fields, field) ? fields[field] : undefined;
}

/** The lock fields of a table, in declaration order (empty for tables that never lock). */
export function lockFields(table: SyncTableName): readonly string[] {
  return lockFieldsByTable[table];
}

/** The narrative (clinical free text) fields of a table. */
export function narrativeFields(table: SyncTableName): readonly string[] {
  return narrativeFieldsByTable[table];
}

function fieldsOfClass(mergeClass: MergeClass): Record<SyncTableName, readonly string[]> {
  const result = {} as Record<SyncTableName, readonly string[]>;
  for (const name of syncTableNames) {
    result[name] = Object.entries(syncTables[name].fields)
      .filter(([, value]) => value === mergeClass)
      .map(([field]) => field);
  }
  return result;
}

const lockFieldsByTable = fieldsOfClass('lock');
const narrativeFieldsByTable = fieldsOfClass('narrative');
