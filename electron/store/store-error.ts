import type { z } from 'zod';
import type { AccessAction } from '../../shared/domain/access-log.js';
import type { IpcErrorCode, IpcIssue } from '../../shared/ipc/errors.js';
import { issuesFromZod } from '../../shared/ipc/errors.js';

/** The codes the store raises; all are IPC error codes, so the IPC layer passes them straight through. */
export type StoreErrorCode = Extract<
  IpcErrorCode,
  | 'wrong_password'
  | 'too_many_attempts'
  | 'tampered'
  | 'forbidden'
  | 'not_found'
  | 'record_locked'
  | 'invalid_input'
  | 'too_large'
  | 'locked'
  | 'conflict'
  | 'storage_full'
  | 'internal'
>;

/** What the access log records when this error is a refusal (no rights, locked record). */
export interface Refusal {
  action: AccessAction;
  event: string;
  clientId: string | null;
  objectType: string;
  objectId: string | null;
}

/** A failure the user should see explained. `message` is Dutch and says what is wrong. */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    readonly extra: { issues?: IpcIssue[]; retryAfterSeconds?: number; refusal?: Refusal; cause?: unknown } = {},
  ) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'StoreError';
  }

  static fromZod(error: z.ZodError): StoreError {
    const issues = issuesFromZod(error);
    const first = issues[0];
    return new StoreError('invalid_input', first ? first.message : 'De invoer klopt niet', { issues });
  }
}

export function isStoreError(error: unknown, code?: StoreErrorCode): error is StoreError {
  return error instanceof StoreError && (code === undefined || error.code === code);
}

/** SQLite reports a page that fails its Poly1305 tag as corrupt / not a database. */
export function isTamperSignal(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT'));
}

export function tamperedDatabase(cause: unknown): StoreError {
  return new StoreError(
    'tampered',
    'Het databasebestand is beschadigd of gewijzigd buiten de app. Er wordt niets gelezen of geschreven; herstel een back-up of synchroniseer opnieuw.',
    { cause },
  );
}
