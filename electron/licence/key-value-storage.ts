/**
 * Where the licence service keeps its few values (the signed lease, the last seen time, notices).
 * The encrypted store provides the real one, so none of this is ever readable without the
 * database key; tests use an in-memory map. Values are strings (JSON where structured).
 */
export interface KeyValueStorage {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/** The keys this service uses, in one place so the store can list or purge them. */
export const licenceStorageKeys = {
  signedLease: 'licence.signedLease',
  lastSeenAt: 'licence.lastSeenAt',
  endNoticeShownAt: 'licence.endNoticeShownAt',
  notices: 'licence.notices',
  noticeAcknowledgementsToSend: 'licence.noticeAcknowledgementsToSend',
} as const;
