import type { ClientStatus } from '../../shared/domain/client.js';
import { prepareCached } from './database.js';
import type { Scope } from './scope.js';
import type { ClientSearchHit } from './search.js';

export interface ClientListOptions {
  status?: ClientStatus;
}

export type ClientListItem = ClientSearchHit & { canEdit: boolean };

const listSql = `SELECT c.id, c.dossier_number AS dossierNumber, c.first_name AS firstName, c.infix, c.last_name AS lastName,
    c.birth_date AS birthDate, c.postcode, c.city, c.status, a.can_edit AS canEdit
  FROM clients c
  JOIN dossier_access a ON a.client_id = c.id AND a.user_id = @userId AND a.can_read = 1 AND a.deleted_at IS NULL
  WHERE c.organisation_id = @organisationId AND c.deleted_at IS NULL
    AND (@status IS NULL OR c.status = @status)
  ORDER BY c.last_name COLLATE NOCASE, c.first_name COLLATE NOCASE, c.id`;

/**
 * "Mijn cliënten". A client has no assigned practitioner (SPEC §1), so "mine" is what the user
 * actually does for them: they are on an appointment with the client, wrote a report in the
 * dossier, or registered time for them. Edit rights say nothing here: an administrator or a small
 * team may edit every dossier. One pass over each table, not a lookup per client.
 */
const mineSql = `SELECT r.client_id FROM reports r WHERE r.author_id = @userId AND r.deleted_at IS NULL
  UNION SELECT t.client_id FROM time_registrations t WHERE t.user_id = @userId AND t.deleted_at IS NULL
  UNION SELECT c.value FROM appointments ap, json_each(ap.client_ids) c
    WHERE ap.deleted_at IS NULL AND ap.organisation_id = @organisationId AND EXISTS (SELECT 1 FROM json_each(ap.practitioner_ids) p WHERE p.value = @userId)`;

const organisationSql = `SELECT c.id, c.dossier_number AS dossierNumber, c.first_name AS firstName, c.infix, c.last_name AS lastName,
    c.birth_date AS birthDate, c.postcode, c.city, c.status, coalesce(a.can_edit, 0) AS canEdit, coalesce(a.can_read, 0) AS canRead
  FROM clients c
  LEFT JOIN dossier_access a ON a.client_id = c.id AND a.user_id = @userId AND a.deleted_at IS NULL
  WHERE c.organisation_id = @organisationId AND c.deleted_at IS NULL
  ORDER BY c.last_name COLLATE NOCASE, c.first_name COLLATE NOCASE, c.id`;

/**
 * The whole list of dossiers a user may read, for the client list screen (virtualised in the UI).
 * Unlike search, which stops at 200 hits, this returns all of them: 10,000 rows of a few fields
 * are well under 2 MB and one indexed scan. One access-log entry for the list, as search does.
 */
export class ClientList {
  constructor(private readonly scope: Scope) {}

  all(options: ClientListOptions = {}): ClientListItem[] {
    return this.scope.read((actor) => {
      const rows = prepareCached(this.scope.services.db, listSql).all({
        userId: actor.userId,
        organisationId: actor.organisationId,
        status: options.status ?? null,
      }) as Array<ClientSearchHit & { canEdit: number }>;
      this.scope.audit(actor, 'R', 'client.list', null, 'client-list', null, `${rows.length}`);
      return rows.map((row) => ({ ...row, canEdit: row.canEdit === 1 }));
    });
  }

  /** The ids of the clients this user works with ("Mijn cliënten", see mineSql); part of reading the list, so not logged again. */
  mine(): Set<string> {
    return this.scope.read((actor) => {
      const ids = prepareCached(this.scope.services.db, mineSql).pluck().all({ userId: actor.userId, organisationId: actor.organisationId }) as string[];
      return new Set(ids);
    });
  }

  /**
   * Administrators manage access to every dossier of the organisation, also those they may not
   * read themselves: they get the list (names and numbers, nothing clinical) to reach the access
   * screen. Logged like any list; a non-administrator is refused and that is logged too.
   */
  forAdministration(): Array<ClientListItem & { canRead: boolean }> {
    return this.scope.read((actor) => {
      this.scope.services.rights.requireAdministrator(actor, { action: 'R', event: 'client.list.admin', clientId: null, objectType: 'client-list', objectId: null });
      const rows = prepareCached(this.scope.services.db, organisationSql).all({ userId: actor.userId, organisationId: actor.organisationId }) as Array<
        ClientSearchHit & { canEdit: number; canRead: number }
      >;
      this.scope.audit(actor, 'R', 'client.list.admin', null, 'client-list', null, `${rows.length}`);
      return rows.map((row) => ({ ...row, canEdit: row.canEdit === 1, canRead: row.canRead === 1 }));
    });
  }
}
