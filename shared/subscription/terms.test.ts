import { describe, expect, it } from 'vitest';
import {
  checkTermsChangeNotice,
  termsChangeNoticeSchema,
  termsEffectiveForCustomer,
  termsNoticePhase,
  termsNoticesToShow,
  termsVersionInForce,
} from './terms.js';

const v2 = { version: '2025-01', publishedOn: '2024-11-15', effectiveOn: '2025-01-01', summary: 'Nieuwe voorwaarden' };
const v3 = { version: '2025-06', publishedOn: '2025-04-01', effectiveOn: '2025-06-01', summary: 'Nog nieuwer' };

describe('changed terms (art. 15)', () => {
  it('validates the notice and asks for at least a calendar month ahead', () => {
    expect(termsChangeNoticeSchema.safeParse(v2).success).toBe(true);
    expect(checkTermsChangeNotice(v2)).toEqual({ ok: true });
    expect(checkTermsChangeNotice({ publishedOn: '2024-12-15', effectiveOn: '2025-01-14' })).toEqual({
      ok: false,
      reason: 'notice_too_short',
      earliestEffectiveOn: '2025-01-15',
    });
    expect(checkTermsChangeNotice({ publishedOn: '2024-12-15', effectiveOn: '2025-01-15' })).toEqual({ ok: true });
  });

  it('is shown ahead of time, between publication and effect', () => {
    expect(termsNoticePhase(v2, '2024-11-14')).toBe('not_yet_published');
    expect(termsNoticePhase(v2, '2024-11-15')).toBe('announced');
    expect(termsNoticePhase(v2, '2024-12-31')).toBe('announced');
    expect(termsNoticePhase(v2, '2025-01-01')).toBe('in_effect');
    expect(termsNoticesToShow([v3, v2], '2024-12-01')).toEqual([v2]);
    expect(termsNoticesToShow([v3, v2], '2025-04-02')).toEqual([v3]);
  });

  it('knows the version in force', () => {
    expect(termsVersionInForce([v2, v3], '2024-01', '2024-12-31')).toBe('2024-01');
    expect(termsVersionInForce([v3, v2], '2024-01', '2025-01-01')).toBe('2025-01');
    expect(termsVersionInForce([v2, v3], '2024-01', '2025-07-01')).toBe('2025-06');
  });

  it('a customer who objects keeps the old terms until their running term ends', () => {
    expect(termsEffectiveForCustomer(v2, null)).toBe('2025-01-01');
    expect(termsEffectiveForCustomer(v2, { currentTermEnd: '2025-03-01' })).toBe('2025-03-02');
    expect(termsEffectiveForCustomer(v2, { currentTermEnd: '2024-12-31' })).toBe('2025-01-01');
  });
});
