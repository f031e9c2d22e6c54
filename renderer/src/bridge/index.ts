import type { IpcApi } from '../../../shared/ipc/contract.js';
import { createPreviewBridge } from './preview-bridge.js';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent when the preview host serves the app. */
    thuisdossier?: IpcApi;
  }
}

/** The one API object of the renderer. Screens do not know which bridge carries it. */
export const api: IpcApi = window.thuisdossier ?? createPreviewBridge();
