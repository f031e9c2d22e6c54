import os from 'node:os';
import { v7 as uuidv7 } from 'uuid';
import type { DeviceInfo } from '../../shared/api/auth.js';

/**
 * How this device introduces itself at sign-in. The id is made once (UUIDv7) and kept in the
 * device account after the first sign-in, so later sign-ins name the same registered device.
 */
export function deviceInfo(registeredId: string | null, appVersion: string): DeviceInfo {
  return {
    id: registeredId ?? uuidv7(),
    name: (os.hostname() || 'Thuisdossier-apparaat').slice(0, 100),
    platform: platformOf(process.platform),
    appVersion: appVersion.slice(0, 40),
  };
}

function platformOf(platform: NodeJS.Platform): DeviceInfo['platform'] {
  if (platform === 'win32') return 'windows';
  if (platform === 'darwin') return 'macos';
  if (platform === 'linux') return 'linux';
  return 'other';
}
