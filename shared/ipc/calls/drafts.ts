import { z } from 'zod';
import { idSchema } from '../../domain/common.js';
import { draftContentSchema, draftKeySchema, draftSchema } from '../../domain/draft.js';
import { call } from '../define.js';

const keyInput = z.object({ key: draftKeySchema }).strict();

export const draftCalls = {
  'drafts.get': call(keyInput, z.object({ draft: draftSchema.nullable() })),
  'drafts.save': call(z.object({ key: draftKeySchema, content: draftContentSchema, clientId: idSchema.nullable().default(null) }).strict(), z.object({ updatedAt: z.string() })),
  'drafts.discard': call(keyInput, z.object({})),
};
