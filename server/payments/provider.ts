import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A payment provider as the service sees it: it posts events to /v1/payments/<name>/events and
 * signs them. Real providers (Mollie, Stripe…) are not reachable from here; each gets an adapter
 * with this shape. The events themselves (paid, reversed, overdue) drive the subscription rules.
 */
export interface PaymentProvider {
  readonly name: string;
  /** True when the raw body carries the provider's valid signature. */
  verify(headers: Readonly<Record<string, string | string[] | undefined>>, rawBody: string): boolean;
}

export type PaymentProviders = ReadonlyMap<string, PaymentProvider>;

/** HMAC-SHA256 over the raw body in header `x-thuisdossier-signature` (hex): the generic adapter. */
export function hmacPaymentProvider(name: string, secret: string): PaymentProvider {
  return {
    name,
    verify(headers, rawBody) {
      const header = headers['x-thuisdossier-signature'];
      if (typeof header !== 'string' || !/^[0-9a-f]{64}$/.test(header)) return false;
      const expected = createHmac('sha256', secret).update(rawBody).digest();
      return timingSafeEqual(expected, Buffer.from(header, 'hex'));
    },
  };
}

export function signPaymentBody(secret: string, rawBody: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('hex');
}
