import { z } from 'zod';
import { ipcErrorSchema } from './errors.js';

/**
 * The envelopes that travel over a MessagePort (Electron) or a WebSocket (preview host).
 * The transport is dumb; these shapes are checked on arrival at both ends.
 */
export const requestEnvelopeSchema = z.object({
  kind: z.literal('request'),
  id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  method: z.string().min(1).max(100),
  input: z.unknown(),
});
export type RequestEnvelope = z.infer<typeof requestEnvelopeSchema>;

export const resultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ipcErrorSchema }),
]);

export const responseEnvelopeSchema = z.object({
  kind: z.literal('response'),
  /** null when the request was too malformed to read its id. */
  id: z.number().int().nonnegative().nullable(),
  result: resultSchema,
});
export type ResponseEnvelope = z.infer<typeof responseEnvelopeSchema>;

export const eventEnvelopeSchema = z.object({
  kind: z.literal('event'),
  event: z.string().min(1).max(100),
  payload: z.unknown(),
});
export type EventEnvelope = z.infer<typeof eventEnvelopeSchema>;

export const coreToRendererSchema = z.discriminatedUnion('kind', [
  responseEnvelopeSchema,
  eventEnvelopeSchema,
]);

/** Upper bound for one serialised message; larger ones are refused before parsing. */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
