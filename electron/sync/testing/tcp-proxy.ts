import net from 'node:net';

export type ProxyFault = 'pass' | 'drop' | 'stall';

export interface FaultyProxy {
  /** http://127.0.0.1:<port>: give it to the device instead of the hub's URL. */
  url: string;
  /** How each new connection behaves; `random` (0–1) comes from the test's seeded generator. */
  decide: (random: number) => ProxyFault;
  counts: Record<ProxyFault, number>;
  close(): Promise<void>;
}

/**
 * A TCP proxy between a device and the hub that breaks connections (DESIGN.md example 9, docs/sync.md
 * "Failures"): per connection it passes everything, *drops* it (both sides reset after a random
 * number of bytes, in either direction — a request cut short, or an answer lost after the hub
 * committed), or *stalls* it (bytes stop flowing after a random point; the device's timeout must
 * end it). Deterministic for a given generator, so a failure can be replayed from its seed.
 */
export async function startFaultyProxy(target: string, next: () => number, decide: (random: number) => ProxyFault = () => 'pass'): Promise<FaultyProxy> {
  const { hostname, port } = new URL(target);
  const counts: Record<ProxyFault, number> = { pass: 0, drop: 0, stall: 0 };
  const sockets = new Set<net.Socket>();
  const proxy: FaultyProxy = {
    url: '',
    decide,
    counts,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(port), hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    // Decided per request, not per connection: the device keeps connections alive, and one lucky
    // connection must not carry every later request unharmed. HTTP/1.1 without pipelining: a
    // request starts when the device sends after an answer began.
    let fault: ProxyFault = 'pass';
    let breakAfter = 0;
    let inAnswer = false;
    let passed = 0;
    let newRequest = true;
    let broken = false;
    const relay = (from: net.Socket, to: net.Socket, fromDevice: boolean) => {
      from.on('data', (chunk: Buffer) => {
        if (broken) return;
        if (fromDevice && newRequest) {
          newRequest = false;
          fault = proxy.decide(next());
          counts[fault] += 1;
          breakAfter = Math.floor(next() * 4000); // where it breaks: after this many bytes…
          inAnswer = next() < 0.6; // …of the answer (the hub may have committed), or of the request
          passed = 0;
        }
        if (!fromDevice) newRequest = true;
        if (fault === 'pass' || fromDevice === inAnswer) return void to.write(chunk);
        const room = breakAfter - passed;
        if (room > 0) to.write(room >= chunk.length ? chunk : chunk.subarray(0, room));
        passed += chunk.length;
        if (passed < breakAfter) return;
        broken = true;
        if (fault === 'drop') {
          client.resetAndDestroy();
          upstream.destroy();
        } else {
          from.pause(); // stalled: nothing more flows; the device times out
        }
      });
      from.on('end', () => to.end());
    };
    relay(client, upstream, true);
    relay(upstream, client, false);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  return proxy;
}
