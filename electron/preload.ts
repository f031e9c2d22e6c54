import { contextBridge, ipcRenderer } from 'electron';
import { createIpcApi } from '../shared/ipc/client.js';
import type { IpcApi } from '../shared/ipc/contract.js';
import type { RequestEnvelope } from '../shared/ipc/wire.js';
import { CORE_PORT_CHANNEL } from './shell/security-config.js';

/**
 * The whole preload: receive the MessagePort to the core from main, and expose one API object
 * derived from the contract. The renderer never sees ipcRenderer, the port or Node.
 */
let port: MessagePort | undefined;
const queued: RequestEnvelope[] = [];
let receive: (message: unknown) => void = () => undefined;

ipcRenderer.on(CORE_PORT_CHANNEL, (event) => {
  const [received] = event.ports;
  if (!received) return;
  port = received;
  port.onmessage = (message) => receive(message.data);
  for (const envelope of queued.splice(0)) port.postMessage(envelope);
});

const api = createIpcApi({
  post: (envelope) => (port ? port.postMessage(envelope) : queued.push(envelope)),
  listen: (handler) => {
    receive = handler;
  },
}) satisfies IpcApi;

contextBridge.exposeInMainWorld('thuisdossier', api);
