import { z } from 'zod';
import { leaseBlockReasonSchema } from '../../licence/lease.js';
import { call } from '../define.js';
import { noInput } from './app.js';

/** What the device's licence allows now, as the lock screen and the export buttons need it. */
export const licenceStatusSchema = z.object({
  state: z.enum(['none', 'trial', 'active', 'blocked', 'ended', 'expired']),
  canOpenDossiers: z.boolean(),
  canExport: z.boolean(),
  reason: z.enum(['no-lease', 'blocked', 'ended', 'lease-expired', 'clock-set-back', 'export-not-allowed']).nullable(),
  blockReason: leaseBlockReasonSchema.nullable(),
  nextStep: z.enum(['sign-in-online', 'go-online', 'correct-clock-and-go-online', 'pay-outstanding', 'contact-admin', 'contact-support', 'none']),
  validUntil: z.string().nullable(),
  offlineDaysLeft: z.number().int().nullable(),
});
export type LicenceStatus = z.infer<typeof licenceStatusSchema>;

export const licenceCalls = {
  /** null while nobody is signed in or the app is locked. */
  'licence.status': call(noInput, licenceStatusSchema.nullable()),
  /**
   * The user read the final notice of an ended agreement: this device's data is wiped now. Does
   * nothing in any other state. Afterwards the session is 'no-account' with the wipe notice.
   */
  'licence.confirmEndNotice': call(noInput, z.null()),
};
