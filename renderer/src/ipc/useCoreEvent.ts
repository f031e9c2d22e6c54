import { useEffect } from 'react';
import type { IpcEventListener, IpcEventName } from '../../../shared/ipc/contract.js';
import { api } from '../bridge/index.js';

/** Subscribes to a core event for the lifetime of the component. */
export function useCoreEvent<E extends IpcEventName>(event: E, listener: IpcEventListener<E>): void {
  useEffect(() => api.onEvent(event, listener), [event, listener]);
}
