/** Why a sync run stopped, as the status shows it (each with what the person can do). */
export type SyncErrorCode =
  | 'unreachable'
  | 'session_expired'
  | 'device_revoked'
  | 'licence'
  | 'clock_wrong'
  | 'other_server'
  | 'server_error';

export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}
