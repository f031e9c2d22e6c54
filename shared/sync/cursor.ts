import type { SyncCursor } from './protocol.js';

/**
 * Cursor and server identity checks (docs/sync.md "Cursor" and "Server restored from a backup").
 *
 * A device's cursor is only meaningful for the server state it came from. The hub stamps every
 * answer with its database id and epoch; restoring a backup must give the database a new epoch
 * (the restore runbook does it). As a safety net, a cursor beyond the newest sequence the hub has
 * also means "restored": sequence numbers never go back on a live database.
 */
export interface ServerPosition {
  readonly id: string;
  readonly epoch: string;
  /** The newest committed sequence number the hub hands out to readers. */
  readonly headSeq: number;
}

export type CursorCheck =
  | { readonly kind: 'continue'; readonly afterSeq: number }
  | { readonly kind: 'reset'; readonly reason: 'epoch_changed' | 'ahead_of_server' };

/** The hub's decision on a pull request's cursor. */
export function checkCursor(cursor: SyncCursor | null, server: ServerPosition): CursorCheck {
  if (cursor === null) return { kind: 'continue', afterSeq: 0 };
  if (cursor.epoch !== server.epoch) return { kind: 'reset', reason: 'epoch_changed' };
  if (cursor.seq > server.headSeq) return { kind: 'reset', reason: 'ahead_of_server' };
  return { kind: 'continue', afterSeq: cursor.seq };
}

export type ServerIdentityCheck = 'first_contact' | 'same' | 'restored' | 'other_server';

/**
 * The device's view of the hub's identity. `other_server`: the device is pointed at a different
 * central service than the one its data came from; it must not sync (neither way) and says so.
 */
export function checkServerIdentity(known: { id: string; epoch: string } | null, answer: { id: string; epoch: string }): ServerIdentityCheck {
  if (known === null) return 'first_contact';
  if (known.id !== answer.id) return 'other_server';
  return known.epoch === answer.epoch ? 'same' : 'restored';
}
