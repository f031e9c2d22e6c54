import { readCoreConfig } from './config.js';
import { createCore } from './core.js';
import { serveTransport } from './connection.js';
import { createLogger } from '../log/logger.js';

/**
 * Entry of the core when Electron runs it as a utility process. Main sends one MessagePort per
 * renderer page load. Typed locally so that this file does not import 'electron'.
 */
interface PortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  on(event: 'close', listener: () => void): void;
  postMessage(message: unknown): void;
  start(): void;
}
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown; ports: PortLike[] }) => void): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!parentPort) {
  console.error('The core utility entry must be started by Electron (utilityProcess.fork).');
  process.exit(1);
}

const log = createLogger('core');
// Bundled as CommonJS (no top-level await): ports that arrive before the core is ready wait for it.
const ready = createCore(readCoreConfig(process.env, 'electron', process.env.THUISDOSSIER_VERSION ?? '0.0.0'), log);
ready.catch((error: unknown) => {
  log.fatal({ err: error }, 'the core could not start');
  process.exit(1);
});

parentPort.on('message', (event) => void ready.then((core) => {
  const [port] = event.ports;
  if (!port) return;
  serveTransport(
    {
      send: (message) => port.postMessage(message),
      onMessage: (receive) => port.on('message', (message) => receive(message.data)),
      onClose: (closed) => port.on('close', closed),
    },
    core.dispatch,
    core.events,
  );
  port.start();
}));
