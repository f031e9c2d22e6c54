import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

/**
 * TOTP of RFC 6238 as authenticator apps expect it: SHA-1, 6 digits, 30 seconds. One step of
 * clock drift either way is accepted; a code that was used once is not accepted again.
 */
const PERIOD_SECONDS = 30;
const ISSUER = 'Thuisdossier';

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secretBase32: string, label: string): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS, secret: Secret.fromBase32(secretBase32) });
}

export function otpauthUri(secretBase32: string, email: string): string {
  return totp(secretBase32, email).toString();
}

export async function qrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

/** The time step the code belongs to, or null when it is wrong. */
export function matchTotp(secretBase32: string, code: string, now: Date): number | null {
  const delta = totp(secretBase32, 'x').validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
}

/** For tests and the demo: the code an authenticator app would show at `now`. */
export function totpCodeAt(secretBase32: string, now: Date): string {
  return totp(secretBase32, 'x').generate({ timestamp: now.getTime() });
}
