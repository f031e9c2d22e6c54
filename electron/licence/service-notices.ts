import { z } from 'zod';
import type { KeyValueStorage } from './key-value-storage.js';
import { licenceStorageKeys } from './key-value-storage.js';

/**
 * Terms-change (art. 15) and maintenance (art. 4) notices as the service sends them. Same shape as
 * the service's `GET /v1/notices` answer (shared/api/admin.ts `noticeSchema`, not yet committed when
 * this was written); kept here so the device can show them offline.
 */
const instant = z.string().datetime({ offset: true });

export const serviceNoticeSchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(['terms-change', 'maintenance']),
  title: z.string(),
  body: z.string(),
  publishedAt: instant,
  /** When the new terms apply, or the maintenance starts. */
  effectiveAt: instant,
  /** When the maintenance window ends; null for terms changes. */
  endsAt: instant.nullable(),
  acknowledged: z.boolean(),
});
export type ServiceNotice = z.infer<typeof serviceNoticeSchema>;

const storedNoticesSchema = z.array(serviceNoticeSchema);

/** Keeps the latest notices from the service in the encrypted store, so they show offline too. */
export class ServiceNoticeBoard {
  constructor(private readonly storage: KeyValueStorage) {}

  /** Replaces the kept notices with the service's current list (each sync brings the whole list). */
  async replace(notices: unknown): Promise<ServiceNotice[]> {
    const parsed = storedNoticesSchema.parse(notices);
    await this.storage.set(licenceStorageKeys.notices, JSON.stringify(parsed));
    return parsed;
  }

  /** The notices still relevant at `now`: maintenance not yet over, terms not yet acknowledged. */
  async current(now: Date): Promise<ServiceNotice[]> {
    return (await this.all()).filter((notice) =>
      notice.kind === 'maintenance' ? notice.endsAt === null || Date.parse(notice.endsAt) > now.getTime() : !notice.acknowledged,
    );
  }

  /** Marks a notice as read on this device; the sync tells the service (POST /v1/notices/:id/acknowledge). */
  async acknowledge(id: string): Promise<void> {
    const notices = (await this.all()).map((notice) => (notice.id === id ? { ...notice, acknowledged: true } : notice));
    await this.storage.set(licenceStorageKeys.notices, JSON.stringify(notices));
  }

  private async all(): Promise<ServiceNotice[]> {
    const raw = await this.storage.get(licenceStorageKeys.notices);
    if (!raw) return [];
    // Stored by us in the encrypted store; if it ever does not parse, the next sync restores it.
    const parsed = storedNoticesSchema.safeParse(safeJson(raw));
    return parsed.success ? parsed.data : [];
  }
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}
