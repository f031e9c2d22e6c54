import { z } from 'zod';
import { call } from '../define.js';
import { ipcErrorSchema } from '../errors.js';

export const exportKindSchema = z.enum(['dossier-docx', 'all-docx-zip', 'all-xlsx']);
export type ExportKind = z.infer<typeof exportKindSchema>;

export const exportStartInputSchema = z
  .object({ kind: exportKindSchema, clientId: z.string().uuid().optional() })
  .strict()
  .refine((input) => input.kind !== 'dossier-docx' || input.clientId !== undefined, {
    message: 'Kies het dossier dat je wilt exporteren',
    path: ['clientId'],
  });

/** Pushed while an export runs; the last one has state done, failed or cancelled. */
export const exportProgressSchema = z.object({
  exportId: z.string().uuid(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  fraction: z.number().min(0).max(1),
  step: z.string(),
  /** Where the finished file is (done only). */
  filePath: z.string().nullable(),
  error: ipcErrorSchema.nullable(),
});
export type ExportProgressEvent = z.infer<typeof exportProgressSchema>;

export const exportCalls = {
  /** Starts an export in the core and answers at once; progress arrives as events. */
  'export.start': call(exportStartInputSchema, z.object({ exportId: z.string().uuid(), fileName: z.string() })),
  'export.cancel': call(z.object({ exportId: z.string().uuid() }).strict(), z.object({ cancelled: z.boolean() })),
};

export const exportEvents = {
  'export.progress': exportProgressSchema,
};
