import type sodium from 'libsodium-wrappers-sumo';
import { z } from 'zod';
import { canonicalJson } from './canonical.js';
import { keyIdSchema } from './lease.js';
import type { LeaseSigningKey } from './sign.js';

/**
 * The central service's signed order to a revoked device: wipe your local data. A revoked device
 * gets no session and no lease any more, so without this it could never learn it must wipe (its
 * data would stay until the offline lease ran out, and then only locked). Signed with the lease
 * key like a lease, under its own domain prefix (a lease signature can never pass as a wipe order,
 * nor the reverse), and made out to one organisation, user and device: the device checks all three
 * before it deletes anything, so a forged or misdirected answer cannot wipe a working laptop.
 */
export const WIPE_ORDER_FORMAT = 'thuisdossier-wipe/1';
const DOMAIN_PREFIX = `${WIPE_ORDER_FORMAT}\n`;

const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'expected an ISO 8601 UTC instant');

export const wipeOrderSchema = z
  .object({
    format: z.literal(WIPE_ORDER_FORMAT),
    organisationId: z.string().uuid(),
    userId: z.string().uuid(),
    deviceId: z.string().uuid(),
    reason: z.enum(['device_revoked']),
    issuedAt: instant,
    keyId: keyIdSchema,
  })
  .strict();
export type WipeOrder = z.infer<typeof wipeOrderSchema>;

export const signedWipeOrderSchema = z
  .object({
    format: z.literal(WIPE_ORDER_FORMAT),
    keyId: keyIdSchema,
    payload: z.string().min(2).max(4096),
    signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/, 'expected a base64url Ed25519 signature'),
  })
  .strict();
export type SignedWipeOrder = z.infer<typeof signedWipeOrderSchema>;

export function signWipeOrder(lib: typeof sodium, order: WipeOrder, key: LeaseSigningKey): SignedWipeOrder {
  if (order.keyId !== key.keyId) throw new Error('order.keyId must name the signing key');
  const payload = canonicalJson(wipeOrderSchema.parse(order));
  const signature = lib.crypto_sign_detached(lib.from_string(DOMAIN_PREFIX + payload), key.secretKey);
  return { format: WIPE_ORDER_FORMAT, keyId: key.keyId, payload, signature: lib.to_base64(signature, lib.base64_variants.URLSAFE_NO_PADDING) };
}

/** The order, if it is signed by one of `publicKeys` and made out to exactly this device; else null. */
export function verifyWipeOrder(
  lib: typeof sodium,
  candidate: unknown,
  publicKeys: ReadonlyMap<string, Uint8Array>,
  device: { organisationId: string; userId: string; deviceId: string },
): WipeOrder | null {
  const envelope = signedWipeOrderSchema.safeParse(candidate);
  if (!envelope.success) return null;
  const publicKey = publicKeys.get(envelope.data.keyId);
  if (!publicKey) return null;
  try {
    const signature = lib.from_base64(envelope.data.signature, lib.base64_variants.URLSAFE_NO_PADDING);
    if (!lib.crypto_sign_verify_detached(signature, lib.from_string(DOMAIN_PREFIX + envelope.data.payload), publicKey)) return null;
    const order = wipeOrderSchema.safeParse(JSON.parse(envelope.data.payload));
    if (!order.success || order.data.keyId !== envelope.data.keyId || canonicalJson(order.data) !== envelope.data.payload) return null;
    const { organisationId, userId, deviceId } = order.data;
    if (organisationId !== device.organisationId || userId !== device.userId || deviceId !== device.deviceId) return null;
    return order.data;
  } catch {
    return null;
  }
}
