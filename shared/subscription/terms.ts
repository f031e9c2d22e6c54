import { z } from 'zod';
import { addDays, addMonths, isoDateSchema, laterOf, type IsoDate } from './dates.js';

/**
 * Changed terms (art. 15): "Wanneer wij de voorwaarden wijzigen zullen wij u dit ruim van tevoren
 * per e-mail of via een pushbericht in onze systemen laten weten." A customer who disagrees may
 * cancel, or "uw lopende contracttermijn laten verstrijken onder de oude voorwaarden"; using the
 * system after the change counts as acceptance. Art. 15 does not cover price changes (art. 8).
 *
 * "Ruim van tevoren" (well ahead) is not quantified; this module asks for at least one calendar
 * month between publication and effect (our choice, the same lead art. 8 asks for prices).
 */
export const MINIMUM_TERMS_NOTICE_MONTHS = 1;

export const termsChangeNoticeSchema = z.object({
  version: z.string().min(1).max(64),
  publishedOn: isoDateSchema,
  effectiveOn: isoDateSchema,
  /** Short text for the in-app notice (the UI may translate by version instead). */
  summary: z.string().max(4000),
});
export type TermsChangeNotice = z.infer<typeof termsChangeNoticeSchema>;

export type TermsNoticeCheck = { ok: true } | { ok: false; reason: 'notice_too_short'; earliestEffectiveOn: IsoDate };

export function checkTermsChangeNotice(notice: Pick<TermsChangeNotice, 'publishedOn' | 'effectiveOn'>): TermsNoticeCheck {
  const earliestEffectiveOn = addMonths(notice.publishedOn, MINIMUM_TERMS_NOTICE_MONTHS);
  return notice.effectiveOn >= earliestEffectiveOn ? { ok: true } : { ok: false, reason: 'notice_too_short', earliestEffectiveOn };
}

export type TermsNoticePhase = 'not_yet_published' | 'announced' | 'in_effect';

export function termsNoticePhase(notice: Pick<TermsChangeNotice, 'publishedOn' | 'effectiveOn'>, today: IsoDate): TermsNoticePhase {
  if (today < notice.publishedOn) return 'not_yet_published';
  return today < notice.effectiveOn ? 'announced' : 'in_effect';
}

/** The notices the app shows ahead of time today: published, not yet in effect; soonest first. */
export function termsNoticesToShow<T extends Pick<TermsChangeNotice, 'publishedOn' | 'effectiveOn'>>(notices: readonly T[], today: IsoDate): T[] {
  return notices
    .filter((n) => termsNoticePhase(n, today) === 'announced')
    .sort((a, b) => (a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : 0));
}

/**
 * The day changed terms start to apply to one customer. Normally the notice's effective date; for a
 * customer who objected and keeps their running term under the old terms, the day after that term
 * ends (art. 15), if later.
 */
export function termsEffectiveForCustomer(
  notice: Pick<TermsChangeNotice, 'effectiveOn'>,
  objection: { currentTermEnd: IsoDate } | null,
): IsoDate {
  return objection === null ? notice.effectiveOn : laterOf(notice.effectiveOn, addDays(objection.currentTermEnd, 1));
}

/** The version in force today: the latest notice in effect, or the base version. */
export function termsVersionInForce(
  notices: readonly Pick<TermsChangeNotice, 'version' | 'publishedOn' | 'effectiveOn'>[],
  baseVersion: string,
  today: IsoDate,
): string {
  let best: { version: string; effectiveOn: IsoDate } | null = null;
  for (const n of notices) {
    if (termsNoticePhase(n, today) !== 'in_effect') continue;
    if (best === null || n.effectiveOn >= best.effectiveOn) best = n;
  }
  return best?.version ?? baseVersion;
}
