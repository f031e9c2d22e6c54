import { MessageChannelMain, utilityProcess, type UtilityProcess, type WebContents } from 'electron';
import { CORE_PORT_CHANNEL, isTrustedFrameUrl } from './security-config.js';

/**
 * Forks the core (store, sync, export, licence) as a utility process, so long work never blocks
 * the window, and gives each page load of a trusted window its own MessagePort to it.
 */
export function startCoreProcess(corePath: string, env: NodeJS.ProcessEnv): UtilityProcess {
  return utilityProcess.fork(corePath, [], { serviceName: 'Thuisdossier core', env, stdio: 'inherit' });
}

export function connectRendererToCore(core: UtilityProcess, contents: WebContents): void {
  contents.on('did-finish-load', () => {
    // Checked on every load: a frame that is not the app never gets a port to the core.
    if (!isTrustedFrameUrl(contents.getURL())) return;
    const { port1, port2 } = new MessageChannelMain();
    core.postMessage({ kind: 'connect' }, [port1]);
    contents.postMessage(CORE_PORT_CHANNEL, null, [port2]);
  });
}
