import { describe, expect, it } from 'vitest';
import { leaseCrypto, signLease } from './sign.js';
import { signWipeOrder, verifyWipeOrder, type WipeOrder } from './wipe-order.js';

const device = { organisationId: '0190a000-0000-7000-8000-000000000001', userId: '0190a000-0000-7000-8000-000000000002', deviceId: '0190a000-0000-7000-8000-000000000003' };

async function setUp() {
  const lib = await leaseCrypto();
  const pair = lib.crypto_sign_keypair();
  const key = { keyId: 'k1', secretKey: pair.privateKey };
  const order: WipeOrder = { format: 'thuisdossier-wipe/1', ...device, reason: 'device_revoked', issuedAt: '2026-11-24T12:00:00.000Z', keyId: 'k1' };
  return { lib, key, order, keys: new Map([['k1', pair.publicKey]]) };
}

describe('wipe orders', () => {
  it('verify when signed by a known key and made out to this device', async () => {
    const { lib, key, order, keys } = await setUp();
    expect(verifyWipeOrder(lib, signWipeOrder(lib, order, key), keys, device)).toEqual(order);
  });

  it('are refused for another device, with a changed byte, with an unknown key, or as a lease signature', async () => {
    const { lib, key, order, keys } = await setUp();
    const signed = signWipeOrder(lib, order, key);
    expect(verifyWipeOrder(lib, signed, keys, { ...device, deviceId: '0190a000-0000-7000-8000-000000000004' })).toBeNull();
    expect(verifyWipeOrder(lib, { ...signed, payload: signed.payload.replace('device_revoked', 'device_revokex') }, keys, device)).toBeNull();
    expect(verifyWipeOrder(lib, signed, new Map([['k1', lib.crypto_sign_keypair().publicKey]]), device)).toBeNull();
    expect(verifyWipeOrder(lib, { not: 'an order' }, keys, device)).toBeNull();
    // A lease signed with the same key is not a wipe order (domain separation).
    const lease = signLease(
      lib,
      { format: 'thuisdossier-lease/1', leaseId: '0190a000-0000-7000-8000-000000000009', ...device, plan: 'p', seats: 1, status: 'active', blockReason: null, exportAllowed: true, issuedAt: '2026-11-24T12:00:00.000Z', validUntil: '2026-12-24T12:00:00.000Z', keyId: 'k1' },
      key,
    );
    expect(verifyWipeOrder(lib, { ...lease, format: 'thuisdossier-wipe/1' }, keys, device)).toBeNull();
  });
});
