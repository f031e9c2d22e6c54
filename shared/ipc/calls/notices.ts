import { z } from 'zod';
import { noticeSchema } from '../../api/admin.js';
import { call } from '../define.js';
import { noInput } from './app.js';

/** A notice from the service as the app shows it: the service's own shape (shared/api/admin.ts). */
export const serviceNoticeSchema = noticeSchema;
export type ServiceNoticeView = z.output<typeof serviceNoticeSchema>;

export const noticeCalls = {
  /** The notices to show now, from the device's copy (also offline): unread terms, maintenance not over, price changes (admins). */
  'notices.current': call(noInput, z.object({ notices: z.array(serviceNoticeSchema) })),
  /** Marks a notice read here; `sent` false means offline: the next sync tells the service. */
  'notices.acknowledge': call(z.object({ id: z.string().uuid() }).strict(), z.object({ ok: z.literal(true), sent: z.boolean() })),
};
