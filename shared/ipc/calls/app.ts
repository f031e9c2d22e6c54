import { z } from 'zod';
import { call } from '../define.js';

export const noInput = z.object({}).strict();

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** Which host runs the core: the Electron app or the preview host (for display only). */
  host: z.enum(['electron', 'preview', 'test']),
});

export const connectivitySchema = z.object({
  online: z.boolean(),
  serverUrl: z.string(),
  lastCheckedAt: z.string().datetime({ offset: true }).nullable(),
});
export type Connectivity = z.infer<typeof connectivitySchema>;

export const appCalls = {
  'app.info': call(noInput, appInfoSchema),
  'connectivity.status': call(noInput, connectivitySchema),
};

export const appEvents = {
  'connectivity.changed': connectivitySchema,
};
