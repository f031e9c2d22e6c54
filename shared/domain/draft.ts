import { z } from 'zod';

/**
 * A draft is what a user is typing, saved continuously so that nothing is lost by a crash.
 * Key examples: "report:new:<clientId>", "report:edit:<reportId>". Drafts are per user and device;
 * they are not synced (half-typed clinical text stays where it was typed).
 */
export const draftKeySchema = z
  .string()
  .min(1, 'De sleutel van het concept is leeg')
  .max(200, 'De sleutel van het concept is te lang')
  .regex(/^[\w:.-]+$/, 'De sleutel van het concept bevat ongeldige tekens');

export const draftContentSchema = z.string().max(1_000_000, 'Het concept is te groot (hoogstens 1.000.000 tekens)');

export const draftSchema = z.object({
  key: draftKeySchema,
  userId: z.string(),
  clientId: z.string().nullable(),
  content: z.string(),
  updatedAt: z.string(),
});
export type Draft = z.infer<typeof draftSchema>;
