import { randomUUID } from 'node:crypto';
import type { ResponseEnvelope, EventEnvelope } from '../../shared/ipc/wire.js';
import type { Dispatch } from './dispatcher.js';
import type { EventHub } from './events.js';

/** One renderer attached to the core, whatever carries its messages. */
export interface Transport {
  send(message: ResponseEnvelope | EventEnvelope): void;
  onMessage(receive: (raw: unknown) => void): void;
  onClose(closed: () => void): void;
}

/** Wires a transport to the dispatcher and the event hub; returns the connection's id. */
export function serveTransport(transport: Transport, dispatch: Dispatch, events: EventHub): string {
  const connectionId = randomUUID();
  const detach = events.attach({ send: (message) => transport.send(message) });
  transport.onMessage((raw) => {
    void dispatch(raw, { connectionId }).then((response) => transport.send(response));
  });
  transport.onClose(detach);
  return connectionId;
}
