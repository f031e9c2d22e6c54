import { v7 as uuidv7 } from 'uuid';
import { addDutchWorkingDays } from '../../shared/calendar/dutchPublicHolidays.js';
import { checkTermsChangeNotice } from '../../shared/subscription/index.js';
import type { ServiceContext } from '../context.js';
import { serviceNotices } from '../db/schema/index.js';
import { amsterdamDate, amsterdamMidnight } from '../subscription/today.js';

/** Art. 4: maintenance is announced at least three working days ahead (weekends and Dutch public holidays do not count). */
export const MAINTENANCE_NOTICE_WORKING_DAYS = 3;

export type NewNotice =
  | { kind: 'terms-change'; title: string; body: string; effectiveOn: string }
  | { kind: 'maintenance'; title: string; body: string; startsAt: Date; endsAt: Date };

export type PublishOutcome = { ok: true; id: string } | { ok: false; reason: string };

/** Publishes a notice to every organisation after checking its lead time. Operator-only (CLI). */
export async function publishNotice(context: ServiceContext, notice: NewNotice): Promise<PublishOutcome> {
  const now = context.now();
  const today = amsterdamDate(now);
  let effectiveAt: Date;
  let endsAt: Date | null = null;
  if (notice.kind === 'terms-change') {
    const check = checkTermsChangeNotice({ publishedOn: today, effectiveOn: notice.effectiveOn });
    if (!check.ok) return { ok: false, reason: `changed terms take effect on ${check.earliestEffectiveOn} at the earliest` };
    effectiveAt = amsterdamMidnight(notice.effectiveOn);
  } else {
    if (notice.endsAt <= notice.startsAt) return { ok: false, reason: 'maintenance must end after it starts' };
    const earliest = addDutchWorkingDays(today, MAINTENANCE_NOTICE_WORKING_DAYS);
    if (amsterdamDate(notice.startsAt) < earliest) return { ok: false, reason: `maintenance may start on ${earliest} at the earliest` };
    effectiveAt = notice.startsAt;
    endsAt = notice.endsAt;
  }
  const id = uuidv7();
  await context.database.db.insert(serviceNotices).values({ id, kind: notice.kind, title: notice.title, body: notice.body, publishedAt: now, effectiveAt, endsAt });
  return { ok: true, id };
}
