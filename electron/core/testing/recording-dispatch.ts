import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';
import type { IpcMethod, IpcOutput } from '../../../shared/ipc/contract.js';
import type { IpcError, IpcResult } from '../../../shared/ipc/errors.js';
import type { createDispatcher } from '../dispatcher.js';

/** A logger at trace level that keeps every line, so a test can prove a secret was never logged. */
export function recordingLog(): { log: Logger; logLines: string[] } {
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  return { log: pino({ level: 'trace' }, sink), logLines };
}

/**
 * Calls through a real dispatcher as the renderer would, keeping every answer as sent (to prove
 * what never crossed IPC). `call` returns the value or throws with the IPC error attached;
 * `refusal` returns the refused call's error code.
 */
export function recordingCaller(dispatch: ReturnType<typeof createDispatcher>) {
  const answers: string[] = [];
  let id = 0;
  const call = async <M extends IpcMethod>(method: M, input: unknown): Promise<IpcOutput<M>> => {
    id += 1;
    const response = await dispatch({ kind: 'request', id, method, input }, { connectionId: 'test' });
    answers.push(JSON.stringify(response));
    const result = response.result as IpcResult<IpcOutput<M>>;
    if (!result.ok) throw Object.assign(new Error(`${method} failed: ${result.error.code}`), { ipc: result.error });
    return result.value;
  };
  const refusal = async (method: IpcMethod, input: unknown): Promise<IpcError['code']> => {
    const error = await call(method, input).then(
      () => null,
      (failure: { ipc?: IpcError }) => failure,
    );
    if (!error?.ipc) throw new Error(`${method} was expected to be refused`);
    return error.ipc.code;
  };
  return { call, refusal, answers };
}
