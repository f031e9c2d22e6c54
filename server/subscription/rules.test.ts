import { describe, expect, it } from 'vitest';
import { activeState } from '../../shared/subscription/test-fixtures.js';
import { sharedSubscriptionRules as rules } from './rules.js';

const reversal = { eventId: 'evt-1', organisationId: '0190a4e2-0000-7000-8000-000000000001', kind: 'direct-debit-reversed' as const, amountCents: 7_500, occurredAt: '2024-06-03T10:00:00.000Z' };

describe('the rules adapter: a reversed direct debit after a lawful cancellation (art. 9)', () => {
  const cancelled = activeState({ cancellation: { kind: 'customer_notice', submittedOn: '2024-04-04', endDate: '2024-05-31' } });

  it('credits an invoice for a period after the cancellation’s end date: no block, no fee', () => {
    const outcome = rules.payment(cancelled, reversal, '2024-06-01', '2024-06-03', '2024-06-01');
    expect(outcome).toMatchObject({ ok: true, effects: [{ type: 'credit_wrongful_invoice', amountCents: 7_500 }] });
    expect(outcome.ok && (outcome.state as { status: string }).status).toBe('active');
  });

  it('blocks with the fee for an invoice inside the agreement, or when the invoice is unknown', () => {
    for (const periodStart of ['2024-05-01', null]) {
      const outcome = rules.payment(cancelled, reversal, '2024-05-01', '2024-06-03', periodStart);
      expect(outcome.ok && (outcome.state as { status: string }).status, String(periodStart)).toBe('blocked');
      expect(outcome.ok && outcome.effects.map((e) => e.type)).toContain('charge_fee');
    }
  });

  it('blocks with the fee when nothing was cancelled', () => {
    const outcome = rules.payment(activeState(), reversal, '2024-06-01', '2024-06-03', '2024-06-01');
    expect(outcome.ok && outcome.effects.map((e) => e.type)).toContain('charge_fee');
  });
});
