import { clientDisplayName } from '../../../shared/domain/client.js';
import type { ConflictVersion, ConflictView } from '../../../shared/ipc/calls/conflicts.js';
import { parseHlc } from '../../../shared/sync/hlc.js';
import type { OpaqueValue } from '../../../shared/sync/opaque-value.js';
import type { StoredConflict } from '../../store/sync-conflicts.js';
import type { CoreServices } from '../core-services.js';
import type { HandlersFor } from '../handlers.js';
import { userNames } from './user-names.js';

const itemKinds: Record<string, ConflictView['itemKind']> = {
  reports: 'report',
  contacts: 'contact',
  appointments: 'appointment',
  time_registrations: 'time',
  documents: 'document',
};

/** The conflict screen: open narrative conflicts with both versions, and settling one. Behind the licence (clinical text). */
export function conflictHandlers(services: CoreServices): HandlersFor<'conflicts'> {
  const { session, store, events, sync } = services;
  return {
    'conflicts.list': async () => {
      const me = session.dossiers();
      const stored = me.syncConflicts.listOpen();
      if (stored.length === 0) return { items: [] };
      const name = userNames(services);
      const account = session.account();
      const clients = new Map(me.clientList.all().map((client) => [client.id, clientDisplayName(client)]));
      const node = store.deviceId;
      const version = (value: OpaqueValue, hlc: string | null, authorId: string | null | undefined): ConflictVersion => {
        const clock = hlc ? parseHlc(hlc) : null;
        const thisDevice = clock?.node === node;
        return {
          text: typeof value === 'string' ? value : value === null ? null : JSON.stringify(value),
          writtenAt: clock ? new Date(clock.wallMs).toISOString() : null,
          authorName: authorId ? name(authorId) : thisDevice && account ? name(account.userId) : null,
          thisDevice,
        };
      };
      return {
        items: stored.map(({ conflict, row, blocked }: StoredConflict) => ({
          conflictId: conflict.conflictId,
          kind: conflict.kind,
          table: conflict.table,
          rowId: conflict.rowId,
          clientId: conflict.clientId,
          clientName: conflict.clientId ? (clients.get(conflict.clientId) ?? null) : null,
          itemKind: itemKinds[conflict.table] ?? 'report',
          field: conflict.field,
          occurredAt: typeof row?.occurredAt === 'string' ? row.occurredAt : typeof row?.startsAt === 'string' ? row.startsAt : null,
          category: typeof row?.category === 'string' ? row.category : null,
          kept: version(conflict.kept.value, conflict.kept.hlc, null),
          other: version(conflict.incoming.value, conflict.incoming.hlc, conflict.incoming.authorId),
          blocked,
        })),
      };
    },
    'conflicts.resolve': async ({ conflictId, choice, text }) => {
      session.dossiers().syncConflicts.resolve(conflictId, choice, text);
      // The edit goes up with the next sync (within seconds when online); the header's count drops now.
      events.emit('sync.changed', sync.status());
      return { ok: true as const };
    },
  };
}
