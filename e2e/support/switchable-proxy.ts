import net from 'node:net';

export interface SwitchableProxy {
  /** http://127.0.0.1:<port>: give this to the app as its central service. */
  url: string;
  /** Offline: open connections are cut and new ones refused at once, as when the Wi-Fi drops. */
  setOnline(online: boolean): void;
  /** Every chunk from the service arrives this much later (a slow mobile connection). */
  setDelayMs(ms: number): void;
  close(): Promise<void>;
}

/**
 * A TCP proxy in the test process between one app instance and the central service, so the test
 * takes exactly that laptop offline (or makes its link slow) while the service and the other
 * laptop carry on. Nothing in the app knows about it: no test switch in production code.
 */
export async function startSwitchableProxy(target: string): Promise<SwitchableProxy> {
  const { hostname, port } = new URL(target);
  let online = true;
  let delayMs = 0;
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    if (!online) {
      client.destroy();
      return;
    }
    const upstream = net.connect(Number(port), hostname);
    open.add(client);
    open.add(upstream);
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk) => {
      if (delayMs === 0) client.write(chunk);
      // Equal delays keep the order of chunks (timers of equal length fire in order).
      else setTimeout(() => client.writable && client.write(chunk), delayMs);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', () => setTimeout(end, delayMs)).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    setOnline: (next) => {
      online = next;
      if (!next) for (const socket of open) socket.destroy();
    },
    setDelayMs: (ms) => {
      delayMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
