import { z } from 'zod';
import { noticeSchema } from '../../shared/api/admin.js';
import type { KeyValueStorage } from './key-value-storage.js';
import { licenceStorageKeys } from './key-value-storage.js';

/**
 * Terms-change (art. 15), maintenance (art. 4) and, for admins, price-change (art. 8) notices as
 * the service's `GET /v1/notices` answers them; kept on the device so they show offline too.
 */
export const serviceNoticeSchema = noticeSchema;
export type ServiceNotice = z.output<typeof serviceNoticeSchema>;

const storedNoticesSchema = z.array(serviceNoticeSchema);
const pendingSchema = z.array(z.string().uuid());

/**
 * Keeps the latest notices from the service in the encrypted store (device_state), and the
 * acknowledgements made on this device that the service has not heard yet (offline: sent later).
 */
export class ServiceNoticeBoard {
  constructor(private readonly storage: KeyValueStorage) {}

  /**
   * Replaces the kept notices with the service's current list (each sync brings the whole list).
   * A notice acknowledged here but not yet sent stays acknowledged: the user already read it.
   */
  async replace(notices: unknown): Promise<ServiceNotice[]> {
    const pending = new Set(await this.pendingAcknowledgements());
    const parsed = storedNoticesSchema.parse(notices).map((notice) => (pending.has(notice.id) ? { ...notice, acknowledged: true } : notice));
    await this.storage.set(licenceStorageKeys.notices, JSON.stringify(parsed));
    return parsed;
  }

  /** The notices to show at `now`: not yet acknowledged, and maintenance not yet over. */
  async current(now: Date): Promise<ServiceNotice[]> {
    return (await this.all()).filter(
      (notice) => !notice.acknowledged && (notice.kind !== 'maintenance' || notice.endsAt === null || Date.parse(notice.endsAt) > now.getTime()),
    );
  }

  /** Marks a notice as read on this device and remembers to tell the service (POST /v1/notices/:id/acknowledge). */
  async acknowledge(id: string): Promise<void> {
    const notices = await this.all();
    if (!notices.some((notice) => notice.id === id)) return;
    await this.storage.set(licenceStorageKeys.notices, JSON.stringify(notices.map((notice) => (notice.id === id ? { ...notice, acknowledged: true } : notice))));
    const pending = await this.pendingAcknowledgements();
    if (!pending.includes(id)) await this.storage.set(licenceStorageKeys.noticeAcknowledgementsToSend, JSON.stringify([...pending, id]));
  }

  /** Acknowledgements the service has not confirmed yet, oldest first. */
  async pendingAcknowledgements(): Promise<string[]> {
    const parsed = pendingSchema.safeParse(safeJson(await this.storage.get(licenceStorageKeys.noticeAcknowledgementsToSend)));
    return parsed.success ? parsed.data : [];
  }

  /** The service confirmed (or no longer knows) this acknowledgement: it need not be sent again. */
  async acknowledgementSent(id: string): Promise<void> {
    const pending = await this.pendingAcknowledgements();
    await this.storage.set(licenceStorageKeys.noticeAcknowledgementsToSend, JSON.stringify(pending.filter((sent) => sent !== id)));
  }

  private async all(): Promise<ServiceNotice[]> {
    // Stored by us in the encrypted store; if it ever does not parse, the next sync restores it.
    const parsed = storedNoticesSchema.safeParse(safeJson(await this.storage.get(licenceStorageKeys.notices)));
    return parsed.success ? parsed.data : [];
  }
}

function safeJson(raw: string | null): unknown {
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}
