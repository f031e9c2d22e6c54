import { ipcEvents, type IpcEventName, type IpcEventPayload } from '../../shared/ipc/contract.js';
import type { EventEnvelope } from '../../shared/ipc/wire.js';

export interface EventSink {
  send(message: EventEnvelope): void;
}

/** Pushes core events to every attached renderer, checked against the contract first. */
export class EventHub {
  private readonly sinks = new Set<EventSink>();

  attach(sink: EventSink): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }

  emit<E extends IpcEventName>(event: E, payload: IpcEventPayload<E>): void {
    const checked = ipcEvents[event].parse(payload);
    for (const sink of this.sinks) sink.send({ kind: 'event', event, payload: checked });
  }
}
