import { createIpcApi } from '../../../shared/ipc/client.js';
import type { IpcApi } from '../../../shared/ipc/contract.js';
import type { RequestEnvelope } from '../../../shared/ipc/wire.js';

const TOKEN_KEY = 'thuisdossier.previewToken';

/**
 * The preview host's bridge: the same contract over a WebSocket to 127.0.0.1. The token comes
 * from the URL the host printed; it is moved to sessionStorage and removed from the address bar
 * so it does not end up in screenshots or history.
 */
export function createPreviewBridge(): IpcApi {
  const token = takeToken();
  const queued: RequestEnvelope[] = [];
  let socket: WebSocket | undefined;
  let receive: (message: unknown) => void = () => undefined;
  let closed: () => void = () => undefined;
  let retryMs = 250;

  const connect = () => {
    const ws = new WebSocket(`ws://${location.host}/ipc?token=${encodeURIComponent(token)}`);
    ws.onopen = () => {
      socket = ws;
      retryMs = 250;
      for (const envelope of queued.splice(0)) ws.send(JSON.stringify(envelope));
    };
    ws.onmessage = (event) => {
      try {
        receive(JSON.parse(String(event.data)));
      } catch {
        // A garbled frame is ignored; the call it belonged to fails when the socket closes.
      }
    };
    ws.onclose = () => {
      socket = undefined;
      closed();
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5_000);
    };
  };
  connect();

  return createIpcApi({
    post: (envelope) => {
      if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(envelope));
      else queued.push(envelope);
    },
    listen: (handler) => {
      receive = handler;
    },
    onClose: (handler) => {
      closed = handler;
    },
  });
}

function takeToken(): string {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  return fromUrl ?? sessionStorage.getItem(TOKEN_KEY) ?? '';
}
