import { z } from 'zod';
import { idSchema } from '../../domain/common.js';
import { documentCreateSchema, documentSchema } from '../../domain/document.js';
import { call } from '../define.js';

/** File content crosses the bridge as base64: JSON over the preview WebSocket, the same over the MessagePort. */
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Geen geldige bestandsinhoud');

export const documentViewSchema = documentSchema.extend({ uploadedByName: z.string() });
export type DocumentView = z.infer<typeof documentViewSchema>;

export const documentCalls = {
  'documents.list': call(
    z.object({ clientId: idSchema }).strict(),
    z.object({ items: z.array(documentViewSchema), maxBytes: z.number().int().positive() }),
  ),
  'documents.add': call(documentCreateSchema.extend({ contentBase64: base64 }).strict(), documentViewSchema),
  'documents.read': call(z.object({ documentId: idSchema }).strict(), z.object({ document: documentViewSchema, contentBase64: z.string() })),
  'documents.delete': call(z.object({ documentId: idSchema }).strict(), z.object({})),
};
