import { and, eq } from 'drizzle-orm';
import type { DeviceInfo } from '../../shared/api/auth.js';
import type { ServiceContext } from '../context.js';
import type { Queryable } from '../db/database.js';
import { devices } from '../db/schema/index.js';

export interface DeviceRegistration {
  organisationId: string;
  userId: string;
  ip: string;
  info: DeviceInfo;
}

/** Registers the device for this user, or updates what we know of it. Returns the row. */
export async function registerDevice(context: ServiceContext, db: Queryable, registration: DeviceRegistration) {
  const now = context.now();
  const { info } = registration;
  const [row] = await db
    .insert(devices)
    .values({
      organisationId: registration.organisationId,
      userId: registration.userId,
      id: info.id,
      name: info.name,
      platform: info.platform,
      appVersion: info.appVersion ?? null,
      registeredAt: now,
      lastSeenAt: now,
      lastIp: registration.ip,
    })
    .onConflictDoUpdate({
      target: [devices.organisationId, devices.userId, devices.id],
      set: { name: info.name, platform: info.platform, appVersion: info.appVersion ?? null, lastSeenAt: now, lastIp: registration.ip },
    })
    .returning();
  if (!row) throw new Error('device registration returned no row');
  return row;
}

export async function findDevice(db: Queryable, organisationId: string, userId: string, deviceId: string) {
  const [row] = await db
    .select()
    .from(devices)
    .where(and(eq(devices.organisationId, organisationId), eq(devices.userId, userId), eq(devices.id, deviceId)));
  return row ?? null;
}
