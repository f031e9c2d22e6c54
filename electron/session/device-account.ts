import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../crypto/atomic-file.js';

/**
 * Who this device belongs to, readable while the store is locked so the unlock screen can greet
 * the user. Holds no client data and no secret: ids, e-mail and display name only.
 */
export const deviceAccountSchema = z
  .object({
    userId: z.string().uuid(),
    organisationId: z.string().uuid(),
    email: z.string(),
    displayName: z.string(),
    /** The id the central service registered this device under (absent in accounts made before sync). */
    deviceId: z.string().uuid().optional(),
  })
  .strict();
export type DeviceAccount = z.infer<typeof deviceAccountSchema>;

export const deviceAccountFileName = 'account.json';

export function readDeviceAccount(dataDir: string): DeviceAccount | null {
  const file = path.join(dataDir, deviceAccountFileName);
  if (!existsSync(file)) return null;
  const parsed = deviceAccountSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  // A damaged account file means: sign in online again. The encrypted store is not touched.
  return parsed.success ? parsed.data : null;
}

export function writeDeviceAccount(dataDir: string, account: DeviceAccount): void {
  writeFileAtomic(path.join(dataDir, deviceAccountFileName), JSON.stringify(deviceAccountSchema.parse(account), null, 2));
}
