import { ipcContract, isIpcMethod } from '../../shared/ipc/contract.js';
import { issuesFromZod, type IpcError, type IpcResult } from '../../shared/ipc/errors.js';
import { requestEnvelopeSchema, type ResponseEnvelope } from '../../shared/ipc/wire.js';
import type { Logger } from '../log/logger.js';
import { toIpcError } from './error-mapping.js';
import type { CallContext, CoreHandlers } from './handlers.js';

export type Dispatch = (raw: unknown, context: CallContext) => Promise<ResponseEnvelope>;

/**
 * Checks every incoming message against the contract before any handler runs, and turns every
 * outcome into `{ ok, value | error }`. Nothing a renderer sends can make this throw.
 */
export function createDispatcher(handlers: CoreHandlers, log: Logger): Dispatch {
  return async (raw, context) => {
    const envelope = requestEnvelopeSchema.safeParse(raw);
    if (!envelope.success) {
      const id = readId(raw);
      return respond(id, {
        code: 'invalid_request',
        message: 'The message is not a valid request envelope ({ kind: "request", id, method, input }).',
        issues: issuesFromZod(envelope.error),
      });
    }
    const { id, method, input } = envelope.data;
    if (!isIpcMethod(method)) {
      return respond(id, { code: 'unknown_method', message: `There is no call named "${method}".` });
    }
    const spec = ipcContract[method];
    const parsedInput = spec.input.safeParse(input);
    if (!parsedInput.success) {
      return respond(id, {
        code: 'invalid_input',
        message: `The input for "${method}" is not valid.`,
        issues: issuesFromZod(parsedInput.error),
      });
    }
    try {
      const handler = handlers[method] as (input: unknown, context: CallContext) => Promise<unknown>;
      const value = await handler(parsedInput.data, context);
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        log.error({ method, issues: issuesFromZod(checked.error) }, 'handler returned output outside the contract');
        return respond(id, { code: 'internal', message: `"${method}" produced an invalid answer.` });
      }
      return { kind: 'response', id, result: { ok: true, value: checked.data } };
    } catch (error) {
      const expected = toIpcError(error);
      if (expected) return respond(id, expected);
      // Unexpected: log the details on the device, tell the renderer only that it failed.
      log.error({ method, err: error }, 'handler failed');
      return respond(id, { code: 'internal', message: `"${method}" failed unexpectedly.` });
    }
  };
}

function respond(id: number | null, error: IpcError): ResponseEnvelope {
  const result: IpcResult<never> = { ok: false, error };
  return { kind: 'response', id, result };
}

function readId(raw: unknown): number | null {
  if (typeof raw !== 'object' || raw === null || !('id' in raw)) return null;
  const id = (raw as { id: unknown }).id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : null;
}
