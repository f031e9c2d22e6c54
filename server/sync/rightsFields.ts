import type { ServerRow } from '../../shared/sync/row-state.js';
import { isDeleted, valueOf } from '../../shared/sync/row-state.js';
import { uuidSchema } from '../../shared/sync/protocol.js';

/**
 * The few fields the hub reads to decide rights (docs/sync.md "The hub"): ids that name a person
 * or dossier, a report's visibility, a document's content address, and whether the row is
 * deleted. Everything else stays opaque. In an end-to-end encrypted mode these stay plaintext.
 */
export interface RightsFields {
  /** reports.authorId, time_registrations.userId, dossier_access/report_access.userId. */
  ownerUserId: string | null;
  /** A report with visibility "restricted". */
  restricted: boolean;
  /** appointments.clientIds / practitionerIds. */
  clientIds: string[];
  practitionerIds: string[];
  /** documents.contentHash. */
  contentHash: string | null;
  deleted: boolean;
}

const ownerField: Partial<Record<ServerRow['table'], string>> = {
  reports: 'authorId',
  time_registrations: 'userId',
  dossier_access: 'userId',
  report_access: 'userId',
};

export function rightsFieldsOf(row: ServerRow): RightsFields {
  const owner = ownerField[row.table];
  return {
    ownerUserId: owner ? idOrNull(valueOf(row, owner)) : null,
    restricted: row.table === 'reports' && valueOf(row, 'visibility') === 'restricted',
    clientIds: row.table === 'appointments' ? ids(valueOf(row, 'clientIds')) : [],
    practitionerIds: row.table === 'appointments' ? ids(valueOf(row, 'practitionerIds')) : [],
    contentHash: row.table === 'documents' ? hashOrNull(valueOf(row, 'contentHash')) : null,
    deleted: isDeleted(row),
  };
}

function idOrNull(value: unknown): string | null {
  return uuidSchema.safeParse(value).success ? (value as string) : null;
}

function ids(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return [...new Set(value.filter((item): item is string => uuidSchema.safeParse(item).success).map((id) => id.toLowerCase()))];
}

function hashOrNull(value: unknown): string | null {
  return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value) ? value : null;
}
