import type { IpcMethod, IpcOutput, IpcParsedInput } from '../../shared/ipc/contract.js';

/** Who is calling: the core serves one renderer window per connection. */
export interface CallContext {
  connectionId: string;
}

/** The core's handler table, derived from the contract: one function per call, typed both ways. */
export type CoreHandlers = {
  [M in IpcMethod]: (input: IpcParsedInput<M>, context: CallContext) => Promise<IpcOutput<M>>;
};

/** The handlers of one namespace (`session.*`), so each lives in its own file under handlers/. */
export type HandlersFor<N extends string> = {
  [M in IpcMethod as M extends `${N}.${string}` ? M : never]: CoreHandlers[M];
};
