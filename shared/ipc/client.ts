import { ipcMethods, type IpcApi, type IpcEventName, type IpcMethod } from './contract.js';
import type { IpcResult } from './errors.js';
import { coreToRendererSchema, type RequestEnvelope } from './wire.js';

/** How a bridge moves envelopes: post one out, and hand every incoming one to `receive`. */
export interface RpcChannel {
  post(message: RequestEnvelope): void;
  listen(receive: (message: unknown) => void): void;
  /** Called by the bridge when the channel is gone; calls still waiting then fail with `offline`. */
  onClose?(closed: () => void): void;
}

type Listener = (payload: unknown) => void;

/**
 * Builds the renderer's API object from the contract over any channel. Used by the Electron
 * preload (MessagePort) and by the preview bridge (WebSocket), so both expose the same shape.
 */
export function createIpcApi(channel: RpcChannel): IpcApi {
  let nextId = 1;
  const pending = new Map<number, (result: IpcResult<unknown>) => void>();
  const listeners = new Map<string, Set<Listener>>();

  channel.listen((raw) => {
    const parsed = coreToRendererSchema.safeParse(raw);
    if (!parsed.success) return; // not ours, or garbled: ignore rather than crash the UI
    const message = parsed.data;
    if (message.kind === 'event') {
      for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
      return;
    }
    if (message.id === null) return;
    const resolve = pending.get(message.id);
    if (!resolve) return;
    pending.delete(message.id);
    resolve(message.result as IpcResult<unknown>);
  });

  channel.onClose?.(() => {
    for (const [id, resolve] of pending) {
      pending.delete(id);
      resolve({
        ok: false,
        error: { code: 'offline', message: 'The connection to the core closed before it answered.' },
      });
    }
  });

  const invoke = (method: IpcMethod, input: unknown): Promise<IpcResult<unknown>> =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      try {
        channel.post({ kind: 'request', id, method, input: input ?? {} });
      } catch (error) {
        pending.delete(id);
        resolve({
          ok: false,
          error: { code: 'offline', message: `The core could not be reached: ${String(error)}` },
        });
      }
    });

  const api: Record<string, Record<string, unknown>> = {};
  for (const method of ipcMethods) {
    const [namespace, action] = method.split('.') as [string, string];
    api[namespace] ??= {};
    api[namespace][action] = (input: unknown) => invoke(method, input);
  }

  const onEvent = (event: IpcEventName, listener: Listener): (() => void) => {
    const set = listeners.get(event) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(event, set);
    return () => set.delete(listener);
  };

  return { ...api, onEvent } as unknown as IpcApi;
}

